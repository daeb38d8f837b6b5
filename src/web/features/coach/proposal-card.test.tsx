// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage, ChatSession } from '../../../core/ai/chat-contracts.ts';
import type { ChatProposal } from '../../../core/coach/proposal-contracts.ts';
import { jsonResponse, renderWithProviders } from '../../test/render.tsx';
import { ProposalCards } from './proposal-card.tsx';
import { Thread } from './thread.tsx';

const SESSION: ChatSession = {
  id: '6f1d2c1e-8a3b-4c5d-9e7f-0a1b2c3d4e5f',
  brandId: '9b2e7c4a-1d3f-4e5a-8b6c-7d8e9f0a1b2c',
  title: 'Sharper words',
  createdAt: '2026-11-20T10:00:00.000Z',
  lastMessageAt: '2026-11-20T10:00:00.000Z',
};
const MESSAGE_ID = '0a1b2c3d-8a3b-4c5d-9e7f-6f1d2c1e4e5f';
const PROPOSAL: ChatProposal = {
  id: '1c2d3e4f-8a3b-4c5d-9e7f-6f1d2c1e4e5f',
  target: { kind: 'canvas', field: 'valueProposition' },
  label: 'Canvas: value proposition',
  currentText: 'Nice candles for your home.',
  proposedText: 'Hand-poured lavender candles that turn a busy evening into a calm one.',
  reason: 'Says what the candle does for the evening.',
  baseVersion: 3,
  status: 'pending',
  acceptedText: null,
  resolvedAt: null,
};
const ACCEPT_URL = `/api/ai/chat/messages/${MESSAGE_ID}/proposals/${PROPOSAL.id}/accept`;
const DISMISS_URL = `/api/ai/chat/messages/${MESSAGE_ID}/proposals/${PROPOSAL.id}/dismiss`;
const NAME = 'the proposed edit to Canvas: value proposition';

function accepted(text: string): ChatProposal {
  return { ...PROPOSAL, status: 'accepted', acceptedText: text, resolvedAt: '2026-11-20T10:05:00.000Z' };
}

