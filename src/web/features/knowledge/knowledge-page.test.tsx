// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeXhr, sentUpload } from '../../test/fake-xhr.ts';
import { bodyOf, jsonResponse, stubRoutes } from '../../test/fetch-stub.ts';
import { LocationProbe, renderWithProviders } from '../../test/render.tsx';
import KnowledgePage from './knowledge-page.tsx';

const BRAND_ID = '0b6f4c2e-2f8a-4a4e-9c55-1f0b7d3a2c10';
const DOC_ID = '5f0c6f58-8f5e-4a53-9d0a-6b0e1d0f1a11';
const FAILED_ID = '6a1d7069-9a6f-4b64-8e1b-7c1f2e0a2b22';
const HIT_ID = '7d7c1b2a-3a4b-4c5d-8e9f-0a1b2c3d4e5f';

const brand = {
  id: BRAND_ID,
  name: 'Calm Co',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function doc(overrides: Record<string, unknown>) {
  return {
    id: DOC_ID,
    brandId: BRAND_ID,
    name: 'Brand book.pdf',
    format: 'pdf',
    sizeBytes: 2 * 1024 * 1024,
    status: 'ready',
    failureReason: null,
    pageCount: 12,
    chunkCount: 31,
    createdAt: '2026-03-02T10:00:00.000Z',
    updatedAt: '2026-03-02T10:00:00.000Z',
    ...overrides,
  };
}

const documents = [
  doc({}),
  doc({
    id: FAILED_ID,
    name: 'Scan.pdf',
    status: 'failed',
    failureReason: 'This PDF has no text layer (it looks scanned).',
    pageCount: null,
    chunkCount: 0,
  }),
];

const listPath = `GET /api/brands/${BRAND_ID}/documents`;
const list = { documents, usedBytes: 4 * 1024 * 1024, limitBytes: 100 * 1024 * 1024 };

beforeEach(() => {
  window.localStorage.clear();
});

afterEach(() => {
  cleanup();
  FakeXhr.reset();
  vi.unstubAllGlobals();
});

function openPage(routes: Parameters<typeof stubRoutes>[0] = {}, path = '/app/knowledge') {
  const fetchMock = stubRoutes({
    'GET /api/brands': () => jsonResponse(200, { brands: [brand] }),
    [listPath]: () => jsonResponse(200, list),
    ...routes,
  });
  const view = renderWithProviders(
    <>
      <KnowledgePage />
      <LocationProbe />
    </>,
    { path },
  );
  return { ...view, fetchMock };
}

function chooseFiles(files: File[]) {
  const input = screen.getByLabelText('Choose files to upload') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

describe('knowledge page: documents', () => {
  it('lists each document with its facts, the space left, and why a failed one failed', async () => {
    openPage();
    const list = await screen.findByRole('list', { name: 'Your documents (2 documents)' });
    const items = within(list).getAllByRole('listitem');
    expect(within(items[0] as HTMLElement).getByRole('heading', { name: 'Brand book.pdf' })).toBeTruthy();
    expect(items[0]?.textContent).toContain('2.0 MB');
    expect(items[0]?.textContent).toContain('Ready');
    expect(items[0]?.textContent).toContain('31');
    expect(items[1]?.textContent).toContain('This PDF has no text layer (it looks scanned).');
    expect(screen.getByText('4.0 MB of 100 MB used')).toBeTruthy();
    expect(screen.getByText('96 MB left')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open Brand book.pdf' }).getAttribute('href')).toBe(
      `/app/knowledge/documents/${DOC_ID}`,
    );
  });

  it('shows the empty state when there are no documents', async () => {
    openPage({
      [listPath]: () => jsonResponse(200, { documents: [], usedBytes: 0, limitBytes: 100 * 1024 * 1024 }),
    });
    expect(await screen.findByText(/No documents yet/)).toBeTruthy();
  });

  it('refuses a file of the wrong kind at once, and shows the server’s reason for one it refuses', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const { fetchMock } = openPage();
    await screen.findByRole('list', { name: /Your documents/ });

    chooseFiles([new File(['png'], 'logo.png', { type: 'image/png' })]);
    const uploads = await screen.findByRole('list', { name: 'Uploads' });
    expect(within(uploads).getByText(/“logo.png” can’t be added/)).toBeTruthy();
    expect(FakeXhr.all).toHaveLength(0);

    chooseFiles([new File(['not really a pdf'], 'fake.pdf', { type: 'application/pdf' })]);
    const upload = await sentUpload();
    expect(upload.url).toBe(`/api/brands/${BRAND_ID}/documents`);
    await act(async () => {
      upload.answer(415, {
        error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '“fake.pdf” is not a PDF file.', requestId: 'r1' },
      });
    });
    expect(await within(uploads).findByText('“fake.pdf” is not a PDF file.')).toBeTruthy();
    // Nothing to retry: the same file would be refused again.
    expect(screen.queryByRole('button', { name: /Try again/ })).toBeNull();
    expect(fetchMock.mock.calls.filter(([url]) => String(url).endsWith('/documents'))).toHaveLength(1);
  });

  it('uploads files one at a time with a progress bar, then lists them', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    let listed = list;
    openPage({ [listPath]: () => jsonResponse(200, listed) });
    await screen.findByRole('list', { name: /Your documents/ });
    chooseFiles([new File(['one'], 'one.txt'), new File(['two'], 'two.md')]);

    const first = await sentUpload();
    expect(first.body?.get('file')).toMatchObject({ name: 'one.txt' });
    await act(async () => first.progress(50, 100));
    const bar = screen.getByRole('progressbar', { name: 'Uploading “one.txt”' });
    expect(bar.getAttribute('aria-valuenow')).toBe('50');
    // The second waits its turn.
    expect(FakeXhr.all).toHaveLength(1);

    listed = {
      ...list,
      documents: [
        doc({ id: 'c1f9a0b2-1111-4222-8333-944455556666', name: 'one.txt', format: 'txt', status: 'queued' }),
        ...documents,
      ],
    };
    await act(async () =>
      first.answer(201, {
        document: doc({
          id: 'c1f9a0b2-1111-4222-8333-944455556666',
          name: 'one.txt',
          format: 'txt',
          status: 'queued',
        }),
      }),
    );
    await waitFor(() => expect(FakeXhr.all).toHaveLength(2));
    expect(FakeXhr.all[1]?.body?.get('file')).toMatchObject({ name: 'two.md' });
    expect(await screen.findByRole('heading', { name: 'one.txt' })).toBeTruthy();
    expect(screen.getByText('Waiting to be processed')).toBeTruthy();
  });

  it('says an upload is ready even when it was processed before the list was next fetched', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const uploaded = { id: 'c1f9a0b2-1111-4222-8333-944455556666', name: 'one.txt', format: 'txt' };
    let listed = list;
    openPage({ [listPath]: () => jsonResponse(200, listed) });
    await screen.findByRole('list', { name: /Your documents/ });
    chooseFiles([new File(['one'], 'one.txt')]);
    const upload = await sentUpload();

    // A quick job queue: by the time the list is asked again, the document is already ready.
    listed = { ...list, documents: [doc({ ...uploaded, status: 'ready' }), ...documents] };
    await act(async () => upload.answer(201, { document: doc({ ...uploaded, status: 'queued' }) }));
    expect(await screen.findByRole('heading', { name: 'one.txt' })).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByTestId('knowledge-announcer').textContent).toContain(
        '“one.txt” is ready: its text is searchable now.',
      ),
    );
  });

  it('says a replaced file is ready even when it was processed before the list was next fetched', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    let listed = list;
    openPage({ [listPath]: () => jsonResponse(200, listed) });
    await screen.findByRole('list', { name: /Your documents/ });
    const input = screen.getByLabelText('Replacement file for Brand book.pdf') as HTMLInputElement;
    Object.defineProperty(input, 'files', {
      value: [new File(['new'], 'Brand book v2.pdf')],
      configurable: true,
    });
    fireEvent.change(input);
    const upload = await sentUpload();
    expect(upload.url).toBe(`/api/documents/${DOC_ID}/file`);

    listed = { ...list, documents: [doc({ chunkCount: 40 }), ...documents.slice(1)] };
    await act(async () => upload.answer(200, { document: doc({ status: 'queued', chunkCount: 0 }) }));
    await waitFor(() =>
      expect(screen.getByTestId('knowledge-announcer').textContent).toContain(
        '“Brand book.pdf” is ready: its text is searchable now.',
      ),
    );
  });

  it('renames inline: Enter saves, Escape cancels, and focus goes back to Rename', async () => {
    const renamed = doc({ name: 'Brand book 2026.pdf' });
    const { fetchMock } = openPage({
      [`PATCH /api/documents/${DOC_ID}`]: () => jsonResponse(200, { document: renamed }),
    });
    const rename = await screen.findByRole('button', { name: 'Rename Brand book.pdf' });

    fireEvent.click(rename);
    let input = await screen.findByLabelText('New name for Brand book.pdf');
    await waitFor(() => expect(document.activeElement).toBe(input));
    fireEvent.keyDown(input, { key: 'Escape' });
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rename Brand book.pdf' })),
    );
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'PATCH')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Rename Brand book.pdf' }));
    input = await screen.findByLabelText('New name for Brand book.pdf');
    fireEvent.change(input, { target: { value: '  Brand book 2026.pdf ' } });
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    await waitFor(() =>
      expect(bodyOf(fetchMock, `PATCH /api/documents/${DOC_ID}`)).toEqual({ name: 'Brand book 2026.pdf' }),
    );
    // Saved: the form closes and focus is back on Rename (the stub's list still has the old name).
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rename Brand book.pdf' })),
    );
    expect(screen.getByTestId('knowledge-announcer').textContent).toContain(
      'Renamed to “Brand book 2026.pdf”.',
    );
  });
});

