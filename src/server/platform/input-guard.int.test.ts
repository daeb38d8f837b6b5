/**
 * Text PostgreSQL cannot store, numbers past its integer and prototype keys are 400s naming the field
 * on every route (ADR 0030); the routes here are the ones that answered 500 before. The API fuzz test
 * (api-fuzz.int.test.ts) covers every operation; this file shows the answers in detail.
 */
import { expect, it } from 'vitest';
import {
  defaultBrandId,
  describeOnEachDatabase,
  type ErrorBody,
  signUp,
  type TestApp,
  type TestClient,
} from '../testing/harness.ts';
import { grantAdminRole } from './auth/admin-bootstrap.ts';

const JSON_HEADERS = { 'content-type': 'application/json' };

function expectFieldRefused(response: { status: number; body: ErrorBody }, path: string, message: RegExp) {
  expect(response.status, JSON.stringify(response.body)).toBe(400);
  expect(response.body.error.code).toBe('VALIDATION_FAILED');
  expect(response.body.error.details).toContainEqual({ path, message: expect.stringMatching(message) });
}

async function signedIn(testApp: TestApp): Promise<{ client: TestClient; brandId: string; email: string }> {
  const client = testApp.client();
  const { email } = await signUp(client);
  return { client, brandId: await defaultBrandId(client), email };
}

/**
 * An admin, granted the role before their first signed-in request, as `npm run admin:grant` is
 * used: a role changed outside the app reaches a session it already looked up within the session
 * cache's window (ADR 0044), not at once.
 */
async function signedInAdmin(testApp: TestApp): Promise<TestClient> {
  const client = testApp.client();
  const { email } = await signUp(client);
  await grantAdminRole(testApp.database, email);
  return client;
}

