import { Link } from 'react-router';
import type { LegalFacts } from '../../../core/legal/contracts.ts';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { Alert } from '../../components/alert.tsx';
import { textLinkClasses } from '../../components/text-link.tsx';
import { LegalPage, LegalSection } from './legal-layout.tsx';

function ContactFacts({ facts }: { facts: LegalFacts }) {
  const { name, contactEmail, postalAddress } = facts.operator;
  if (!contactEmail && !postalAddress) {
    return (
      <Alert tone="warning" title="No contact details are published yet">
        <p>
          The operator of this site has not set a contact address, so there is nobody to write to from here
          yet. Signed in, you can still download your data and delete your account yourself, in{' '}
          <Link to={PAGE_PATHS.settings} className={textLinkClasses}>
            Settings
          </Link>
          .
        </p>
        <p>
          Running this site? Set <code>CONTACT_EMAIL</code> (and, if you like, <code>OPERATOR_NAME</code> and{' '}
          <code>OPERATOR_POSTAL_ADDRESS</code>) in its configuration and restart it.
        </p>
      </Alert>
    );
  }
  return (
    <LegalSection id="operator" title={name ?? 'The operator of this site'}>
      {contactEmail ? (
        <p>
          Email:{' '}
          <a href={`mailto:${contactEmail}`} className={textLinkClasses}>
            {contactEmail}
          </a>
        </p>
      ) : null}
      {postalAddress ? (
        <div>
          <p>Post:</p>
          <p className="whitespace-pre-line">{postalAddress}</p>
        </div>
      ) : null}
      <p>
        Write to them to get back an account you deleted (within its grace period), to have your address
        removed from the report emails list, or with any question about your data.
      </p>
    </LegalSection>
  );
}

export default function ContactPage() {
  return (
    <LegalPage title="Contact" intro={<p>How to reach the people who run IDEA Brand Coach on this site.</p>}>
      {(facts) => <ContactFacts facts={facts} />}
    </LegalPage>
  );
}
