// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../app/query-client.ts';
import { sessionQueryKey } from '../../lib/session.ts';
import { jane, jsonResponse, renderWithProviders } from '../../test/render.tsx';
import FeedbackDialog from './feedback-dialog.tsx';

beforeAll(() => {
  // happy-dom's <dialog> has no modal mode; opening it is all the component needs here.
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderSignedIn(path: string) {
  const queryClient = createQueryClient();
  queryClient.setQueryData(sessionQueryKey, { user: jane });
  return renderWithProviders(<FeedbackDialog open onClose={() => {}} />, { path, queryClient });
}

describe('FeedbackDialog', () => {
  it('signed in: names what is missing, then sends the kind, message and page, without a check or address', async () => {
    const calls: { url: string; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(async (input, init) => {
        calls.push({ url: String(input), body: init?.body ? JSON.parse(String(init.body)) : undefined });
        return jsonResponse(201, { ok: true, message: 'Thank you! Your feedback was sent.' });
      }),
    );
    renderSignedIn('/app/canvas');
    expect(await screen.findByText(/We attach the page you are on \(\/app\/canvas\)/)).toBeTruthy();
    expect(screen.queryByLabelText('Your email (optional)')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Send feedback' }));
    expect(screen.getByText('Please choose idea, problem or praise.')).toBeTruthy();
    expect(screen.getByText('Please write a few words.')).toBeTruthy();
    expect(calls).toEqual([]);

    fireEvent.click(screen.getByRole('radio', { name: /Idea/ }));
    fireEvent.change(screen.getByLabelText('Your message'), { target: { value: '  A dark mode, please  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send feedback' }));
    expect(await screen.findByText(/Your feedback was sent/, {}, { timeout: 5000 })).toBeTruthy();
    expect(calls).toEqual([
      { url: '/api/feedback', body: { kind: 'idea', message: 'A dark mode, please', page: '/app/canvas' } },
    ]);
  });

  it('shows the server’s field messages next to the fields', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(async () =>
        jsonResponse(400, {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'Please check the form.',
            requestId: 'r1',
            details: [{ path: 'body.message', message: 'Please keep it under 4000 characters.' }],
          },
        }),
      ),
    );
    renderSignedIn('/app');
    fireEvent.click(await screen.findByRole('radio', { name: /Problem/ }));
    fireEvent.change(screen.getByLabelText('Your message'), { target: { value: 'Something long' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send feedback' }));
    expect(
      await screen.findByText('Please keep it under 4000 characters.', {}, { timeout: 5000 }),
    ).toBeTruthy();
  });
});
