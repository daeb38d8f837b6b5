// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BrandMemory } from '../../../core/brand-memory/contracts.ts';
import { bodyOf, jsonResponse, stubRoutes } from '../../test/fetch-stub.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { RememberOffer } from './remember-offer.tsx';

const BRAND_ID = '9b2e7c4a-1d3f-4e5a-8b6c-7d8e9f0a1b2c';
const FACT = 'Our customers are mostly nurses.';
const MEMORY: BrandMemory = {
  id: '0f8e2d1c-3b4a-4c5d-8e9f-1a2b3c4d5e6f',
  brandId: BRAND_ID,
  text: FACT,
  source: 'coach-suggested',
  createdAt: '2026-12-03T10:00:00.000Z',
  updatedAt: '2026-12-03T10:00:00.000Z',
};
const CREATE = `POST /api/brands/${BRAND_ID}/memories`;

function offer(onDismiss = vi.fn()) {
  renderWithProviders(
    <RememberOffer brandId={BRAND_ID} brandName="Shift Scrubs" text={FACT} onDismiss={onDismiss} />,
  );
  return onDismiss;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('RememberOffer', () => {
  it('saves the fact only when the owner presses the button, marked as offered by the coach', async () => {
    const fetchMock = stubRoutes({ [CREATE]: () => jsonResponse(201, { memory: MEMORY }) });
    offer();
    const region = screen.getByRole('region', { name: 'Remember a fact' });
    expect(within(region).getByText(FACT)).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Remember this for Shift Scrubs' }));
    const saved = await screen.findByRole('status');
    expect(saved.textContent).toContain('Saved. The coach will remember this for Shift Scrubs.');
    expect(
      within(saved).getByRole('link', { name: 'See what the coach remembers' }).getAttribute('href'),
    ).toBe('/app/brand-memory');
    expect(bodyOf(fetchMock, CREATE)).toEqual({ text: FACT, source: 'coach-suggested' });
  });

  it('says so when the coach already remembers it, and shows why when the brand is full', async () => {
    stubRoutes({
      [CREATE]: () =>
        jsonResponse(409, {
          error: {
            code: 'CONFLICT',
            message: 'The coach already remembers this fact for this brand.',
            requestId: 'r1',
            current: MEMORY,
          },
        }),
    });
    offer();
    fireEvent.click(screen.getByRole('button', { name: 'Remember this for Shift Scrubs' }));
    expect((await screen.findByRole('status')).textContent).toContain(
      'The coach already remembers this for Shift Scrubs.',
    );
    cleanup();

    const full =
      'The coach can remember up to 100 facts per brand. Delete or combine some before adding another.';
    stubRoutes({
      [CREATE]: () => jsonResponse(409, { error: { code: 'CONFLICT', message: full, requestId: 'r2' } }),
    });
    offer();
    fireEvent.click(screen.getByRole('button', { name: 'Remember this for Shift Scrubs' }));
    expect((await screen.findByRole('alert')).textContent).toContain(full);
    expect(screen.getByRole('button', { name: 'Remember this for Shift Scrubs' })).toBeTruthy();
  });

  it('goes away on “Not now” without saving anything', () => {
    const fetchMock = stubRoutes({});
    const onDismiss = offer();
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    expect(onDismiss).toHaveBeenCalledOnce();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
