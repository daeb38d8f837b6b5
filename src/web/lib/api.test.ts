import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, describeError, diagnosticReportUrl, isResultId } from './api.ts';

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

function stubFetch(...responses: Array<Response | Error>) {
  const fetchMock = vi.fn<typeof fetch>();
  for (const response of responses) {
    if (response instanceof Error) fetchMock.mockRejectedValueOnce(response);
    else fetchMock.mockResolvedValueOnce(response);
  }
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

const jane = { id: 'u1', name: 'Jane', email: 'jane@example.com', emailVerified: false, role: 'user' };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('api client', () => {
  it('parses a successful response with the shared schema', async () => {
    const fetchMock = stubFetch(jsonResponse(200, { user: jane }));
    await expect(api.getSession()).resolves.toEqual({ user: jane });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/session');
    expect(init).toMatchObject({ method: 'GET', credentials: 'same-origin' });
    expect(init?.body).toBeUndefined();
  });

  it('sends JSON bodies, and {} when a POST has nothing to say', async () => {
    const fetchMock = stubFetch(jsonResponse(200, { user: jane }), jsonResponse(200, { ok: true }));
    await api.signIn({ email: 'jane@example.com', password: 'secret' });
    await api.signOut();
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
      api.signUp({ name: 'Jane', email: 'jane@example.com', password: 'password1' }),
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
    const error = await caught(api.signIn({ email: 'jane@example.com', password: 'x' }));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.retryAfterSeconds).toBe(30);
    expect(describeError(error)).toBe('Too many attempts. Please try again in 30 seconds.');
  });

  it('copes with an error body that is not our envelope (e.g. from a proxy)', async () => {
    stubFetch(
      new Response('<html>Bad gateway</html>', { status: 502, headers: { 'x-request-id': 'edge-1' } }),
    );
    const error = await caught(api.getSession());
    expect(error).toMatchObject({ code: 'INTERNAL', status: 502, requestId: 'edge-1', details: [] });
  });

  it('reports a network failure without a status', async () => {
    stubFetch(new TypeError('Failed to fetch'));
    const error = await caught(api.getSession());
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
  });

  it('rejects a success body that does not match the contract', async () => {
    stubFetch(jsonResponse(200, { user: { id: 'u1' } }));
    const error = await caught(api.getSession());
    expect(error).toMatchObject({ code: 'BAD_RESPONSE', status: 200 });
  });

  it('submits diagnostic answers and checks the result it gets back', async () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const entry = { score: 50, band: 'developing' };
    const result = {
      id,
      questionnaireVersion: 1,
      answers: { 'insight-motivation': 3 },
      scores: {
        overall: 50,
        overallBand: 'developing',
        dimensions: { insight: entry, distinctive: entry, empathetic: entry, authentic: entry },
      },
      saved: false,
      createdAt: '2026-03-01T10:00:00.000Z',
    };
    const fetchMock = stubFetch(jsonResponse(201, { result }), jsonResponse(200, { result: { id } }));
    await expect(
      api.submitDiagnostic({ questionnaireVersion: 1, answers: { 'insight-motivation': 3 } }),
    ).resolves.toEqual({ result });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/diagnostic/results');
    expect(init?.method).toBe('POST');
    // A partial result is not a result.
    expect((await caught(api.getDiagnosticResult(id))).code).toBe('BAD_RESPONSE');
    expect(fetchMock.mock.calls[1]?.[0]).toBe(`/api/diagnostic/results/${id}`);
  });

  it('recognises result ids and builds the report address', () => {
    expect(isResultId('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(true);
    expect(isResultId('0f8fad5b-d9cb-469f-a165-70867728950')).toBe(false);
    expect(isResultId('../../api/session')).toBe(false);
    expect(diagnosticReportUrl('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(
      '/api/diagnostic/results/0f8fad5b-d9cb-469f-a165-70867728950e/report.pdf',
    );
  });
});
