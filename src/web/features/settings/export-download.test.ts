import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api-client.ts';
import { settingsApi } from './api.ts';

afterEach(() => vi.unstubAllGlobals());

describe('settingsApi.downloadAccountExport', () => {
  it('returns the file and the name the server gave it', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(zip, {
            status: 200,
            headers: {
              'content-type': 'application/zip',
              'content-disposition': 'attachment; filename="idea-brand-coach-export-2026-11-26.zip"',
            },
          }),
      ),
    );
    const file = await settingsApi.downloadAccountExport();
    expect(file.filename).toBe('idea-brand-coach-export-2026-11-26.zip');
    expect(new Uint8Array(await file.blob.arrayBuffer())).toEqual(zip);
  });

  it('prefers the RFC 5987 name and copes with none', async () => {
    const respond = (disposition: string | null) =>
      new Response('x', { status: 200, headers: disposition ? { 'content-disposition': disposition } : {} });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => respond(`attachment; filename="plain.zip"; filename*=UTF-8''export%20%C3%A9.zip`)),
    );
    expect((await settingsApi.downloadAccountExport()).filename).toBe('export é.zip');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => respond(null)),
    );
    expect((await settingsApi.downloadAccountExport()).filename).toBeNull();
  });

  it('turns an error answer into the usual ApiError, with Retry-After', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({
              error: { code: 'RATE_LIMITED', message: 'Too many exports.', requestId: 'req-1' },
            }),
            { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '120' } },
          ),
      ),
    );
    const error = await settingsApi.downloadAccountExport().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'RATE_LIMITED',
      status: 429,
      requestId: 'req-1',
      retryAfterSeconds: 120,
    });
  });

  it('reports a network failure plainly', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await expect(settingsApi.downloadAccountExport()).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
      status: 0,
    });
  });
});
