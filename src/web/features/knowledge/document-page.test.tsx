// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, stubRoutes } from '../../test/fetch-stub.ts';
import { renderWithProviders } from '../../test/render.tsx';
import DocumentPage from './document-page.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const DOCUMENT_ID = '5f0c6f58-8f5e-4a53-9d0a-6b0e1d0f1a11';
const PASSAGE_ON_PAGE_2 = '7d7c1b2a-3a4b-4c5d-8e9f-0a1b2c3d4e5f';
const PASSAGE_ON_PAGE_1 = '8e8d2c3b-4b5c-4d6e-9f0a-1b2c3d4e5f60';

const page2 =
  'Shipping. Every order leaves within a day. The cobalt otter promise: refunds without questions.';
const cited = 'The cobalt otter promise: refunds without questions.';

const documentText = {
  document: {
    id: DOCUMENT_ID,
    brandId: '0b6f4c2e-2f8a-4a4e-9c55-1f0b7d3a2c10',
    name: 'Brand book.pdf',
    format: 'pdf',
    sizeBytes: 48_000,
    status: 'ready',
    failureReason: null,
    pageCount: 3,
    chunkCount: 3,
    createdAt: '2026-03-02T10:00:00.000Z',
    updatedAt: '2026-03-02T10:00:00.000Z',
  },
  sections: [
    { label: 'Brand book.pdf · page 1', text: 'Who we are. A small soap maker.', locator: { page: 1 } },
    { label: 'Brand book.pdf · page 2', text: page2, locator: { page: 2 } },
    { label: 'Brand book.pdf · page 3', text: 'Contact us any time.', locator: { page: 3 } },
  ],
  passages: [
    { id: PASSAGE_ON_PAGE_1, sectionIndex: 0, charStart: 0, charEnd: 31 },
    { id: PASSAGE_ON_PAGE_2, sectionIndex: 1, charStart: page2.indexOf(cited), charEnd: page2.length },
  ],
};

function openViewer(search: string) {
  stubRoutes({ [`GET /api/documents/${DOCUMENT_ID}/text`]: () => jsonResponse(200, documentText) });
  return renderWithProviders(
    <Routes>
      <Route path="/app/knowledge/documents/:documentId" element={<DocumentPage />} />
    </Routes>,
    { path: `/app/knowledge/documents/${DOCUMENT_ID}${search}` },
  );
}

describe('document viewer', () => {
  it('marks exactly the cited passage within its page and moves focus to it', async () => {
    const { container } = openViewer(`?page=2&passage=${PASSAGE_ON_PAGE_2}`);
    await screen.findByRole('heading', { level: 1, name: 'Brand book.pdf' });
    const marks = container.querySelectorAll('mark');
    expect(marks).toHaveLength(1);
    expect(marks[0]?.textContent).toBe(cited);
    expect(marks[0]?.closest('section')?.id).toBe('page-2');
    // The rest of the page's text is still there, unmarked.
    expect(marks[0]?.closest('p')?.textContent).toContain('Every order leaves within a day.');
    await waitFor(() => expect(document.activeElement).toBe(marks[0]));
    expect(screen.getByRole('link', { name: 'Go to the cited passage' })).toBeTruthy();
  });

  it('opens at the page when only a page is given', async () => {
    openViewer('?page=3');
    const heading = await screen.findByRole('heading', { level: 2, name: 'Page 3' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(document.querySelector('mark')).toBeNull();
  });

  it('says so when the cited passage is not in this version of the document', async () => {
    openViewer('?page=2&passage=11111111-2222-4333-8444-555555555555');
    await screen.findByText(/The cited passage is no longer in this document/);
    expect(screen.getByText(/Showing the page it was on/)).toBeTruthy();
    expect(document.querySelector('mark')).toBeNull();
    const heading = screen.getByRole('heading', { level: 2, name: 'Page 2' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it('explains a document that could not be processed', async () => {
    stubRoutes({
      [`GET /api/documents/${DOCUMENT_ID}/text`]: () =>
        jsonResponse(200, {
          document: {
            ...documentText.document,
            status: 'failed',
            failureReason: 'This PDF is password-protected.',
            pageCount: null,
            chunkCount: 0,
          },
          sections: [],
          passages: [],
        }),
    });
    renderWithProviders(
      <Routes>
        <Route path="/app/knowledge/documents/:documentId" element={<DocumentPage />} />
      </Routes>,
      { path: `/app/knowledge/documents/${DOCUMENT_ID}` },
    );
    expect(await screen.findByText('This PDF is password-protected.')).toBeTruthy();
    expect(screen.getByText('This document could not be processed')).toBeTruthy();
  });

  it('says a document that is not there was not found', async () => {
    stubRoutes({
      [`GET /api/documents/${DOCUMENT_ID}/text`]: () =>
        jsonResponse(404, { error: { code: 'NOT_FOUND', message: 'Document not found', requestId: 'r1' } }),
    });
    renderWithProviders(
      <Routes>
        <Route path="/app/knowledge/documents/:documentId" element={<DocumentPage />} />
      </Routes>,
      { path: `/app/knowledge/documents/${DOCUMENT_ID}` },
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Document not found' })).toBeTruthy();
  });
});
