import { afterAll, expect, it } from 'vitest';
import {
  type DatabaseKind,
  describeOnEachDatabase,
  type ErrorBody,
  STRONG_PASSWORD,
  signUp,
  type TestClient,
} from '../../testing/harness.ts';
import { startSmtpServer, tokenFromMail } from '../../testing/smtp.ts';

const smtp = await startSmtpServer();
afterAll(() => smtp.close());

// One set of addresses per database, so each suite only ever reads its own emails.
const listed = (kind: DatabaseKind) => `Owner.Admin.${kind}@Example.com`;
const listedLater = (kind: DatabaseKind) => `second.owner.${kind}@example.com`;
const KINDS: DatabaseKind[] = ['pglite', 'postgres'];

interface UserBody {
  user: { id: string; email: string; emailVerified: boolean; role: string };
}

async function verify(client: TestClient, email: string) {
  const mail = await smtp.waitForMessage(
    (message) => message.to.includes(email) && /confirm/i.test(message.subject),
  );
  const verified = await client.post('/api/auth/verify-email', {
    token: tokenFromMail(mail, '/auth/verify-email'),
  });
  expect(verified.status).toBe(200);
}

describeOnEachDatabase(
  'ADMIN_EMAILS',
  (getApp, kind) => {
    const LISTED = listed(kind);
    const LISTED_LATER = listedLater(kind);

    it('makes a listed address an admin only once it is verified', async () => {
      const browser = getApp().client();
      const email = LISTED.toLowerCase();
      const signedUp = await browser.post<UserBody>('/api/auth/sign-up', {
        name: 'Owner',
        email: LISTED,
        password: STRONG_PASSWORD,
      });
      expect(signedUp.body.user).toMatchObject({ email, emailVerified: false, role: 'user' });

      // Unverified: signing in again does not promote, and the admin API stays closed.
      await browser.post('/api/auth/sign-out');
      const early = await browser.post<UserBody>('/api/auth/sign-in', { email, password: STRONG_PASSWORD });
      expect(early.body.user.role).toBe('user');
      expect((await browser.get<ErrorBody>('/api/admin/ai/budget')).status).toBe(403);

      // Verifying the address promotes it at once: the next request is an admin's.
      await verify(browser, email);
      const session = await browser.get<UserBody>('/api/session');
      expect(session.body.user).toMatchObject({ emailVerified: true, role: 'admin' });
      expect((await browser.get('/api/admin/ai/budget')).status).toBe(200);
    });

    it('promotes an address verified before it was listed when it signs in, and never an unlisted one', async () => {
      const testApp = getApp();
      const browser = testApp.client();
      await browser.post('/api/auth/sign-up', {
        name: 'Second',
        email: LISTED_LATER,
        password: STRONG_PASSWORD,
      });
      // Verified while the address was not yet listed (the list is read at sign-in and verification).
      await testApp.database.query(
        "update users set email_verified = true, role = 'user' where lower(email) = $1",
        [LISTED_LATER],
      );
      await browser.post('/api/auth/sign-out');
      const signedIn = await browser.post<UserBody>('/api/auth/sign-in', {
        email: LISTED_LATER,
        password: STRONG_PASSWORD,
      });
      expect(signedIn.body.user.role).toBe('admin');
      expect((await browser.get('/api/admin/ai/usage')).status).toBe(200);

      const other = testApp.client();
      const { email } = await signUp(other);
      await verify(other, email);
      await other.post('/api/auth/sign-out');
      const unlisted = await other.post<UserBody>('/api/auth/sign-in', { email, password: STRONG_PASSWORD });
      expect(unlisted.body.user).toMatchObject({ emailVerified: true, role: 'user' });
      expect((await other.get<ErrorBody>('/api/admin/ai/usage')).status).toBe(403);
    });
  },
  {
    env: {
      SMTP_URL: smtp.url,
      ADMIN_EMAILS: KINDS.flatMap((kind) => [listed(kind), listedLater(kind)]).join(', '),
    },
  },
);
