// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage, ChatSession } from '../../../core/ai/chat-contracts.ts';
import { jsonResponse } from '../../test/fetch-stub.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { Thread } from './thread.tsx';

const BRAND_ID = '9b2e7c4a-1d3f-4e5a-8b6c-7d8e9f0a1b2c';
const SESSION: ChatSession = {
  id: '6f1d2c1e-8a3b-4c5d-9e7f-0a1b2c3d4e5f',
  brandId: BRAND_ID,
  title: 'Our customers',
  createdAt: '2026-11-20T10:00:00.000Z',
  lastMessageAt: '2026-11-20T10:00:00.000Z',
};
const ANSWER_ID = '0a1b2c3d-8a3b-4c5d-9e7f-6f1d2c1e4e5f';
const FACT = 'Our customers are mostly nurses.';
const sse = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

function message(role: ChatMessage['role'], content: string, id: string = crypto.randomUUID()): ChatMessage {
  return {
    id,
    role,
    content,
    followUps: [],
    provider: role === 'assistant' ? 'offline' : null,
    promptVersion: null,
    notice: null,
    citations: [],
    proposals: [],
    createdAt: new Date().toISOString(),
  };
}

/** A conversation whose next answer offers to remember FACT; records what the page sends. */
function fakeApi(offer: boolean) {
  const stored: ChatMessage[] = [];
  const sent: { method: string; url: string; body: unknown }[] = [];
  const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    sent.push({ method, url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    if (url === '/api/ai/usage') {
      return jsonResponse(200, { used: 1, limit: 50, remaining: 49, resetsAt: '2026-11-27T00:00:00.000Z' });
    }
    if (url === '/api/brands') {
      return jsonResponse(200, {
        brands: [
          { id: BRAND_ID, name: 'Shift Scrubs', createdAt: SESSION.createdAt, updatedAt: SESSION.createdAt },
        ],
      });
    }
    if (url === `/api/brands/${BRAND_ID}/memories` && method === 'POST') {
      const now = new Date().toISOString();
      return jsonResponse(201, {
        memory: {
          id: '3c4d5e6f-1a2b-4c5d-8e9f-0a1b2c3d4e5f',
          brandId: BRAND_ID,
          text: FACT,
          source: 'coach-suggested',
          createdAt: now,
          updatedAt: now,
        },
      });
    }
    if (url.endsWith('/messages') && method === 'POST') {
      stored.push(message('user', FACT), message('assistant', 'Noted.', ANSWER_ID));
      return new Response(
        new Blob([
          sse('delta', { text: 'Noted.' }) +
            sse('done', {
              messageId: ANSWER_ID,
              text: 'Noted.',
              citations: [],
              followUps: [],
              provider: 'offline',
              ...(offer ? { rememberSuggestion: { text: FACT } } : {}),
            }),
        ]).stream(),
        { status: 200, headers: { 'content-type': 'text/event-stream' } },
      );
    }
    if (url.endsWith('/messages')) return jsonResponse(200, { messages: stored });
    return jsonResponse(200, { sessions: [SESSION] });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { sent };
}

async function send(text: string) {
  const field = await screen.findByLabelText('Your message', {}, { timeout: 5000 });
  fireEvent.change(field, { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Send' }));
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Thread: remembering a fact', () => {
  it('offers to remember a fact the answer flagged, keeps the offer once the answer is stored, and saves on click', async () => {
    const { sent } = fakeApi(true);
    renderWithProviders(<Thread session={SESSION} />);
    await send(FACT);

    const button = await screen.findByRole(
      'button',
      { name: 'Remember this for Shift Scrubs' },
      { timeout: 5000 },
    );
    // The streamed turn has given way to the stored answer; the offer is still there.
    await waitFor(() =>
      expect(screen.getByRole('article', { name: 'Coach’s answer' }).getAttribute('data-state')).toBeNull(),
    );
    expect(screen.getByRole('button', { name: 'Remember this for Shift Scrubs' })).toBe(button);
    expect(sent.some((request) => request.url.endsWith('/memories'))).toBe(false);
    // Screen readers hear that there is an offer, not only sighted users.
    expect(screen.getByText(/the coach offers to remember a fact you stated/)).toBeTruthy();

    fireEvent.click(button);
    expect(await screen.findByText(/Saved\. The coach will remember this for Shift Scrubs\./)).toBeTruthy();
    expect(sent.find((request) => request.url.endsWith('/memories'))).toMatchObject({
      method: 'POST',
      body: { text: FACT, source: 'coach-suggested' },
    });
  });

  it('offers nothing when the answer flags no fact, and the next message clears an offer', async () => {
    fakeApi(false);
    renderWithProviders(<Thread session={SESSION} />);
    await send('Hello there');
    await screen.findByRole('article', { name: 'Coach’s answer' }, { timeout: 5000 });
    await waitFor(() =>
      expect(screen.getByRole('article', { name: 'Coach’s answer' }).getAttribute('data-state')).toBeNull(),
    );
    expect(screen.queryByRole('region', { name: 'Remember a fact' })).toBeNull();
    cleanup();

    fakeApi(true);
    renderWithProviders(<Thread session={SESSION} />);
    await send(FACT);
    await screen.findByRole('region', { name: 'Remember a fact' }, { timeout: 5000 });
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    expect(screen.queryByRole('region', { name: 'Remember a fact' })).toBeNull();
  });
});
