// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage, ChatSession } from '../../../core/ai/chat-contracts.ts';
import type { Citation } from '../../../core/knowledge/contracts.ts';
import { jsonResponse, LocationProbe, renderWithProviders } from '../../test/render.tsx';
import { Thread } from './thread.tsx';

const SESSION: ChatSession = {
  id: '6f1d2c1e-8a3b-4c5d-9e7f-0a1b2c3d4e5f',
  brandId: '9b2e7c4a-1d3f-4e5a-8b6c-7d8e9f0a1b2c',
  title: 'Standing out',
  createdAt: '2026-11-20T10:00:00.000Z',
  lastMessageAt: '2026-11-20T10:00:00.000Z',
};
const RESETS_AT = '2026-11-27T00:00:00.000Z';
const sse = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

function streamOf(text: string) {
  return new Response(new Blob([text]).stream(), {
    status: 200,
    headers: { 'content-type': 'text/event-stream' },
  });
}

/** A fake API: the stored messages, today's usage and what the next chat turn answers. */
function fakeApi(turn: () => Response, remainingNow: () => number = () => 50) {
  const stored: ChatMessage[] = [];
  const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
    const url = String(input);
    if (url === '/api/ai/usage') {
      const remaining = remainingNow();
      return jsonResponse(200, { used: 50 - remaining, limit: 50, remaining, resetsAt: RESETS_AT });
    }
    if (url.endsWith('/messages') && init?.method === 'POST') return turn();
    if (url.endsWith('/messages')) return jsonResponse(200, { messages: stored });
    return jsonResponse(200, { sessions: [SESSION] });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { stored, fetchMock };
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

describe('Thread', () => {
  it('shows an error event from the stream as an error in the thread, and gives the text back', async () => {
    fakeApi(() =>
      streamOf(
        sse('delta', { text: 'Start with your ' }) +
          sse('error', {
            code: 'AI_STREAM_FAILED',
            message: 'The answer was cut off by the AI provider. Nothing was saved or charged to your quota.',
          }),
      ),
    );
    renderWithProviders(<Thread session={SESSION} />);
    await send('How do I stand out?');

    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(within(alert).getByText('The coach couldn’t answer')).toBeTruthy();
    expect(within(alert).getByText(/cut off by the AI provider/)).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByLabelText<HTMLTextAreaElement>('Your message').value).toBe('How do I stand out?'),
    );
  });

  it('never shows a silent empty answer when the stream just stops', async () => {
    fakeApi(() => streamOf(sse('delta', { text: 'Half' })));
    renderWithProviders(<Thread session={SESSION} />);
    await send('Hello');
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert.textContent).toMatch(/connection dropped before the answer finished/);
  });

  it('explains a 429 over quota clearly and blocks sending until the reset', async () => {
    let remaining = 1;
    fakeApi(
      () => {
        remaining = 0;
        return new Response(
          JSON.stringify({
            error: {
              code: 'QUOTA_EXCEEDED',
              message: 'You have used today’s 50 AI requests.',
              requestId: 'r1',
            },
          }),
          { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '3600' } },
        );
      },
      () => remaining,
    );
    renderWithProviders(<Thread session={SESSION} />);
    await send('One more question');

    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(within(alert).getByText('No coach requests left today')).toBeTruthy();
    expect(within(alert).queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Send' }).disabled).toBe(true);
    expect(screen.getByText(/You’ve used all of today’s coach requests. You can ask again/)).toBeTruthy();
  });

  it('streams an answer in, labels the offline coach, shows its notice and follow-ups', async () => {
    const { stored } = fakeApi(() => {
      const now = new Date().toISOString();
      stored.push(
        {
          id: crypto.randomUUID(),
          role: 'user',
          content: 'Help',
          followUps: [],
          provider: null,
          promptVersion: null,
          notice: null,
          citations: [],
          proposals: [],
          createdAt: now,
        },
        {
          id: '0a1b2c3d-8a3b-4c5d-9e7f-6f1d2c1e4e5f',
          role: 'assistant',
          content: 'Be **distinctive**.',
          followUps: ['What makes a brand memorable?'],
          provider: 'offline',
          promptVersion: 2,
          notice: { code: 'spending-cap', message: 'The AI spending limit for this month has been reached.' },
          citations: [],
          proposals: [],
          createdAt: now,
        },
      );
      return streamOf(
        sse('delta', { text: 'Be ' }) +
          sse('delta', { text: '**distinctive**.' }) +
          sse('done', {
            messageId: '0a1b2c3d-8a3b-4c5d-9e7f-6f1d2c1e4e5f',
            text: 'Be **distinctive**.',
            citations: [],
            followUps: ['What makes a brand memorable?'],
            provider: 'offline',
            notice: {
              code: 'spending-cap',
              message: 'The AI spending limit for this month has been reached.',
            },
          }),
      );
    });
    renderWithProviders(<Thread session={SESSION} />);
    await send('Help');

    // The streamed bubble gives way to the stored answer once the conversation is fetched again.
    await waitFor(
      () => {
        const answers = screen.getAllByRole('article', { name: 'Coach’s answer' });
        expect(answers).toHaveLength(1);
        expect(answers[0]?.textContent).toContain('distinctive');
        expect(answers[0]?.getAttribute('data-state')).toBeNull();
      },
      { timeout: 5000 },
    );
    expect(screen.getByText('Offline coach')).toBeTruthy();
    expect(screen.getByText('The AI spending limit for this month has been reached.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'What makes a brand memorable?' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a finished answer once: never the streamed turn and the stored answer together', async () => {
    const answerId = '1b2c3d4e-8a3b-4c5d-9e7f-6f1d2c1e4e5f';
    const stored: ChatMessage[] = [];
    let posted = false;
    // After the turn, the usage count answers only when the test says: the conversation's messages
    // arrive first, as they often do in a browser.
    let releaseUsage: () => void = () => undefined;
    let usageAnswered = false;
    const usageAfterTurn = new Promise<void>((resolve) => {
      releaseUsage = resolve;
    });
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(async (input, init) => {
        const url = String(input);
        if (url === '/api/ai/usage') {
          if (posted) {
            await usageAfterTurn;
            usageAnswered = true;
          }
          return jsonResponse(200, { used: 1, limit: 50, remaining: 49, resetsAt: RESETS_AT });
        }
        if (url.endsWith('/messages') && init?.method === 'POST') {
          posted = true;
          const now = new Date().toISOString();
          stored.push(
            { ...STORED_BASE, id: crypto.randomUUID(), role: 'user', content: 'Help', createdAt: now },
            {
              ...STORED_BASE,
              id: answerId,
              content: 'Start with **Insight**.',
              followUps: ['Why Insight first?'],
              provider: 'offline',
              createdAt: now,
            },
          );
          return streamOf(
            sse('delta', { text: 'Start with **Insight**.' }) +
              sse('done', {
                messageId: answerId,
                text: 'Start with **Insight**.',
                citations: [],
                followUps: ['Why Insight first?'],
                provider: 'offline',
              }),
          );
        }
        if (url.endsWith('/messages')) return jsonResponse(200, { messages: [...stored] });
        return jsonResponse(200, { sessions: [SESSION] });
      }),
    );
    const { container } = renderWithProviders(<Thread session={SESSION} />);
    await send('Help');

    // The stored answer has arrived while the rest of the refresh is still on its way.
    await waitFor(() => expect(container.querySelector('article:not([data-state])')).not.toBeNull(), {
      timeout: 5000,
    });
    expect(screen.getAllByRole('article', { name: 'Coach’s answer' })).toHaveLength(1);
    // It is the last answer, so its follow-ups can be picked.
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Why Insight first?' }).disabled).toBe(
      false,
    );

    // And once the whole refresh is done, still one answer: the stored one.
    releaseUsage();
    await waitFor(() => expect(usageAnswered).toBe(true), { timeout: 5000 });
    const answers = screen.getAllByRole('article', { name: 'Coach’s answer' });
    expect(answers).toHaveLength(1);
    expect(answers[0]?.getAttribute('data-state')).toBeNull();
  });

  it('replaces the streamed text with the checked answer when done, its markers linked to the sources', async () => {
    let posted = false;
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(async (input, init) => {
        const url = String(input);
        if (url === '/api/ai/usage') {
          return jsonResponse(200, { used: 0, limit: 50, remaining: 50, resetsAt: RESETS_AT });
        }
        if (url.endsWith('/messages') && init?.method === 'POST') {
          posted = true;
          return streamOf(
            sse('delta', { text: 'Your evenings are calm [1]. ' }) +
              sse('delta', { text: 'Made up [9].' }) +
              sse('done', {
                messageId: '0a1b2c3d-8a3b-4c5d-9e7f-6f1d2c1e4e5f',
                text: 'Your evenings are calm [1]. Made up.',
                citations: [PURPOSE],
                followUps: [],
                provider: 'openai-compatible',
              }),
          );
        }
        // Once the turn is sent the conversation is never fetched again here, so the finished turn
        // (not the stored message) is what stays on screen.
        if (url.endsWith('/messages')) {
          return posted ? new Promise<Response>(() => undefined) : jsonResponse(200, { messages: [] });
        }
        return jsonResponse(200, { sessions: [SESSION] });
      }),
    );
    renderWithProviders(<Thread session={SESSION} />);
    await send('Tell me about my evenings');

    const answer = await screen.findByRole('article', { name: 'Coach’s answer' }, { timeout: 5000 });
    await waitFor(() => expect(answer.getAttribute('data-state')).toBe('done'), { timeout: 5000 });
    await waitFor(
      () =>
        expect(within(answer).getByRole('link', { name: 'Source 1: Brand canvas · Purpose' })).toBeTruthy(),
      {
        timeout: 5000,
      },
    );
    expect(answer.textContent).not.toContain('[9]');
    expect(answer.textContent).toContain('Made up.');
    expect(within(answer).getByRole('list', { name: 'Sources' }).textContent).toContain('We light candles');
  });

  it('shows a stored answer’s sources, and a citation opens its source inside the app', async () => {
    const { stored } = fakeApi(() => jsonResponse(500, {}));
    stored.push({
      id: '0a1b2c3d-8a3b-4c5d-9e7f-6f1d2c1e4e5f',
      role: 'assistant',
      content: 'Your evenings are calm [1].',
      followUps: [],
      provider: 'openai-compatible',
      promptVersion: 2,
      notice: null,
      citations: [PURPOSE],
      proposals: [],
      createdAt: '2026-11-20T10:00:00.000Z',
    });
    renderWithProviders(
      <>
        <Thread session={SESSION} />
        <LocationProbe />
      </>,
      { path: '/app/coach' },
    );
    const link = await screen.findByRole(
      'link',
      { name: 'Source 1: Brand canvas · Purpose' },
      { timeout: 5000 },
    );
    fireEvent.click(link);
    expect(screen.getByTestId('location').textContent).toBe('/app/canvas');
  });
});

/** A stored message's fields a test does not care about. */
const STORED_BASE: ChatMessage = {
  id: '',
  role: 'assistant',
  content: '',
  followUps: [],
  provider: null,
  promptVersion: null,
  notice: null,
  citations: [],
  proposals: [],
  createdAt: '2026-11-20T10:00:00.000Z',
};

const PURPOSE: Citation = {
  n: 1,
  id: '3f2c1b0a-8a3b-4c5d-9e7f-6f1d2c1e4e5f',
  sourceType: 'canvas',
  label: 'Brand canvas · Purpose',
  quote: 'We light candles for calm evenings.',
  href: '/app/canvas#field-purpose',
};
