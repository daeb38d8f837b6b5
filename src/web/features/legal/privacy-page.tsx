import { Link } from 'react-router';
import type { LegalFacts, Processor, StoredDataGroup } from '../../../core/legal/contracts.ts';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { textLinkClasses } from '../../components/text-link.tsx';
import { LegalPage, LegalSection, operatorName } from './legal-layout.tsx';

const GROUPS: Record<StoredDataGroup, { title: string; intro: string }> = {
  account: { title: 'Your account', intro: 'What we keep to give you an account and keep it safe.' },
  'brand-work': {
    title: 'Your brand work',
    intro: 'What you write, upload and make in the app, for the brand you choose.',
  },
  visitors: {
    title: 'Diagnostics, report emails and survey answers',
    intro: 'What the public pages keep, from people with or without an account.',
  },
  service: {
    title: 'Running the service',
    intro: 'What the app keeps to work, stay within its limits and be fixed.',
  },
};

const PROCESSOR_TITLES: Record<Processor['kind'], string> = {
  ai: 'AI provider',
  email: 'Email delivery',
  'error-tracking': 'Error tracking',
};

function StoredData({ facts }: { facts: LegalFacts }) {
  return (
    <LegalSection id="stored" title="What we store">
      <p>
        Everything below is kept in this site’s database. The list is made from the database’s own tables, so
        nothing is left out; the name under each entry is its table, as it appears in your data export.
      </p>
      {(Object.keys(GROUPS) as StoredDataGroup[]).map((group) => {
        const entries = facts.stored.filter((entry) => entry.group === group);
        if (entries.length === 0) return null;
        return (
          <section key={group} aria-labelledby={`stored-${group}`} className="space-y-3 pt-2">
            <h3 id={`stored-${group}`} className="text-lg font-semibold text-slate-900">
              {GROUPS[group].title}
            </h3>
            <p>{GROUPS[group].intro}</p>
            <ul className="divide-y divide-slate-200 rounded-2xl border border-slate-200 bg-white">
              {entries.map((entry) => (
                <li key={entry.table} className="space-y-1 px-4 py-3 sm:px-5">
                  <p className="text-slate-900">{entry.what}</p>
                  <p className="text-sm text-slate-700">{entry.kept}</p>
                  <p className="text-xs text-slate-600">
                    <code>{entry.table}</code>
                  </p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </LegalSection>
  );
}

function Processors({ facts }: { facts: LegalFacts }) {
  return (
    <LegalSection id="processors" title="Outside services">
      {facts.processors.length === 0 ? (
        <p>
          None. This site is not set up to use an AI provider, a mail service or an error tracker: the
          built-in offline coach writes every answer on the server, emails are not sent, and errors are only
          recorded here.
        </p>
      ) : (
        <>
          <p>This site is set up to send data to these services, and only for the purposes given.</p>
          {facts.processors.map((processor) => (
            <section
              key={processor.kind}
              aria-labelledby={`processor-${processor.kind}`}
              className="space-y-2"
            >
              <h3 id={`processor-${processor.kind}`} className="text-lg font-semibold text-slate-900">
                {PROCESSOR_TITLES[processor.kind]}: {processor.name}
              </h3>
              <p>{processor.purpose}</p>
              <p>What it receives:</p>
              <ul className="list-disc space-y-1 pl-6">
                {processor.receives.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </section>
          ))}
          {facts.processors.some((processor) => processor.kind === 'ai') ? null : (
            <p>No AI provider is used: the built-in offline coach writes every answer on the server.</p>
          )}
        </>
      )}
    </LegalSection>
  );
}

function PrivacyFacts({ facts }: { facts: LegalFacts }) {
  const { backups } = facts.retention;
  return (
    <>
      <LegalSection id="who" title="Who is responsible">
        <p>
          This site is run by <strong className="text-slate-900">{operatorName(facts)}</strong>
          {facts.operator.name ? '' : ', who has not published their name here'}.{' '}
          <Link to={PAGE_PATHS.contact} className={textLinkClasses}>
            How to contact them
          </Link>
          .
        </p>
      </LegalSection>
      <StoredData facts={facts} />
      <LegalSection id="backups" title="Backups">
        <p>
          The database is backed up once a day. The newest backup of each of the last {backups.daily} days,{' '}
          {backups.weekly} weeks and {backups.monthly} months is kept, so something deleted in the app stays
          in older backups until they are rotated out.
        </p>
      </LegalSection>
      <Processors facts={facts} />
      <LegalSection id="choices" title="Your choices">
        <ul className="list-disc space-y-1 pl-6">
          <li>
            Download everything your account holds, at any time, from{' '}
            <Link to={PAGE_PATHS.settings} className={textLinkClasses}>
              Settings
            </Link>
            .
          </li>
          <li>
            Delete your account in Settings: you are signed out everywhere at once, and everything it owns is
            purged {facts.retention.accountDeletionGraceDays} days later. Until then, the operator can restore
            it if you ask.
          </li>
          <li>See and sign out your other devices in Settings.</li>
        </ul>
      </LegalSection>
    </>
  );
}

export default function PrivacyPage() {
  return (
    <LegalPage
      title="Privacy"
      intro={
        <>
          <p>
            What this site keeps about you, for how long, and who else receives it. The page is written from
            the site itself — its database, its retention settings and the services it is set up to use — so
            it stays true when they change.
          </p>
          <p>
            Cookies: only the ones the app needs — your sign-in session, and a random token that ties a
            diagnostic or a survey answer to your browser. In your browser’s own storage the app keeps the
            brand you last worked on and unfinished diagnostic answers or Value Lens briefs. No advertising or
            analytics cookies.
          </p>
        </>
      }
    >
      {(facts) => <PrivacyFacts facts={facts} />}
    </LegalPage>
  );
}