describe('knowledge page: search', () => {
  const searchPath = (query: string) => `GET /api/brands/${BRAND_ID}/knowledge/search?${query}`;
  const hits = {
    hits: [
      {
        id: HIT_ID,
        sourceType: 'document',
        sourceId: DOC_ID,
        label: 'Brand book.pdf · page 2',
        snippet: [
          { text: 'The ', match: false },
          { text: 'cobalt otter', match: true },
          { text: ' promise', match: false },
        ],
        locator: { page: 2, charStart: 10, charEnd: 60 },
        href: `/app/knowledge/documents/${DOC_ID}?page=2&passage=${HIT_ID}`,
      },
    ],
  };

  it('searches after a pause in typing, keeps the query in the URL and links each hit to its place', async () => {
    const { fetchMock } = openPage({ [searchPath('q=cobalt+otter')]: () => jsonResponse(200, hits) });
    const box = await screen.findByRole('searchbox', { name: 'Search' });
    fireEvent.change(box, { target: { value: 'cobalt otter' } });
    expect(fetchMock.mock.calls.some(([url]) => String(url).includes('/knowledge/search'))).toBe(false);

    const link = await screen.findByRole('link', { name: 'Brand book.pdf · page 2' });
    expect(link.getAttribute('href')).toBe(hits.hits[0]?.href);
    expect(link.closest('li')?.querySelector('mark')?.textContent).toBe('cobalt otter');
    expect(screen.getByText('1 result for “cobalt otter”.')).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/app/knowledge?q=cobalt+otter');
  });

  it('runs the search in the URL on arrival, narrowed to the ticked source types', async () => {
    const { fetchMock } = openPage(
      {
        [searchPath('q=otter')]: () => jsonResponse(200, hits),
        [searchPath('q=otter&types=document%2Cavatar')]: () => jsonResponse(200, { hits: [] }),
      },
      '/app/knowledge?q=otter',
    );
    expect(((await screen.findByRole('searchbox', { name: 'Search' })) as HTMLInputElement).value).toBe(
      'otter',
    );
    await screen.findByRole('link', { name: 'Brand book.pdf · page 2' });

    fireEvent.click(screen.getByRole('checkbox', { name: 'Documents' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Avatars and reviews' }));
    expect(await screen.findByText('Nothing found for “otter”.')).toBeTruthy();
    expect(fetchMock.mock.calls.some(([url]) => String(url).endsWith('types=document%2Cavatar'))).toBe(true);
    expect(screen.getByTestId('location').textContent).toBe('/app/knowledge?q=otter&types=document%2Cavatar');
  });
});