/** Answers each request with the next scripted response; records every request's URL and body. */
function fakeApi(...responses: Response[]) {
  const calls: { url: string; body: unknown }[] = [];
  const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
    calls.push({ url: String(input), body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const next = responses.shift();
    if (!next) throw new Error(`unexpected request ${String(input)}`);
    return next;
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

function renderCards(proposal: ChatProposal = PROPOSAL) {
  return renderWithProviders(
    <ProposalCards sessionId={SESSION.id} messageId={MESSAGE_ID} proposals={[proposal]} />,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ProposalCards', () => {
  it('shows the field, its text now, the proposal and why, with named Accept, Edit and Dismiss buttons', () => {
    renderCards();
    const card = screen.getByRole('article', { name: 'Proposed edit: Canvas: value proposition' });
    expect(within(card).getByText('Says what the candle does for the evening.')).toBeTruthy();
    expect(within(card).getByText('Now').nextElementSibling?.textContent).toBe(PROPOSAL.currentText);
    expect(within(card).getByText('Proposed').nextElementSibling?.textContent).toBe(PROPOSAL.proposedText);
    for (const action of ['Accept', 'Edit', 'Dismiss']) {
      const button = within(card).getByRole('button', { name: `${action} ${NAME}` });
      expect(button.tagName).toBe('BUTTON');
    }
    expect(screen.getByRole('list', { name: 'Proposed edits' })).toBeTruthy();
  });

  it('says a field is empty rather than showing nothing', () => {
    renderCards({ ...PROPOSAL, currentText: '' });
    expect(screen.getByText('Now').nextElementSibling?.textContent).toBe('Empty');
  });

  it('accepts as proposed, then shows it saved with a link to the field, and moves focus there', async () => {
    const calls = fakeApi(jsonResponse(200, { proposal: accepted(PROPOSAL.proposedText) }));
    renderCards();
    fireEvent.click(screen.getByRole('button', { name: `Accept ${NAME}` }));

    const outcome = await screen.findByText(/Saved to Canvas: value proposition, marked as from the coach/);
    expect(calls).toEqual([{ url: ACCEPT_URL, body: {} }]);
    await waitFor(() => expect(document.activeElement).toBe(outcome));
    const link = within(outcome).getByRole('link', { name: 'Open it (Canvas: value proposition)' });
    expect(link.getAttribute('href')).toBe('/app/canvas#field-valueProposition');
    expect(screen.getByText('Saved').nextElementSibling?.textContent).toBe(PROPOSAL.proposedText);
    expect(screen.getByText('Before').nextElementSibling?.textContent).toBe(PROPOSAL.currentText);
    expect(screen.queryByRole('button', { name: `Accept ${NAME}` })).toBeNull();
  });

  it('lets the owner edit the text before accepting; Escape cancels and returns to Edit', async () => {
    const mine = 'Lavender candles, poured by hand, for calm evenings.';
    const calls = fakeApi(jsonResponse(200, { proposal: accepted(mine) }));
    renderCards();
    const edit = screen.getByRole('button', { name: `Edit ${NAME}` });
    fireEvent.click(edit);
    const field = screen.getByLabelText<HTMLTextAreaElement>('Your version of Canvas: value proposition');
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(field.value).toBe(PROPOSAL.proposedText);
    expect(field.maxLength).toBe(1000);

    fireEvent.keyDown(field, { key: 'Escape' });
    expect(screen.queryByLabelText('Your version of Canvas: value proposition')).toBeNull();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: `Edit ${NAME}` })),
    );

    fireEvent.click(screen.getByRole('button', { name: `Edit ${NAME}` }));
    const again = screen.getByLabelText<HTMLTextAreaElement>('Your version of Canvas: value proposition');
    fireEvent.change(again, { target: { value: '   ' } });
    expect(screen.getByText('Write the text to save, or cancel.')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Accept your version' }).disabled).toBe(
      true,
    );
    expect(again.getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(again, { target: { value: `  ${mine} ` } });
    expect(screen.getByText(`${mine.length} of 1,000 characters`)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Accept your version' }));
    await screen.findByText(/Saved to Canvas: value proposition/);
    expect(calls).toEqual([{ url: ACCEPT_URL, body: { text: mine } }]);
    expect(screen.getByText('Saved').nextElementSibling?.textContent).toBe(mine);
  });

  it('records a dismissal and says nothing changed', async () => {
    const calls = fakeApi(
      jsonResponse(200, {
        proposal: { ...PROPOSAL, status: 'dismissed', resolvedAt: '2026-11-20T10:05:00.000Z' },
      }),
    );
    renderCards();
    fireEvent.click(screen.getByRole('button', { name: `Dismiss ${NAME}` }));
    const outcome = await screen.findByText('Dismissed. Nothing was changed.');
    await waitFor(() => expect(document.activeElement).toBe(outcome));
    expect(calls).toEqual([{ url: DISMISS_URL, body: {} }]);
    expect(screen.queryByRole('button', { name: `Accept ${NAME}` })).toBeNull();
  });

  it('shows a conflict with the field’s text now, writes nothing, and can replace it knowingly', async () => {
    const newer = 'Candles, calmly.';
    const calls = fakeApi(
      jsonResponse(409, {
        error: {
          code: 'CONFLICT',
          message: 'This field changed after the coach proposed the edit.',
          requestId: 'r1',
          current: { currentText: newer, version: 4 },
        },
      }),
      jsonResponse(200, { proposal: accepted(PROPOSAL.proposedText) }),
    );
    renderCards();
    fireEvent.click(screen.getByRole('button', { name: `Accept ${NAME}` }));

    const title = await screen.findByText('This field changed after the coach proposed this');
    const warning = title.closest<HTMLElement>('[role="status"]');
    if (!warning) throw new Error('the conflict is not announced');
    expect(warning.textContent).toContain('Nothing was overwritten. It now says:');
    expect(within(warning).getByText(newer)).toBeTruthy();
    expect(screen.queryByRole('button', { name: `Accept ${NAME}` })).toBeNull();
    expect(within(warning).getByRole('button', { name: `Dismiss ${NAME}` })).toBeTruthy();

    fireEvent.click(
      within(warning).getByRole('button', { name: 'Replace it anyway with the proposed text' }),
    );
    await screen.findByText(/Saved to Canvas: value proposition/);
    expect(calls).toEqual([
      { url: ACCEPT_URL, body: {} },
      { url: ACCEPT_URL, body: { text: PROPOSAL.proposedText, currentText: newer } },
    ]);
  });

  it('shows any other refusal as an error and keeps the buttons', async () => {
    fakeApi(
      jsonResponse(409, {
        error: { code: 'CONFLICT', message: 'This proposal was dismissed.', requestId: 'r2' },
      }),
    );
    renderCards();
    fireEvent.click(screen.getByRole('button', { name: `Accept ${NAME}` }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This proposal was dismissed.');
    expect(screen.getByRole('button', { name: `Accept ${NAME}` })).toBeTruthy();
  });

  it('shows an already settled proposal as it was settled, without buttons', () => {
    renderCards(accepted('Hand-poured calm.'));
    expect(screen.getByText(/Saved to Canvas: value proposition/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('Thread with proposals', () => {
  it('shows the cards of a stored answer, and an accepted card stays accepted in the conversation', async () => {
    const stored: ChatMessage[] = [
      {
        id: MESSAGE_ID,
        role: 'assistant',
        content: 'Here is a sharper value proposition.',
        followUps: [],
        provider: 'openai-compatible',
        promptVersion: 2,
        notice: null,
        citations: [],
        proposals: [PROPOSAL],
        createdAt: '2026-11-20T10:00:00.000Z',
      },
    ];
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(async (input, init) => {
        const url = String(input);
        if (url === ACCEPT_URL && init?.method === 'POST') {
          const proposal = accepted(PROPOSAL.proposedText);
          stored[0] = { ...(stored[0] as ChatMessage), proposals: [proposal] };
          return jsonResponse(200, { proposal });
        }
        if (url === '/api/ai/usage') {
          return jsonResponse(200, {
            used: 1,
            limit: 50,
            remaining: 49,
            resetsAt: '2026-11-21T00:00:00.000Z',
          });
        }
        if (url.endsWith('/messages')) return jsonResponse(200, { messages: stored });
        if (url === '/api/brands') return jsonResponse(200, { brands: [] });
        return jsonResponse(200, { sessions: [SESSION] });
      }),
    );
    renderWithProviders(<Thread session={SESSION} />, { path: '/app/coach' });
    const answer = await screen.findByRole('article', { name: 'Coach’s answer' }, { timeout: 5000 });
    const card = within(answer).getByRole('article', { name: 'Proposed edit: Canvas: value proposition' });
    fireEvent.click(within(card).getByRole('button', { name: `Accept ${NAME}` }));
    await within(answer).findByText(/Saved to Canvas: value proposition/);
    expect(within(answer).queryByRole('button', { name: `Accept ${NAME}` })).toBeNull();
  });
});
