import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeXhr, sentUpload as sent } from '../test/fake-xhr.ts';
import { caught } from '../test/fetch-stub.ts';
import { uploadFile } from './api-client.ts';

const document = {
  id: '5f0c6f58-8f5e-4a53-9d0a-6b0e1d0f1a11',
  brandId: '0b6f4c2e-2f8a-4a4e-9c55-1f0b7d3a2c10',
  name: 'Brand book',
  format: 'pdf',
  sizeBytes: 2048,
  status: 'queued',
  failureReason: null,
  pageCount: null,
  chunkCount: 0,
  createdAt: '2026-03-02T10:00:00.000Z',
  updatedAt: '2026-03-02T10:00:00.000Z',
};

const file = new File(['%PDF-1.7 brand book'], 'brand-book.pdf', { type: 'application/pdf' });

afterEach(() => {
  FakeXhr.reset();
  vi.unstubAllGlobals();
});

describe('uploadFile', () => {
  it('sends the file as multipart, reports progress, and checks the answer against the contract', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const progress: number[] = [];
    const done = uploadFile('POST', '/api/brands/b1/documents', 'documentResponseSchema', file, {
      onProgress: ({ percent }) => progress.push(percent),
    });
    const request = await sent();
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/api/brands/b1/documents');
    expect(request.headers.accept).toBe('application/json');
    const part = request.body?.get('file');
    expect(part).toBeInstanceOf(File);
    expect((part as File).name).toBe('brand-book.pdf');

    request.progress(0, 4000);
    request.progress(1000, 4000);
    request.progress(3999, 4000);
    request.progress(4000, 4000);
    request.answer(201, { document });
    await expect(done).resolves.toEqual({ document });
    expect(progress).toEqual([0, 25, 99, 100]);
  });

  it('uses the field name it is given', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const done = uploadFile('PUT', '/api/documents/d1/file', 'documentResponseSchema', file, {
      field: 'upload',
    });
    const request = await sent();
    expect(request.method).toBe('PUT');
    expect(request.body?.get('upload')).toBeInstanceOf(File);
    expect(request.body?.get('file')).toBeNull();
    request.answer(200, { document });
    await done;
  });

  it('turns the error envelope into an ApiError with code, message, request id and Retry-After', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const done = uploadFile('POST', '/api/brands/b1/documents', 'documentResponseSchema', file);
    (await sent()).answer(
      429,
      { error: { code: 'RATE_LIMITED', message: 'Too many uploads.', requestId: 'req-7' } },
      { 'Retry-After': '120' },
    );
    const error = await caught(done);
    expect(error).toMatchObject({
      code: 'RATE_LIMITED',
      message: 'Too many uploads.',
      requestId: 'req-7',
      status: 429,
      retryAfterSeconds: 120,
    });
  });

  it('explains a 413 that came without our envelope (a proxy refused the body)', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const done = uploadFile('POST', '/api/brands/b1/documents', 'documentResponseSchema', file);
    const request = await sent();
    request.status = 413;
    request.responseText = '<html>Request Entity Too Large</html>';
    request.responseHeaders = 'content-type: text/html\r\nx-request-id: edge-1\r\n';
    request.events.dispatchEvent(new Event('load'));
    expect(await caught(done)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413, requestId: 'edge-1' });
  });

  it('rejects an answer that breaks the contract as BAD_RESPONSE', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const done = uploadFile('POST', '/api/brands/b1/documents', 'documentResponseSchema', file);
    (await sent()).answer(201, { document: { ...document, status: 'lost' } });
    expect(await caught(done)).toMatchObject({ code: 'BAD_RESPONSE', status: 201 });
  });

  it('reports a dropped connection as a NETWORK_ERROR', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const done = uploadFile('POST', '/api/brands/b1/documents', 'documentResponseSchema', file);
    (await sent()).fail();
    expect(await caught(done)).toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
  });

  it('cancels when its signal aborts, with an AbortError', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const controller = new AbortController();
    const done = uploadFile('POST', '/api/brands/b1/documents', 'documentResponseSchema', file, {
      signal: controller.signal,
    });
    const request = await sent();
    controller.abort();
    await expect(done).rejects.toMatchObject({ name: 'AbortError' });
    expect(request.aborted).toBe(true);
  });

  it('sends nothing when the signal has already aborted', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const controller = new AbortController();
    controller.abort();
    await expect(
      uploadFile('POST', '/api/brands/b1/documents', 'documentResponseSchema', file, {
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(FakeXhr.last).toBeNull();
  });
});
