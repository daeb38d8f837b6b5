// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubRoutes } from '../../test/fetch-stub.ts';
import { jsonResponse, renderWithProviders } from '../../test/render.tsx';
import PromptsPage from './prompts-page.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const brandId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const version = {
  version: 1,
  status: 'published',
  body: 'You are the IDEA Brand Coach. Keep answers short.',
  createdAt: '2026-11-20T09:00:00.000Z',
  publishedAt: '2026-11-20T09:00:00.000Z',
};

// The first answer waits for the contracts chunk (zod) to load, which is slow on a busy machine.
const LOAD = { timeout: 5000 };

/** Opens the preview of `promptId`'s version 1 and returns its example input. */
async function previewInputFor(promptId: string): Promise<unknown> {
  stubRoutes({
    'GET /api/admin/ai/prompts': () =>
      jsonResponse(200, {
        prompts: ['chat', 'buyer-intent'].map((id) => ({ promptId: id, versions: [version] })),
      }),
    'GET /api/brands': () =>
      jsonResponse(200, {
        brands: [
          { id: brandId, name: 'Calm Co', createdAt: version.createdAt, updatedAt: version.createdAt },
        ],
      }),
  });
  renderWithProviders(<PromptsPage />, { path: '/app/admin/prompts' });
  fireEvent.change(await screen.findByLabelText('Task', {}, LOAD), { target: { value: promptId } });
  fireEvent.click(await screen.findByRole('button', { name: 'Preview version 1' }, LOAD));
  const input = screen.getByLabelText<HTMLTextAreaElement>('Preview input for version 1 (JSON)');
  return JSON.parse(input.value);
}

describe('PromptsPage preview examples', () => {
  it('name the admin’s current brand for a task that reads a brand', { timeout: 15_000 }, async () => {
    expect(await previewInputFor('chat')).toMatchObject({ brandId, message: expect.any(String) });
  });

  it('leave the brand out for a task that reads none', { timeout: 15_000 }, async () => {
    expect(await previewInputFor('buyer-intent')).not.toHaveProperty('brandId');
  });
});
