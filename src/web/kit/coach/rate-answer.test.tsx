// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render.tsx';
import { RateAnswer } from './rate-answer.tsx';

const CALL_ID = '6f1d2c1e-8a3b-4c5d-9e7f-0a1b2c3d4e5f';

function fakeApi(...responses: Response[]) {
  const calls: { url: string; method: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn<typeof fetch>(async (input, init) => {
      calls.push({
        url: String(input),
        method: init?.method ?? 'GET',
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
      });
      const next = responses.shift();
      if (!next) throw new Error(`unexpected request ${String(input)}`);
      return next;
    }),
  );
  return calls;
}

const stored = (rating: 'up' | 'down', reason: string | null = null) =>
  jsonResponse(200, { rating: { rating, reason, task: 'canvas-suggestion', promptVersion: 2 } });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('RateAnswer', () => {
  it('rates a task result by its AI call, then sends the optional reason with the same rating', async () => {
    const calls = fakeApi(stored('down'), stored('down', 'Too vague'));
    renderWithProviders(
      <RateAnswer target={{ subject: 'task-result', callId: CALL_ID }} label="this suggestion" />,
    );
    const down = screen.getByRole('button', { name: 'Not good: rate this suggestion thumbs down' });
    expect(down.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(down);
    expect(down.getAttribute('aria-pressed')).toBe('true');
    await screen.findByText('Thanks for rating.', {}, { timeout: 5000 });
    expect(screen.getByRole('button', { name: /thumbs up/ }).getAttribute('aria-pressed')).toBe('false');
    expect(calls[0]).toEqual({
      url: '/api/feedback/ratings',
      method: 'POST',
      body: { subject: 'task-result', callId: CALL_ID, rating: 'down' },
    });

    fireEvent.change(screen.getByLabelText('Why? (optional)'), { target: { value: '  Too vague ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send reason' }));
    await screen.findByText('Thanks, your reason was sent.', {}, { timeout: 5000 });
    expect(calls[1]?.body).toEqual({
      subject: 'task-result',
      callId: CALL_ID,
      rating: 'down',
      reason: 'Too vague',
    });
  });

  it('shows a rating given earlier, and the server’s refusal when rating fails', async () => {
    fakeApi(
      jsonResponse(404, {
        error: { code: 'NOT_FOUND', message: 'There is no such coach answer.', requestId: 'r1' },
      }),
    );
    renderWithProviders(
      <RateAnswer
        target={{ subject: 'coach-answer', messageId: CALL_ID }}
        initial={{ rating: 'up', reason: null }}
      />,
    );
    expect(screen.getByRole('button', { name: /thumbs up/ }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: /thumbs down/ }));
    expect((await screen.findByRole('alert', {}, { timeout: 5000 })).textContent).toContain(
      'There is no such coach answer.',
    );
    expect(screen.getByRole('button', { name: /thumbs up/ }).getAttribute('aria-pressed')).toBe('true');
  });
});
