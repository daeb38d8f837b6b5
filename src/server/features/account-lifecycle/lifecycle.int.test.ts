import { unzipSync } from 'fflate';
import { afterAll, expect, it } from 'vitest';
import type {
  AccountDeletionResponse,
  DeletedAccountList,
  RestoreAccountResponse,
} from '../../../core/account/lifecycle-contracts.ts';
import type { ChatSession } from '../../../core/ai/chat-contracts.ts';
import { formatPurgeDate } from '../../../core/auth/scheduled-deletion.ts';
import type { DiagnosticResult } from '../../../core/diagnostic/contracts.ts';
import type { KnowledgeDocument } from '../../../core/knowledge/contracts.ts';
import { grantAdminRole } from '../../platform/auth/admin-bootstrap.ts';
import { DAY_MS, ManualClock } from '../../platform/clock.ts';
import { multipartBody, utf8 } from '../../testing/fixtures/documents.ts';
import {
  defaultBrandId,
  describeOnEachDatabase,
  type ErrorBody,
  STRONG_PASSWORD,
  signUp,
  type TestApp,
  type TestClient,
} from '../../testing/harness.ts';
import { type CapturedMail, startSmtpServer, tokenFromMail } from '../../testing/smtp.ts';

// Starts at the real time (sessions expire by the real clock); tests that move it reset it first.
const clock = new ManualClock();
const CONTACT = 'help@coach.example.com';
const smtp = await startSmtpServer();
afterAll(() => smtp.close());

const ANSWERS: Record<string, number> = {
  'insight-motivation': 4,
  'insight-customer-clarity': 5,
  'distinctive-difference': 2,
  'distinctive-assets': 3,
  'empathetic-bond': 3,
  'empathetic-messaging': 3,
  'authentic-transparency': 1,
  'authentic-consistency': 2,
};

/** A signed-up user with a diagnostic result and a chat conversation holding a recognisable message. */
async function userWithContent(testApp: TestApp, label: string) {
  const client = testApp.client();
  const { email, user } = await signUp(client, { name: `${label} Person` });
  const result = await client.post<{ result: DiagnosticResult }>('/api/diagnostic/results', {
    questionnaireVersion: 1,
    answers: ANSWERS,
  });
  expect(result.status).toBe(201);
  const session = await client.post<ChatSession>('/api/ai/chat/sessions', {
    title: `${label} plans`,
    brandId: await defaultBrandId(client),
  });
  expect(session.status).toBe(201);
  const message = `How should ${label} price the launch?`;
  const turn = await client.post(`/api/ai/chat/sessions/${session.body.id}/messages`, { content: message });
  expect(turn.status).toBe(200);
  return { client, email, user, resultId: result.body.result.id, sessionId: session.body.id, message };
}

/** Uploads a text file to the user's default brand and runs its processing job. */
async function uploadNote(testApp: TestApp, client: TestClient, fileName: string, text: string) {
  const { contentType, body } = multipartBody({ bytes: utf8(text), fileName });
  const response = await fetch(
    new URL(`/api/brands/${await defaultBrandId(client)}/documents`, client.baseUrl),
    {
      method: 'POST',
      headers: { cookie: client.cookieHeader(), 'content-type': contentType },
      body: new Uint8Array(body),
    },
  );
  expect(response.status).toBe(201);
  const { document } = (await response.json()) as { document: KnowledgeDocument };
  await testApp.app.services.jobs.tick();
  return document;
}

