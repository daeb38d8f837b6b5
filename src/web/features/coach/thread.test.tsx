// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage, ChatSession } from '../../../core/ai/chat-contracts.ts';
import { jsonResponse, renderWithProviders } from '../../test/render.tsx';
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
          createdAt: now,
        },
      );
      return streamOf(
        sse('delta', { text: 'Be ' }) +
          sse('delta', { text: '**distinctive**.' }) +
          sse('done', {
            messageId: '0a1b2c3d-8a3b-4c5d-9e7f-6f1d2c1e4e5f',
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
});
