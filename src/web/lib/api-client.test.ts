import { afterEach, describe, expect, it, vi } from 'vitest';
import { caught, jsonResponse, stubFetch } from '../test/fetch-stub.ts';
import { ApiError, describeError, request, supportReference } from './api-client.ts';

const jane = { id: 'u1', name: 'Jane', email: 'jane@example.com', emailVerified: false, role: 'user' };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('api client', () => {
  it('parses a successful response with the shared schema', async () => {
    const fetchMock = stubFetch(jsonResponse(200, { user: jane }));
    await expect(request('GET', '/api/session', 'sessionResponseSchema')).resolves.toEqual({ user: jane });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/session');
    expect(init).toMatchObject({ method: 'GET', credentials: 'same-origin' });
    expect(init?.body).toBeUndefined();
  });

  it('sends JSON bodies, and {} when a POST has nothing to say', async () => {
    const fetchMock = stubFetch(jsonResponse(200, { user: jane }), jsonResponse(200, { ok: true }));
    await request('POST', '/api/auth/sign-in', 'userResponseSchema', {
      email: 'jane@example.com',
      password: 'secret',
    });
    await request('POST', '/api/auth/sign-out', 'okSchema');
    const [, signIn] = fetchMock.mock.calls[0] ?? [];
    const [, signOut] = fetchMock.mock.calls[1] ?? [];
    expect(signIn).toMatchObject({
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
    });
    expect(JSON.parse(String(signIn?.body))).toEqual({ email: 'jane@example.com', password: 'secret' });
    expect(signOut?.body).toBe('{}');
  });

  it('turns the error envelope into an ApiError with every field', async () => {
    stubFetch(
      jsonResponse(400, {
        error: {
          code: 'WEAK_PASSWORD',
          message: 'Choose a stronger password.',
          requestId: 'req-42',
          details: [{ path: 'password', message: 'Add another word or two.' }],
        },
      }),
    );
    const error = await caught(
      request('POST', '/api/auth/sign-up', 'userResponseSchema', {
        name: 'Jane',
        email: 'jane@example.com',
        password: 'password1',
      }),
    );
    expect(error).toMatchObject({
      code: 'WEAK_PASSWORD',
      message: 'Choose a stronger password.',
      requestId: 'req-42',
      status: 400,
      details: [{ path: 'password', message: 'Add another word or two.' }],
    });
  });

  it('reads Retry-After on 429 and says when to try again', async () => {
    stubFetch(
      jsonResponse(
        429,
        { error: { code: 'RATE_LIMITED', message: 'Too many requests.', requestId: 'req-7' } },
        { 'retry-after': '30' },
      ),
    );
    const error = await caught(
      request('POST', '/api/auth/sign-in', 'userResponseSchema', {
        email: 'jane@example.com',
        password: 'x',
      }),
    );
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.retryAfterSeconds).toBe(30);
    expect(describeError(error)).toBe('Too many attempts. Please try again in 30 seconds.');
  });

  it('copes with an error body that is not our envelope (e.g. from a proxy)', async () => {
    stubFetch(
      new Response('<html>Bad gateway</html>', { status: 502, headers: { 'x-request-id': 'edge-1' } }),
    );
    const error = await caught(request('GET', '/api/session', 'sessionResponseSchema'));
    expect(error).toMatchObject({ code: 'INTERNAL', status: 502, requestId: 'edge-1', details: [] });
  });

  it('reports a network failure without a status', async () => {
    stubFetch(new TypeError('Failed to fetch'));
    const error = await caught(request('GET', '/api/session', 'sessionResponseSchema'));
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
  });

  it('rejects a success body that does not match the contract', async () => {
    stubFetch(jsonResponse(200, { user: { id: 'u1' } }));
    const error = await caught(request('GET', '/api/session', 'sessionResponseSchema'));
    expect(error).toMatchObject({ code: 'BAD_RESPONSE', status: 200 });
  });
});

describe('supportReference', () => {
  const error = (status: number, code: ConstructorParameters<typeof ApiError>[0]['code']) =>
    new ApiError({ status, code, message: 'x', requestId: 'req-123' });

  it('quotes the request id for unexpected failures only', () => {
    expect(supportReference(error(500, 'INTERNAL'))).toBe('req-123');
    expect(supportReference(error(503, 'UNAVAILABLE'))).toBe('req-123');
    expect(supportReference(error(0, 'NETWORK_ERROR'))).toBe('req-123');
    expect(supportReference(error(200, 'BAD_RESPONSE'))).toBe('req-123');
    expect(supportReference(error(401, 'INVALID_CREDENTIALS'))).toBeNull();
    expect(supportReference(error(400, 'VALIDATION_FAILED'))).toBeNull();
    expect(supportReference(error(429, 'RATE_LIMITED'))).toBeNull();
    expect(supportReference(new Error('boom'))).toBeNull();
  });
});
