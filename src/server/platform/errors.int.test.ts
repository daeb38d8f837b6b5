import { expect, it } from 'vitest';
import { describeOnEachDatabase, type ErrorBody, uniqueEmail } from '../testing/harness.ts';

describeOnEachDatabase(
  'error envelope',
  (getApp) => {
    const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
      getApp().client().request<ErrorBody>('POST', '/api/auth/sign-up', { body, headers });

    function expectEnvelope(response: { headers: Headers; body: ErrorBody }, code: string) {
      expect(response.body.error.code).toBe(code);
      expect(response.body.error.message.length).toBeGreaterThan(0);
      expect(response.body.error.requestId).toBe(response.headers.get('x-request-id'));
    }

    it('rejects malformed JSON with 400 INVALID_JSON', async () => {
      const response = await post('{"name": "Jane",');
      expect(response.status).toBe(400);
      expectEnvelope(response, 'INVALID_JSON');
    });

    it('rejects wrong types and missing fields with field paths', async () => {
      const response = await post(JSON.stringify({ name: 42, email: 'not-an-email' }));
      expect(response.status).toBe(400);
      expectEnvelope(response, 'VALIDATION_FAILED');
      const paths = response.body.error.details?.map((detail) => detail.path) ?? [];
      expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.email', 'body.password']));
    });

    it('rejects unknown fields by name', async () => {
      const response = await post(
        JSON.stringify({ name: 'Jane', email: uniqueEmail(), password: 'Granite-Otter-47', role: 'admin' }),
      );
      expect(response.status).toBe(400);
      expectEnvelope(response, 'VALIDATION_FAILED');
      expect(response.body.error.details).toContainEqual({ path: 'body.role', message: 'Unknown field' });
    });

    it('rejects an oversized body with 413 before parsing it', async () => {
      const response = await post(JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }));
      expect(response.status).toBe(413);
      expectEnvelope(response, 'PAYLOAD_TOO_LARGE');
    });

    it('rejects non-JSON bodies with 415', async () => {
      const response = await post('name=Jane', { 'content-type': 'application/x-www-form-urlencoded' });
      expect(response.status).toBe(415);
      expectEnvelope(response, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('rejects an empty JSON body with 400', async () => {
      const response = await post('');
      expect(response.status).toBe(400);
      expect(['INVALID_JSON', 'VALIDATION_FAILED']).toContain(response.body.error.code);
    });

    it('answers unknown /api routes with a JSON 404, for any method', async () => {
      for (const method of ['GET', 'POST', 'DELETE']) {
        const response = await getApp()
          .client()
          .request<ErrorBody>(method, '/api/no-such-thing', {
            headers: { accept: 'text/html' },
          });
        expect(response.status, method).toBe(404);
        expectEnvelope(response, 'NOT_FOUND');
      }
    });

    it('hides internals of unexpected failures behind a 500', async () => {
      const response = await getApp().client().get<ErrorBody>('/__test/explode');
      expect(response.status).toBe(500);
      expectEnvelope(response, 'INTERNAL');
      expect(response.text).not.toContain('secret internal detail');
      expect(getApp().logs.join('\n')).toContain('secret internal detail');
    });

    it('echoes a sane incoming x-request-id and replaces an unsafe one', async () => {
      const sane = await getApp().client().get('/api/session', { 'x-request-id': 'trace-abc_123.4:5' });
      expect(sane.headers.get('x-request-id')).toBe('trace-abc_123.4:5');
      const unsafe = await getApp().client().get('/api/session', { 'x-request-id': 'bad id\twith spaces' });
      expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const tooLong = await getApp()
        .client()
        .get('/api/session', { 'x-request-id': 'a'.repeat(300) });
      expect(tooLong.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });
  },
  {
    extend(app) {
      app.get('/__test/explode', async () => {
        throw new Error('secret internal detail');
      });
    },
  },
);