describeOnEachDatabase(
  'input guard',
  (getApp) => {
    it('refuses NUL and lone surrogates in bodies, naming the field, on the routes that answered 500', async () => {
      const { client, brandId } = await signedIn(getApp());
      expectFieldRefused(
        await client.request<ErrorBody>('PATCH', `/api/brands/${brandId}`, {
          json: { name: 'Crumb\u0000Co' },
        }),
        'body.name',
        /NUL character/,
      );
      expectFieldRefused(
        await client.request<ErrorBody>('PATCH', '/api/settings/profile', { json: { name: 'Ada\ud800' } }),
        'body.name',
        /lone UTF-16 surrogate/,
      );
      expectFieldRefused(
        await client.post<ErrorBody>(`/api/brands/${brandId}/value-lens`, {
          product: 'Tea',
          features: ['loose leaf', 'organic\u0000'],
          format: 'ad-headline',
        }),
        'body.features.1',
        /NUL character/,
      );
      expectFieldRefused(
        await client.post<ErrorBody>(`/api/brands/${brandId}/collections/avatar`, {
          data: { name: 'Maya', demographics: { occupation: '\udc00nurse' } },
        }),
        'body.data.demographics.occupation',
        /lone UTF-16 surrogate/,
      );
      // Keys count too: jsonb refuses a NUL in a key as well.
      expectFieldRefused(
        await client.request<ErrorBody>('PUT', `/api/brands/${brandId}/items/canvas`, {
          json: { baseVersion: 0, data: { 'mission\u0000': 'x' } },
        }),
        'body.data.mission\\u0000',
        /field name contains a NUL/,
      );

      const session = await client.post<{ id: string }>('/api/ai/chat/sessions', { brandId });
      expect(session.status).toBe(201);
      expectFieldRefused(
        await client.post<ErrorBody>('/api/ai/chat/sessions', { brandId, title: '\u0000' }),
        'body.title',
        /NUL character/,
      );
      expectFieldRefused(
        await client.request<ErrorBody>('PATCH', `/api/ai/chat/sessions/${session.body.id}`, {
          json: { title: 'Plan\u0000' },
        }),
        'body.title',
        /NUL character/,
      );
      expectFieldRefused(
        await client.post<ErrorBody>(`/api/ai/chat/sessions/${session.body.id}/messages`, {
          content: 'Hi\ud83d',
        }),
        'body.content',
        /lone UTF-16 surrogate/,
      );
      // Nothing was stored: the conversation still has its first title and no messages.
      const messages = await client.get<{ messages: unknown[] }>(
        `/api/ai/chat/sessions/${session.body.id}/messages`,
      );
      expect(messages.body.messages).toEqual([]);
    });

    it('refuses NUL in the query string and in path parameters', async () => {
      const { client } = await signedIn(getApp());
      expectFieldRefused(
        await client.get<ErrorBody>('/api/ai/chat/sessions?q=pricing%00'),
        'querystring.q',
        /NUL character/,
      );
      expectFieldRefused(await client.get<ErrorBody>('/api/items/%00'), 'params.itemId', /NUL character/);
      const search = await client.get<{ sessions: unknown[] }>(
        '/api/ai/chat/sessions?q=pricing%20%F0%9F%9A%80',
      );
      expect(search.status).toBe(200);
    });

    it('keeps emoji, accents and control characters PostgreSQL can store', async () => {
      const { client, brandId } = await signedIn(getApp());
      const name = 'Crème 🚀 Co\ttab';
      const renamed = await client.request<{ brand: { name: string } }>('PATCH', `/api/brands/${brandId}`, {
        json: { name },
      });
      expect(renamed.status).toBe(200);
      expect(renamed.body.brand.name).toBe(name);
    });

    it('refuses path and body numbers past PostgreSQL integer on the admin prompt routes', async () => {
      const client = await signedInAdmin(getApp());
      expectFieldRefused(
        await client.post<ErrorBody>('/api/admin/ai/prompts/chat/versions/2147483648/publish', {}),
        'params.version',
        /at most 2147483647/,
      );
      expectFieldRefused(
        await client.post<ErrorBody>('/api/admin/ai/prompts/chat/preview', { version: 2 ** 31, input: {} }),
        'body.version',
        /at most 2147483647/,
      );
      expectFieldRefused(
        await client.post<ErrorBody>('/api/admin/ai/prompts/chat/versions/NaN/publish', {}),
        'params.version',
        /whole number/,
      );
      const unknownVersion = await client.post<ErrorBody>(
        '/api/admin/ai/prompts/chat/versions/2147483647/publish',
        {},
      );
      expect(unknownVersion.status).toBe(404);
    });

    it('numbers concurrent prompt drafts one after the other', async () => {
      const client = await signedInAdmin(getApp());
      const drafts = await Promise.all(
        Array.from({ length: 6 }, (_, index) =>
          client.post<{ version: number }>('/api/admin/ai/prompts/buyer-intent/versions', {
            body: `A draft prompt number ${index} for the buyer intent task.`,
          }),
        ),
      );
      expect(drafts.map((draft) => draft.status)).toEqual(Array(6).fill(201));
      const versions = drafts.map((draft) => draft.body.version).sort((a, b) => a - b);
      const first = versions[0] ?? 0;
      expect(versions).toEqual([first, first + 1, first + 2, first + 3, first + 4, first + 5]);
    });

    it('refuses prototype keys, deep nesting and bodies that are not JSON', async () => {
      const { client } = await signedIn(getApp());
      for (const body of [
        '{"__proto__":{"admin":true},"name":"x"}',
        '{"constructor":{"prototype":{"admin":true}}}',
      ]) {
        const response = await client.request<ErrorBody>('PATCH', '/api/settings/profile', {
          body,
          headers: JSON_HEADERS,
        });
        expect(response.status).toBe(400);
        expect(response.body.error.code).toBe('INVALID_JSON');
      }
      let deep: unknown = 'x';
      for (let level = 0; level < 40; level += 1) deep = { next: deep };
      expectFieldRefused(
        await client.request<ErrorBody>('PATCH', '/api/settings/profile', { json: { name: deep } }),
        // The body is level 0: the thirty-second level is `name` and thirty-one `next`s below it.
        ['body', 'name', ...Array<string>(31).fill('next')].join('.'),
        /Nested more than 32 levels/,
      );
      for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
        const response = await client.request<ErrorBody>('PATCH', '/api/settings/profile', {
          body: 'name=Ada',
          headers: { 'content-type': contentType },
        });
        expect(response.status, contentType).toBe(415);
        expect(response.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      }
    });

    it('answers a value the database refuses with 400, not 500, as the last line of defence', async () => {
      for (const path of ['/__test/store-nul', '/__test/int-overflow', '/__test/not-a-uuid']) {
        const response = await getApp().client().get<ErrorBody>(path);
        expect(response.status, path).toBe(400);
        expect(response.body.error.code).toBe('VALIDATION_FAILED');
        expect(response.body.error.message).toMatch(/cannot be stored/);
      }
      expect(getApp().logs.join('\n')).toContain('database refused a value from the request');
    });
  },
  {
    // Routes that hand the database what the guard and the contracts would have refused.
    extend(app) {
      const { database } = app.services;
      app.get('/__test/store-nul', async () => database.query('select $1::text as value', ['a\u0000b']));
      app.get('/__test/int-overflow', async () => database.query('select $1::int as value', ['2147483648']));
      app.get('/__test/not-a-uuid', async () => database.query('select $1::uuid as value', ['nope']));
    },
  },
);
