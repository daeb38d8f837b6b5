import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, expect, it } from 'vitest';
import { ManualClock, MINUTE_MS } from '../platform/clock.ts';
import { describeOnEachDatabase, signUp } from '../testing/harness.ts';
import { EMAIL_RETRY_JOB, fromStoredMessage, toStoredMessage } from './email.ts';

/** An SMTP server that answers "451 try again later" to the first `failures` messages it gets. */
const received: string[] = [];
let failures = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    simpleParser(stream)
      .then((parsed) => {
        if (failures > 0) {
          failures -= 1;
          callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
          return;
        }
        received.push(parsed.subject ?? '');
        callback();
      })
      .catch(callback);
  },
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.server.address();
if (!address || typeof address === 'string') throw new Error('SMTP server has no port');
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const clock = new ManualClock();

it('keeps attachments intact through the stored form of a queued message', () => {
  const content = Buffer.from([0, 1, 2, 250, 255]);
  const message = {
    to: 'a@example.com',
    subject: 'S',
    text: 't',
    html: '<p>h</p>',
    attachments: [{ filename: 'r.pdf', content, contentType: 'application/pdf' }],
  };
  const restored = fromStoredMessage(JSON.parse(JSON.stringify(toStoredMessage(message))));
  expect(restored).toEqual(message);
  expect(() => fromStoredMessage({ to: 'a@example.com' })).toThrow();
});

describeOnEachDatabase(
  'email retries through the job queue',
  (getApp) => {
    it('queues a message the SMTP server refused and delivers it on a later attempt, with backoff', async () => {
      const testApp = getApp();
      const { email } = await signUp(testApp.client());
      received.length = 0;
      failures = 2;
      const reset = await testApp.client().post('/api/auth/request-password-reset', { email });
      expect(reset.status).toBe(200);
      // The request only queued the reset; its job meets the refusing server and queues a retry.
      await testApp.app.services.jobs.tick();
      expect(received).toEqual([]);
      const queued = async () =>
        testApp.database.query<{ status: string; attempts: number; last_error: string | null }>(
          'select status, attempts, last_error from jobs where name = $1',
          [EMAIL_RETRY_JOB],
        );
      expect(await queued()).toEqual([{ status: 'pending', attempts: 0, last_error: null }]);

      // Not before its first retry time (one minute).
      await testApp.app.services.jobs.tick();
      expect((await queued())[0]?.attempts).toBe(0);
      clock.advance(MINUTE_MS);
      await testApp.app.services.jobs.tick();
      expect(await queued()).toEqual([
        { status: 'pending', attempts: 1, last_error: expect.stringMatching(/451|busy/i) },
      ]);
      clock.advance(MINUTE_MS);
      await testApp.app.services.jobs.tick();
      expect(await queued()).toEqual([{ status: 'done', attempts: 2, last_error: expect.any(String) }]);
      expect(received).toHaveLength(1);
      expect(received[0]).toMatch(/password/i);
      // Done is done: more ticks send nothing again.
      clock.advance(10 * MINUTE_MS);
      await testApp.app.services.jobs.tick();
      expect(received).toHaveLength(1);
    });
  },
  { clock, env: { SMTP_URL: `smtp://127.0.0.1:${address.port}?ignoreTLS=true` } },
);
