import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/harness.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await startTestApp('pglite');
});
afterAll(async () => {
  await testApp.close();
});

it('writes one line per request, on completion, with the request, status and time', async () => {
  const requestId = 'one-line-log-check';
  const response = await testApp
    .client()
    .get('/api/session?token=secret-value', { 'x-request-id': requestId });
  expect(response.status).toBe(200);
  const lines = testApp.logs
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.includes(requestId))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(lines).toHaveLength(1);
  const [line] = lines;
  expect(line?.msg).toBe('request completed');
  expect(line?.req).toMatchObject({ method: 'GET', url: '/api/session?token=[redacted]' });
  expect(line?.res).toMatchObject({ statusCode: 200 });
  expect(typeof line?.responseTime).toBe('number');
});
