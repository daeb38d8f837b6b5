/** Fakes for the network in unit tests: answers `fetch` gives, and the ApiError a call rejects with. */
import { expect, vi } from 'vitest';
import { ApiError } from '../lib/api-client.ts';

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** `fetch` answers with these, in order (an Error is a network failure); returns the mock. */
export function stubFetch(...responses: Array<Response | Error>) {
  const fetchMock = vi.fn<typeof fetch>();
  for (const response of responses) {
    if (response instanceof Error) fetchMock.mockRejectedValueOnce(response);
    else fetchMock.mockResolvedValueOnce(response);
  }
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The ApiError `promise` rejects with (fails the test if it resolves or rejects with anything else). */
export async function caught(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

export type RouteHandler = (init: RequestInit | undefined) => Response | Promise<Response>;

/** A fake API: `METHOD /path` → handler; any other request fails the test loudly. Returns the mock. */
export function stubRoutes(routes: Record<string, RouteHandler>) {
  const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
    const key = `${init?.method ?? 'GET'} ${String(input)}`;
    const handler = routes[key];
    if (!handler) throw new Error(`unexpected request ${key}`);
    return handler(init);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The JSON body of the first `METHOD /path` request the mock saw, if any. */
export function bodyOf(fetchMock: ReturnType<typeof stubRoutes>, key: string): unknown {
  const call = fetchMock.mock.calls.find(
    ([input, init]) => `${init?.method ?? 'GET'} ${String(input)}` === key,
  );
  return call?.[1]?.body ? JSON.parse(String(call[1].body)) : undefined;
}
