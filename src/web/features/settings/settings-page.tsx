import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { PageLoader } from '../../components/spinner.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { useSession } from '../../lib/session.ts';
import { AiUsageSection } from './ai-usage-section.tsx';
import { DeleteAccountSection } from './delete-account-section.tsx';
import { EmailPreferencesSection } from './email-preferences-section.tsx';
import { ExportSection } from './export-section.tsx';
import { PasswordSection } from './password-section.tsx';
import { ProfileSection } from './profile-section.tsx';
import { SessionsSection } from './sessions-section.tsx';
import { SurveyDigestSection } from './survey-digest-section.tsx';

const contents = [
  { id: 'profile', label: 'Profile' },
  { id: 'password', label: 'Password' },
  { id: 'sessions', label: 'Signed-in devices' },
  { id: 'ai-usage', label: 'AI usage' },
  { id: 'email', label: 'Email' },
  { id: 'email-preferences', label: 'Email preferences' },
  { id: 'export', label: 'Export your data' },
  { id: 'delete-account', label: 'Delete account' },
] as const;

export default function SettingsPage() {
  useDocumentTitle('Settings');
  const user = useSession().data?.user;
  // The signed-in guard renders this page only once the session is known.
  if (!user) return <PageLoader />;

  return (
    <div className="mx-auto w-full max-w-3xl space-y-8 px-4 py-10 sm:px-6 sm:py-14">
      <div className="space-y-3">
        <p className="text-sm">
          <TextLink to={PAGE_PATHS.dashboard}>Back to your dashboard</TextLink>
        </p>
        <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">Settings</h1>
      </div>
      <nav aria-label="Settings sections">
        <ul className="flex flex-wrap gap-2">
          {contents.map((item) => (
            <li key={item.id}>
              <a
                href={`#${item.id}`}
                className="inline-flex min-h-11 items-center rounded-full border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-50"
              >
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {/* Keyed by user so the forms start from the saved values after any account change. */}
      <ProfileSection key={`profile-${user.id}`} user={user} />
      <PasswordSection key={`password-${user.id}`} user={user} />
      <SessionsSection />
      <AiUsageSection />
      <SurveyDigestSection />
      <EmailPreferencesSection />
      <ExportSection />
      <DeleteAccountSection />
    </div>
  );
}
