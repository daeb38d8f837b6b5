// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrandMemory } from '../../../core/brand-memory/contracts.ts';
import { bodyOf, jsonResponse, stubRoutes } from '../../test/fetch-stub.ts';
import { renderWithProviders } from '../../test/render.tsx';
import BrandMemoryPage from './brand-memory-page.tsx';

const BRAND_ID = '0b6f4c2e-2f8a-4a4e-9c55-1f0b7d3a2c10';
const brand = {
  id: BRAND_ID,
  name: 'Shift Scrubs',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const LIST = `GET /api/brands/${BRAND_ID}/memories`;
const CREATE = `POST /api/brands/${BRAND_ID}/memories`;

function memory(id: string, text: string, source: BrandMemory['source'] = 'owner'): BrandMemory {
  return {
    id,
    brandId: BRAND_ID,
    text,
    source,
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
  };
}
const NURSES = memory(
  '11111111-1111-4111-8111-111111111111',
  'Our customers are mostly nurses.',
  'coach-suggested',
);
const ONLINE = memory('22222222-2222-4222-8222-222222222222', 'We only sell online.');

/** The API as the page sees it, over a list the handlers change like the server would. */
function fakeApi(initial: BrandMemory[], limit = 100) {
  const stored = [...initial];
  const fetchMock = stubRoutes({
    'GET /api/brands': () => jsonResponse(200, { brands: [brand] }),
    [LIST]: () => jsonResponse(200, { memories: stored, limit }),
    [CREATE]: (init) => {
      const { text } = JSON.parse(String(init?.body)) as { text: string };
      const created = memory('33333333-3333-4333-8333-333333333333', text);
      stored.push(created);
      return jsonResponse(201, { memory: created });
    },
    [`PATCH /api/brand-memories/${NURSES.id}`]: (init) => {
      const { text } = JSON.parse(String(init?.body)) as { text: string };
      const index = stored.findIndex((each) => each.id === NURSES.id);
      const updated = { ...NURSES, text };
      stored.splice(index, 1, updated);
      return jsonResponse(200, { memory: updated });
    },
    [`DELETE /api/brand-memories/${ONLINE.id}`]: () => {
      stored.splice(
        stored.findIndex((each) => each.id === ONLINE.id),
        1,
      );
      return new Response(null, { status: 204 });
    },
  });
  return { stored, fetchMock };
}

beforeEach(() => {
  window.localStorage.clear();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('BrandMemoryPage', () => {
  it('lists what the coach remembers about the current brand, with who added each fact', async () => {
    fakeApi([NURSES, ONLINE]);
    renderWithProviders(<BrandMemoryPage />);
    const list = await screen.findByRole('list', { name: /2 facts/ });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.id)).toEqual([`memory-${NURSES.id}`, `memory-${ONLINE.id}`]);
    expect(within(items[0] as HTMLElement).getByText(NURSES.text)).toBeTruthy();
    expect(within(items[0] as HTMLElement).getByText(/Offered by the coach, saved by you on/)).toBeTruthy();
    expect(within(items[1] as HTMLElement).getByText(/Added by you on/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'What the coach remembers' })).toBeTruthy();
    expect(screen.getByText('Shift Scrubs', { selector: 'strong' })).toBeTruthy();
  });

  it('adds a fact, with a live character count', async () => {
    const { fetchMock } = fakeApi([]);
    renderWithProviders(<BrandMemoryPage />);
    expect(await screen.findByText(/doesn’t remember anything about Shift Scrubs yet/)).toBeTruthy();
    const field = screen.getByLabelText('Something true about Shift Scrubs the coach should always know');
    expect(screen.getByRole('button', { name: 'Remember this' }).hasAttribute('disabled')).toBe(true);
    fireEvent.change(field, { target: { value: 'We ship from Leeds.' } });
    expect(screen.getByText('19 of 500 characters')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remember this' }));
    expect(await screen.findByText('We ship from Leeds.', { selector: 'p' })).toBeTruthy();
    expect(bodyOf(fetchMock, CREATE)).toEqual({ text: 'We ship from Leeds.', source: 'owner' });
    await waitFor(() => expect((field as HTMLTextAreaElement).value).toBe(''));
  });

  it('edits a fact in place and deletes one after asking', async () => {
    const { fetchMock } = fakeApi([NURSES, ONLINE]);
    renderWithProviders(<BrandMemoryPage />);
    fireEvent.click(await screen.findByRole('button', { name: `Edit “${NURSES.text}”` }));
    const field = screen.getByLabelText('Edit this fact');
    fireEvent.change(field, { target: { value: 'Our customers are mostly night-shift nurses.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save fact' }));
    expect(await screen.findByText('Our customers are mostly night-shift nurses.')).toBeTruthy();
    expect(bodyOf(fetchMock, `PATCH /api/brand-memories/${NURSES.id}`)).toEqual({
      text: 'Our customers are mostly night-shift nurses.',
    });

    fireEvent.click(screen.getByRole('button', { name: `Delete “${ONLINE.text}”` }));
    const dialog = await screen.findByRole('dialog', { name: 'Forget this fact?' });
    expect(within(dialog).getByText(/will no longer know “We only sell online\.”/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete fact' }));
    await waitFor(() => expect(screen.queryByText(ONLINE.text, { selector: 'p' })).toBeNull());
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(true);
  });

  it('shows the server’s reason when a fact cannot be saved, and says when the brand is full', async () => {
    fakeApi([NURSES]);
    stubRoutes({
      'GET /api/brands': () => jsonResponse(200, { brands: [brand] }),
      [LIST]: () => jsonResponse(200, { memories: [NURSES], limit: 100 }),
      [CREATE]: () =>
        jsonResponse(409, {
          error: {
            code: 'CONFLICT',
            message: 'The coach already remembers this fact for this brand.',
            requestId: 'r1',
            current: NURSES,
          },
        }),
    });
    renderWithProviders(<BrandMemoryPage />);
    const field = await screen.findByLabelText(
      'Something true about Shift Scrubs the coach should always know',
    );
    fireEvent.change(field, { target: { value: 'our customers are mostly nurses' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remember this' }));
    expect(await screen.findByText('The coach already remembers this fact for this brand.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    cleanup();

    fakeApi([NURSES, ONLINE], 2);
    renderWithProviders(<BrandMemoryPage />);
    expect(await screen.findByText('The coach remembers 2 facts about Shift Scrubs')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Remember this' })).toBeNull();
  });
});