async function download(client: TestClient, path: string) {
  const response = await fetch(new URL(path, client.baseUrl), { headers: { cookie: client.cookieHeader() } });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

async function countOwned(testApp: TestApp, userId: string) {
  const [row] = await testApp.database.query<{
    users: number;
    results: number;
    chats: number;
    messages: number;
    documents: number;
    files: number;
    passages: number;
  }>(
    `select (select count(*)::int from users where id = $1) as users,
       (select count(*)::int from diagnostic_results where user_id = $1) as results,
       (select count(*)::int from chat_sessions where user_id = $1) as chats,
       (select count(*)::int from chat_messages m join chat_sessions s on s.id = m.session_id
         where s.user_id = $1) as messages,
       (select count(*)::int from documents where user_id = $1) as documents,
       (select count(*)::int from document_files f join documents d on d.id = f.document_id
         where d.user_id = $1) as files,
       (select count(*)::int from knowledge_chunks where user_id = $1 and source_type = 'document')
         as passages`,
    [userId],
  );
  return row;
}

async function adminClient(testApp: TestApp) {
  const client = testApp.client();
  const { email } = await signUp(client, { name: 'Admin' });
  await grantAdminRole(testApp.database, email);
  return { client, email };
}

/** Runs the daily retention job at the clock's current time (a new day is a new slot). */
async function runRetention(testApp: TestApp) {
  await testApp.app.services.jobs.tick();
}

describeOnEachDatabase(
  'account export and deletion',
  (getApp) => {
    it('exports a ZIP of the user’s own rows, documents and a README — nobody else’s, no secrets', async () => {
      // Sessions are checked against the clock: back to now after the tests that moved it.
      clock.set(new Date());
      const testApp = getApp();
      const alice = await userWithContent(testApp, 'Alice');
      const bob = await userWithContent(testApp, 'Bob');
      const aliceNote = 'Alice sells hand-bound sketchbooks at the Saturday market.\n';
      const aliceDocument = await uploadNote(testApp, alice.client, 'Market notes.txt', aliceNote);
      const bobDocument = await uploadNote(
        testApp,
        bob.client,
        'Bob plan.txt',
        'Bob roasts coffee on Tuesdays.',
      );

      const { response, bytes } = await download(alice.client, '/api/account/export');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/zip');
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="idea-brand-coach-export-${clock.now().toISOString().slice(0, 10)}.zip"`,
      );
      expect(response.headers.get('cache-control')).toBe('private, no-store');

      const files = unzipSync(bytes);
      const names = Object.keys(files);
      const text = (name: string) => new TextDecoder().decode(files[name]);
      expect(names).toContain('README.txt');
      expect(text('README.txt')).toContain('data/diagnostic_results.json');
      // The README lists what the export holds: PDF reports made from the user's data and the files
      // they uploaded, and says why the uploads' bytes and the search index are not in data/.
      expect(text('README.txt')).toContain('documents/diagnostic-reports/');
      expect(text('README.txt')).toContain(
        '- documents/uploads/: the documents you uploaded, as uploaded, each with its extracted text (<file>.txt)',
      );
      expect(text('README.txt')).toContain(
        'data/document_files.json is not included: the uploaded files are in documents/uploads/',
      );
      expect(text('README.txt')).toContain(
        'data/knowledge_chunks.json is not included: it is the search index',
      );
      expect(names).not.toContain('data/document_files.json');
      expect(names).not.toContain('data/knowledge_chunks.json');
      const uploads = names.filter((name) => name.startsWith('documents/uploads/')).sort();
      const stored = `documents/uploads/market-notes-${aliceDocument.id.slice(0, 8)}.txt`;
      expect(uploads).toEqual([stored, `${stored}.txt`]);
      expect(Buffer.compare(Buffer.from(files[stored] ?? []), Buffer.from(aliceNote))).toBe(0);
      expect(text(`${stored}.txt`)).toBe(
        'Market notes.txt\n\n## Market notes.txt\n\nAlice sells hand-bound sketchbooks at the Saturday market.\n',
      );
      // The document's row (name, status, size) is data like any other; its bytes are the file above.
      const documentRows = JSON.parse(text('data/documents.json')) as { rows: Record<string, unknown>[] };
      expect(documentRows.rows.map((row) => [row.id, row.name, row.status])).toEqual([
        [aliceDocument.id, 'Market notes.txt', 'ready'],
      ]);
      for (const folder of new Set(
        names.filter((name) => name.startsWith('documents/')).map((name) => name.split('/')[1]),
      ))
        expect(text('README.txt')).toContain(`documents/${folder}/`);
      expect(names).not.toContain('data/sessions.json');
      expect(names).not.toContain('data/accounts.json');

      const account = JSON.parse(text('account.json')) as Record<string, unknown>;
      expect(account).toMatchObject({ id: alice.user.id, email: alice.email, name: 'Alice Person' });

      const results = JSON.parse(text('data/diagnostic_results.json')) as { rows: { id: string }[] };
      expect(results.rows.map((row) => row.id)).toEqual([alice.resultId]);
      const chats = JSON.parse(text('data/chat_sessions.json')) as { rows: { id: string }[] };
      expect(chats.rows.map((row) => row.id)).toEqual([alice.sessionId]);
      // Messages have no user_id of their own: they are found through their session.
      const messages = JSON.parse(text('data/chat_messages.json')) as { rows: { content: string }[] };
      expect(messages.rows.map((row) => row.content)).toContain(alice.message);
      expect(messages.rows.length).toBeGreaterThanOrEqual(2);

      const pdfs = names.filter((name) => name.startsWith('documents/diagnostic-reports/'));
      expect(pdfs).toHaveLength(1);
      expect(new TextDecoder().decode(files[pdfs[0] ?? '']?.slice(0, 5))).toBe('%PDF-');

      const everything = names.map((name) => (name.endsWith('.pdf') ? '' : text(name))).join('\n');
      for (const foreign of [
        bob.user.id,
        bob.email,
        bob.resultId,
        bob.sessionId,
        bob.message,
        bobDocument.id,
        'roasts coffee',
      ]) {
        expect(everything).not.toContain(foreign);
      }
      expect(everything).not.toMatch(/"password"|"token"|scrypt|\$argon/i);
      const [hash] = await testApp.database.query<{ password: string }>(
        'select password from accounts where user_id = $1',
        [alice.user.id],
      );
      expect(hash?.password).toBeTruthy();
      expect(everything).not.toContain(hash?.password);
    });

    it('throttles exports per user and refuses them without a session', async () => {
      const testApp = getApp();
      const client = testApp.client();
      await signUp(client);
      for (let attempt = 0; attempt < 5; attempt += 1) {
        expect((await download(client, '/api/account/export')).response.status).toBe(200);
      }
      const limited = await client.get<ErrorBody>('/api/account/export');
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe('RATE_LIMITED');
      expect(limited.headers.get('retry-after')).toBeTruthy();
      // Another user is not affected.
      const other = testApp.client();
      await signUp(other);
      expect((await download(other, '/api/account/export')).response.status).toBe(200);
      expect((await testApp.client().get<ErrorBody>('/api/account/export')).status).toBe(401);
    });

    it('refuses a deletion without the right password or the typed confirmation, changing nothing', async () => {
      const testApp = getApp();
      const client = testApp.client();
      const { user } = await signUp(client);
      const wrong = await client.post<ErrorBody>('/api/account/deletion', {
        password: 'Not-The-Password-1',
        confirmation: 'DELETE',
      });
      expect(wrong.status).toBe(403);
      expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
      expect(wrong.body.error.message).toMatch(/password is not correct/i);
      const unconfirmed = await client.post<ErrorBody>('/api/account/deletion', {
        password: STRONG_PASSWORD,
        confirmation: 'delete',
      });
      expect(unconfirmed.status).toBe(400);
      expect(unconfirmed.body.error.details?.[0]?.path).toBe('body.confirmation');
      const empty = await client.post<ErrorBody>('/api/account/deletion', {});
      expect(empty.status).toBe(400);
      expect((await client.get('/api/session')).status).toBe(200);
      const pending = await testApp.database.query('select 1 from account_deletions where user_id = $1', [
        user.id,
      ]);
      expect(pending).toHaveLength(0);
      expect(
        ((await client.get<{ user: unknown }>('/api/session')).body as { user: unknown }).user,
      ).not.toBeNull();
    });

    it('locks the account at once, keeps the data through the grace period, restores, then purges after it', async () => {
      clock.set(new Date());
      const testApp = getApp();
      const carol = await userWithContent(testApp, 'Carol');
      const dave = await userWithContent(testApp, 'Dave');
      await uploadNote(testApp, carol.client, 'Carol.txt', 'Carol knits alpaca scarves.');
      await uploadNote(testApp, dave.client, 'Dave.txt', 'Dave repairs vintage radios.');
      // A second browser signed in to the same account.
      const carolPhone = testApp.client();
      expect(
        (await carolPhone.post('/api/auth/sign-in', { email: carol.email, password: STRONG_PASSWORD }))
          .status,
      ).toBe(200);
      const phoneCookie = carolPhone.cookieHeader();
      const laptopCookie = carol.client.cookieHeader();

      const requestedAt = clock.now();
      const deletion = await carol.client.post<AccountDeletionResponse>('/api/account/deletion', {
        password: STRONG_PASSWORD,
        confirmation: 'DELETE',
      });
      expect(deletion.status).toBe(200);
      expect(new Date(deletion.body.purgeAfter).getTime()).toBe(requestedAt.getTime() + 30 * DAY_MS);
      expect(deletion.headers.getSetCookie().join('\n')).toMatch(/ibc\.session_token=;.*Max-Age=0/);

      // Every session is dead at once, whichever browser holds it.
      for (const cookie of [laptopCookie, phoneCookie]) {
        const response = await fetch(new URL('/api/ai/chat/sessions', testApp.baseUrl), {
          headers: { cookie },
        });
        expect(response.status).toBe(401);
      }
      // Sign-in is refused: the owner, with the right password, is told when and how to get it back.
      const signIn = await testApp.client().post<ErrorBody>('/api/auth/sign-in', {
        email: carol.email,
        password: STRONG_PASSWORD,
      });
      expect(signIn.status).toBe(403);
      expect(signIn.body.error.code).toBe('ACCOUNT_PENDING_DELETION');
      expect(signIn.headers.getSetCookie()).toEqual([]);

      // Admin sees it pending; a non-admin cannot see or restore it.
      const { client: admin, email: adminEmail } = await adminClient(testApp);
      const listed = await admin.get<DeletedAccountList>('/api/admin/users/deleted');
      expect(listed.status).toBe(200);
      expect(listed.body.accounts.find((account) => account.userId === carol.user.id)).toMatchObject({
        email: carol.email,
        purgeAfter: deletion.body.purgeAfter,
      });
      expect((await dave.client.get<ErrorBody>('/api/admin/users/deleted')).status).toBe(403);
      const sneaky = await dave.client.post<ErrorBody>(`/api/admin/users/${carol.user.id}/restore`);
      expect(sneaky.status).toBe(403);
      expect(sneaky.body.error.code).toBe('FORBIDDEN');

      // One day before the end of the grace period the data is all still there.
      clock.advance(29 * DAY_MS);
      await runRetention(testApp);
      expect(await countOwned(testApp, carol.user.id)).toEqual({
        users: 1,
        results: 1,
        chats: 1,
        messages: 2,
        documents: 1,
        files: 1,
        passages: 1,
      });

      // Restore within the grace period: sign-in works again.
      const restored = await admin.post<RestoreAccountResponse>(`/api/admin/users/${carol.user.id}/restore`);
      expect(restored.status).toBe(200);
      expect(restored.body).toMatchObject({ userId: carol.user.id, email: carol.email });
      const again = await admin.post<ErrorBody>(`/api/admin/users/${carol.user.id}/restore`);
      expect(again.status).toBe(409);
      const back = testApp.client();
      expect(
        (await back.post('/api/auth/sign-in', { email: carol.email, password: STRONG_PASSWORD })).status,
      ).toBe(200);

      // Delete again; past the grace period the retention job purges everything she owned.
      const secondDeletion = await back.post<AccountDeletionResponse>('/api/account/deletion', {
        password: STRONG_PASSWORD,
        confirmation: 'DELETE',
      });
      expect(secondDeletion.status).toBe(200);
      clock.advance(30 * DAY_MS + 1000);
      // Past the end of the grace period but before the purge ran, it can no longer be restored.
      const late = await admin.post<ErrorBody>(`/api/admin/users/${carol.user.id}/restore`);
      expect(late.status).toBe(409);
      await runRetention(testApp);
      expect(await countOwned(testApp, carol.user.id)).toEqual({
        users: 0,
        results: 0,
        chats: 0,
        messages: 0,
        documents: 0,
        files: 0,
        passages: 0,
      });
      const [ledger] = await testApp.database.query<{ count: number }>(
        'select count(*)::int as count from ai_calls where user_id = $1',
        [carol.user.id],
      );
      expect(ledger?.count).toBe(0);
      // The purge also removed sessions that expired by then (the admin's included): sign in afresh.
      const freshAdmin = testApp.client();
      await freshAdmin.post('/api/auth/sign-in', { email: adminEmail, password: STRONG_PASSWORD });
      const gone = await freshAdmin.post<ErrorBody>(`/api/admin/users/${carol.user.id}/restore`);
      expect(gone.status).toBe(404);
      expect(gone.body.error.code).toBe('NOT_FOUND');
      // User ids are UUIDs (src/core/http/params.ts): anything else is refused before a lookup.
      const notAnId = await freshAdmin.post<ErrorBody>('/api/admin/users/not-a-user-id/restore');
      expect(notAnId.status).toBe(400);
      expect(notAnId.body.error.details?.[0]?.path).toBe('params.userId');

      // Dave's data is untouched.
      expect(await countOwned(testApp, dave.user.id)).toEqual({
        users: 1,
        results: 1,
        chats: 1,
        messages: 2,
        documents: 1,
        files: 1,
        passages: 1,
      });
    });
  },
  { clock, env: { SMTP_URL: smtp.url } },
);

describeOnEachDatabase(
  'account pending deletion: what each visitor is told',
  (getApp) => {
    const resetLinkOf = (mail: CapturedMail) => /\/auth\/reset-password\?token=/.test(mail.text);

    it('tells only the owner: the date and the contact after the right password or in their mailbox', async () => {
      clock.set(new Date());
      const testApp = getApp();
      const carol = await userWithContent(testApp, 'Carola');
      const dave = await userWithContent(testApp, 'Davide');
      // A reset link she asked for earlier; the deletion must kill it.
      await testApp.client().post('/api/auth/request-password-reset', { email: carol.email });
      await testApp.app.services.jobs.tick();
      const earlierLink = tokenFromMail(
        await smtp.waitForMessage((mail) => mail.to.includes(carol.email) && resetLinkOf(mail)),
        '/auth/reset-password',
      );

      const deletion = await carol.client.post<AccountDeletionResponse>('/api/account/deletion', {
        password: STRONG_PASSWORD,
        confirmation: 'DELETE',
      });
      expect(deletion.status).toBe(200);
      const purgeDate = formatPurgeDate(deletion.body.purgeAfter);

      // The confirmation: when the data goes, and who can bring it back.
      const confirmation = await smtp.waitForMessage(
        (mail) => mail.to.includes(carol.email) && /scheduled for deletion/.test(mail.subject),
      );
      expect(confirmation.text).toContain(purgeDate);
      expect(confirmation.text).toContain(CONTACT);
      expect(confirmation.html).toContain(`mailto:${CONTACT}`);

      // Sign-in: the right password learns the date and the contact; a wrong one learns nothing.
      const owner = await testApp.client().post<ErrorBody>('/api/auth/sign-in', {
        email: carol.email,
        password: STRONG_PASSWORD,
      });
      expect(owner.status).toBe(403);
      expect(owner.body.error).toMatchObject({
        code: 'ACCOUNT_PENDING_DELETION',
        message: `This account is scheduled for deletion on ${purgeDate}, so it can’t be signed in to. To keep it, contact ${CONTACT} before then.`,
      });
      const guesser = await testApp.client().post<ErrorBody>('/api/auth/sign-in', {
        email: carol.email,
        password: 'Wrong-Password-42',
      });
      const strangerWrong = await testApp.client().post<ErrorBody>('/api/auth/sign-in', {
        email: dave.email,
        password: 'Wrong-Password-42',
      });
      expect(guesser.status).toBe(401);
      expect(guesser.body.error.code).toBe('INVALID_CREDENTIALS');
      expect(guesser.body.error.message).toBe(strangerWrong.body.error.message);

      // The earlier reset link is dead, and says so.
      const status = await testApp
        .client()
        .get<{ status: string }>(
          `/api/auth/reset-password/status?${new URLSearchParams({ token: earlierLink })}`,
        );
      expect(status.body.status).toBe('revoked');
      const lateReset = await testApp
        .client()
        .post<ErrorBody>('/api/auth/reset-password', { token: earlierLink, newPassword: 'Lantern-Fjord-83' });
      expect(lateReset.status).toBe(400);

      // A reset request gets the usual answer; the mailbox gets the explanation instead of a link.
      const lockedReset = await testApp
        .client()
        .post('/api/auth/request-password-reset', { email: carol.email });
      const openReset = await testApp
        .client()
        .post('/api/auth/request-password-reset', { email: dave.email });
      expect(lockedReset.status).toBe(200);
      expect(lockedReset.body).toEqual(openReset.body);
      const sentBefore = new Set(smtp.messages);
      await testApp.app.services.jobs.tick();
      await smtp.waitForMessage((mail) => mail.to.includes(dave.email) && resetLinkOf(mail));
      const notice = await smtp.waitForMessage(
        (mail) =>
          !sentBefore.has(mail) && mail.to.includes(carol.email) && /reset the password/.test(mail.text),
      );
      expect(notice.subject).toMatch(/scheduled for deletion/);
      expect(notice.text).toContain(purgeDate);
      expect(notice.text).toContain(CONTACT);
      expect(resetLinkOf(notice)).toBe(false);
      expect(
        smtp.messages.filter(
          (mail) => !sentBefore.has(mail) && mail.to.includes(carol.email) && resetLinkOf(mail),
        ),
      ).toEqual([]);

      // Sign-up with her address: the usual "taken" answer; the explanation goes to her mailbox.
      const takenAnswer = await testApp.client().post<ErrorBody>('/api/auth/sign-up', {
        name: 'Someone Else',
        email: dave.email,
        password: 'Another-Strong-Pass-91',
      });
      const deletedAnswer = await testApp.client().post<ErrorBody>('/api/auth/sign-up', {
        name: 'Someone Else',
        email: carol.email,
        password: 'Another-Strong-Pass-91',
      });
      expect(deletedAnswer.status).toBe(409);
      expect(deletedAnswer.body.error.code).toBe('EMAIL_TAKEN');
      expect(deletedAnswer.body.error.message).toBe(takenAnswer.body.error.message);
      await testApp.app.services.jobs.tick();
      const signUpNotice = await smtp.waitForMessage(
        (mail) => mail.to.includes(carol.email) && /create an IDEA Brand Coach account/.test(mail.text),
      );
      expect(signUpNotice.text).toContain(purgeDate);
      expect(signUpNotice.text).toContain(CONTACT);
      // An ordinary taken address gets no such mail.
      expect(
        smtp.messages.filter((mail) => mail.to.includes(dave.email) && /deletion/.test(mail.subject)),
      ).toEqual([]);
    });

    it('publishes the operator’s contact address for the deleted-account page', async () => {
      const response = await getApp().client().get<{ email: string }>('/api/contact');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ email: CONTACT });
    });
  },
  { clock, env: { SMTP_URL: smtp.url, CONTACT_EMAIL: CONTACT } },
);

describeOnEachDatabase(
  'retention rules',
  (getApp) => {
    it('purges soft-deleted rows, unclaimed anonymous results and expired housekeeping rows when due, and nothing else', async () => {
      clock.set(new Date());
      const testApp = getApp();
      const { database } = testApp;
      const retention = testApp.app.services.jobs;
      const client = testApp.client();
      const { user } = await signUp(client);
      const brandId = await defaultBrandId(client);
      const oldChat = await client.post<ChatSession>('/api/ai/chat/sessions', { title: 'Old idea', brandId });
      expect((await client.request('DELETE', `/api/ai/chat/sessions/${oldChat.body.id}`)).status).toBe(204);
      const liveChat = await client.post<ChatSession>('/api/ai/chat/sessions', {
        title: 'Live idea',
        brandId,
      });
      const anonymous = testApp.client();
      const anonymousResult = await anonymous.post<{ result: DiagnosticResult }>('/api/diagnostic/results', {
        questionnaireVersion: 1,
        answers: ANSWERS,
      });
      expect(anonymousResult.status).toBe(201);
      const now = clock.now();
      const iso = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString();
      // Soft deletes and creation times are stamped by the database's clock; align them with ours.
      await database.query('update chat_sessions set deleted_at = $2::timestamptz where id = $1', [
        oldChat.body.id,
        iso(0),
      ]);
      await database.query('update diagnostic_results set created_at = $2::timestamptz where id = $1', [
        anonymousResult.body.result.id,
        iso(0),
      ]);
      await database.query(
        `insert into rate_limits (key, hits, window_started_at, window_ends_at)
           values ('test:old', 1, $1::timestamptz, $1::timestamptz), ('test:live', 1, $1::timestamptz, $2::timestamptz)`,
        [iso(-DAY_MS), iso(400 * DAY_MS)],
      );
      await database.query(
        `insert into spent_challenges (signature, expires_at) values ('test-old', $1::timestamptz)`,
        [iso(-1000)],
      );
      await database.query(
        `insert into ai_cache (key, task, model, prompt_version, output, expires_at)
           values ('test-expired', 'chat', 'm', 1, '{}'::jsonb, $1::timestamptz)`,
        [iso(-1000)],
      );
      await database.query(
        `insert into outbox_emails (to_address, subject, text_body, html_body, created_at)
           values ('old@example.com', 'Old', 't', 'h', $1::timestamptz)`,
        [iso(-31 * DAY_MS)],
      );
      const count = async (sql: string, params: unknown[] = []) =>
        (
          await database.query<{ count: number }>(
            `select count(*)::int as count from (${sql}) as rows`,
            params,
          )
        )[0]?.count;

      // Today: only the already-expired housekeeping rows go.
      await retention.tick();
      expect(await count("select 1 from rate_limits where key like 'test:%'")).toBe(1);
      expect(await count("select 1 from spent_challenges where signature = 'test-old'")).toBe(0);
      expect(await count("select 1 from ai_cache where key = 'test-expired'")).toBe(0);
      expect(await count("select 1 from outbox_emails where to_address = 'old@example.com'")).toBe(0);
      expect(await count('select 1 from chat_sessions where id = $1', [oldChat.body.id])).toBe(1);

      // 31 days on: the soft-deleted conversation is purged, the live one stays.
      clock.advance(31 * DAY_MS);
      await retention.tick();
      expect(await count('select 1 from chat_sessions where id = $1', [oldChat.body.id])).toBe(0);
      expect(await count('select 1 from chat_sessions where id = $1', [liveChat.body.id])).toBe(1);
      expect(
        await count('select 1 from diagnostic_results where id = $1', [anonymousResult.body.result.id]),
      ).toBe(1);

      // 91 days after it was taken, the never-claimed anonymous result is purged.
      clock.advance(60 * DAY_MS);
      await retention.tick();
      expect(
        await count('select 1 from diagnostic_results where id = $1', [anonymousResult.body.result.id]),
      ).toBe(0);
      expect(await count('select 1 from users where id = $1', [user.id])).toBe(1);
      // The job's own history is pruned too: runs older than 30 days are gone, the latest is listed.
      const runs = (await retention.recentRuns({ limit: 10 })).filter(
        (run) => run.name === 'retention.daily',
      );
      expect(runs.map((run) => [run.runKey, run.status])).toEqual([
        [clock.now().toISOString().slice(0, 10), 'done'],
      ]);
    });
  },
  { clock },
);
