// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, stubRoutes } from '../../test/fetch-stub.ts';
import { renderWithProviders } from '../../test/render.tsx';
import UnsubscribePage from './unsubscribe-page.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const TOKEN = `3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e.${'a'.repeat(43)}`;
const POST = `POST /api/email/unsubscribe?token=${encodeURIComponent(TOKEN)}`;

function renderPage(token = TOKEN) {
  return renderWithProviders(<UnsubscribePage />, {
    path: `/email/unsubscribe?token=${encodeURIComponent(token)}`,
  });
}

describe('UnsubscribePage', () => {
  it('changes nothing on opening; the button unsubscribes and says so', async () => {
    const fetchMock = stubRoutes({
      [POST]: () => jsonResponse(200, { purpose: 'product-tips', alreadyUnsubscribed: false }),
    });
    renderPage();
    expect(
      screen.getByRole('heading', { level: 1, name: 'Unsubscribe from brand-strategy tips' }),
    ).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Unsubscribe' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'You’re unsubscribed' })).toBeTruthy();
    expect(screen.getByText('We won’t send you any more brand-strategy tips.')).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('says when the address was already unsubscribed', async () => {
    stubRoutes({ [POST]: () => jsonResponse(200, { purpose: 'product-tips', alreadyUnsubscribed: true }) });
    renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Unsubscribe' }));
    expect(
      await screen.findByText('This address was already unsubscribed from brand-strategy tips.'),
    ).toBeTruthy();
  });

  it('explains a link the server refuses, and one cut short without asking the server', async () => {
    stubRoutes({
      [POST]: () =>
        jsonResponse(400, {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'This unsubscribe link is not valid.',
            requestId: 'r1',
          },
        }),
    });
    renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Unsubscribe' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This unsubscribe link doesn’t work' }),
    ).toBeTruthy();
    cleanup();

    const fetchMock = stubRoutes({});
    renderPage(TOKEN.slice(0, 40));
    expect(
      screen.getByRole('heading', { level: 1, name: 'This unsubscribe link doesn’t work' }),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Unsubscribe' })).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
