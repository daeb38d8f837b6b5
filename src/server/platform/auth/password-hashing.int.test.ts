import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type ErrorBody,
  STRONG_PASSWORD,
  startTestApp,
  type TestApp,
  uniqueEmail,
} from '../../testing/harness.ts';

// One hash at a time, and a wait of 1 ms: a burst of sign-ups is mostly turned away, which shows the
// gate sits on better-auth's hashing and what a turned-away request gets and leaves behind.
let testApp: TestApp;
beforeAll(async () => {
  testApp = await startTestApp('pglite', {
    env: { AUTH_HASH_CONCURRENCY: '1', HTTP_MAX_QUEUE_WAIT_MS: '1' },
  });
});
afterAll(() => testApp.close());

it('turns a sign-up burst beyond the hashing gate away with 503 OVERLOADED, creating nothing', async () => {
  const emails = Array.from({ length: 8 }, (_, index) => uniqueEmail(`burst${index}`));
  const answers = await Promise.all(
    emails.map((email) =>
      testApp
        .client()
        .post<ErrorBody>('/api/auth/sign-up', { name: 'Burst', email, password: STRONG_PASSWORD }),
    ),
  );
  const turnedAway = answers.filter((answer) => answer.status === 503);
  expect(answers.every((answer) => answer.status === 200 || answer.status === 503)).toBe(true);
  expect(turnedAway.length).toBeGreaterThan(0);
  for (const answer of turnedAway) {
    expect(answer.body.error.code).toBe('OVERLOADED');
    expect(answer.headers.get('retry-after')).toBe('1');
  }
  // Nothing half-made: each address turned away signs up now, each accepted one signs in.
  for (const [index, email] of emails.entries()) {
    const client = testApp.client();
    if (answers[index]?.status === 503) {
      const retry = await client.post('/api/auth/sign-up', {
        name: 'Burst',
        email,
        password: STRONG_PASSWORD,
      });
      expect(retry.status).toBe(200);
    } else {
      const signIn = await client.post('/api/auth/sign-in', { email, password: STRONG_PASSWORD });
      expect(signIn.status).toBe(200);
    }
  }
});

it('turns a sign-in burst away the same way, and a wrong password is still a 401', async () => {
  const email = uniqueEmail('signin');
  expect(
    (await testApp.client().post('/api/auth/sign-up', { name: 'Sign In', email, password: STRONG_PASSWORD }))
      .status,
  ).toBe(200);
  const answers = await Promise.all(
    Array.from({ length: 8 }, () =>
      testApp.client().post<ErrorBody>('/api/auth/sign-in', { email, password: STRONG_PASSWORD }),
    ),
  );
  expect(answers.every((answer) => answer.status === 200 || answer.status === 503)).toBe(true);
  expect(answers.some((answer) => answer.status === 503)).toBe(true);
  expect(answers.some((answer) => answer.status === 200)).toBe(true);
  const wrong = await testApp
    .client()
    .post<ErrorBody>('/api/auth/sign-in', { email, password: 'Wrong-Otter-47' });
  expect(wrong.status).toBe(401);
  expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
});
