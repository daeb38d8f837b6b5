import { Link } from 'react-router';
import type { LegalFacts } from '../../../core/legal/contracts.ts';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { textLinkClasses } from '../../components/text-link.tsx';
import { LegalPage, LegalSection, operatorName } from './legal-layout.tsx';

function OperatorDetails({ facts }: { facts: LegalFacts }) {
  const { name, postalAddress } = facts.operator;
  return (
    <LegalSection id="operator" title="Who provides the service">
      <p>
        {name ? (
          <>
            IDEA Brand Coach on this site is provided by <strong className="text-slate-900">{name}</strong>.
          </>
        ) : (
          'IDEA Brand Coach on this site is provided by its operator, who has not published their name here.'
        )}
      </p>
      {postalAddress ? <p className="whitespace-pre-line">{postalAddress}</p> : null}
      <p>
        <Link to={PAGE_PATHS.contact} className={textLinkClasses}>
          Contact details
        </Link>
      </p>
    </LegalSection>
  );
}

function TermsFacts({ facts }: { facts: LegalFacts }) {
  const ai = facts.processors.find((processor) => processor.kind === 'ai');
  const { limits } = facts;
  return (
    <>
      <OperatorDetails facts={facts} />
      <LegalSection id="service" title="What the service does">
        <p>
          IDEA Brand Coach helps you work on your brand: a diagnostic, worksheets, avatars, a brand canvas,
          research tools and a coach you can ask.{' '}
          {ai
            ? `The coach’s answers are written by an AI model at ${ai.name}, or by the built-in offline coach when it cannot be reached or a spending limit is reached.`
            : 'The coach’s answers are written by the built-in offline coach on this site’s server.'}{' '}
          Either way they are generated, and can be wrong or incomplete: check them before you rely on them.
        </p>
        <p>
          Which of your text is sent where, and what is kept for how long, is on the{' '}
          <Link to={PAGE_PATHS.privacy} className={textLinkClasses}>
            privacy page
          </Link>
          .
        </p>
      </LegalSection>
      <LegalSection id="limits" title="Limits">
        <p>Every account works within these limits, which the service enforces:</p>
        <ul className="list-disc space-y-1 pl-6">
          <li>{limits.aiRequestsPerDay} AI requests a day.</li>
          <li>{limits.documentUploadsPerDay} document uploads a day.</li>
          <li>{limits.documentsMegabytesPerBrand} MB of documents per brand.</li>
        </ul>
      </LegalSection>
      <LegalSection id="account" title="Your account">
        <p>
          You can download everything your account holds at any time, and delete the account from Settings.
          Deleting it signs you out everywhere at once; everything it owns is purged{' '}
          {facts.retention.accountDeletionGraceDays} days later.
        </p>
      </LegalSection>
      <LegalSection id="law" title="Governing law">
        <p>
          {facts.operator.governingLaw
            ? `These terms are governed by ${facts.operator.governingLaw}.`
            : `${capitalise(operatorName(facts))} has not stated which law governs these terms.`}
        </p>
      </LegalSection>
    </>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export default function TermsPage() {
  return (
    <LegalPage
      title="Terms of use"
      intro={
        <p>
          The terms of using IDEA Brand Coach on this site. Every fact on this page — who runs it, which
          services it uses and the limits it enforces — comes from this site’s own settings.
        </p>
      }
    >
      {(facts) => <TermsFacts facts={facts} />}
    </LegalPage>
  );
}
