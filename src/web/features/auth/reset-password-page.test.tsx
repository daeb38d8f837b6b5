// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, stubRoutes } from '../../test/fetch-stub.ts';
import { renderWithProviders } from '../../test/render.tsx';
import ResetPasswordPage from './reset-password-page.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const STATUS = 'GET /api/auth/reset-password/status?token=emailed-token-123';

function renderPage() {
  return renderWithProviders(<ResetPasswordPage />, { path: '/auth/reset-password?token=emailed-token-123' });
}

describe('ResetPasswordPage', () => {
  it.each([
    ['used', 'This reset link was already used'],
    ['expired', 'This reset link has expired'],
    ['revoked', 'This reset link was cancelled'],
    ['invalid', 'This reset link doesn’t work'],
  ])('explains a %s link instead of showing the form', async (status, heading) => {
    const fetchMock = stubRoutes({ [STATUS]: () => jsonResponse(200, { status }) });
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeTruthy();
    expect(screen.queryByLabelText('New password', { selector: 'input' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Request a new link' }).getAttribute('href')).toBe(
      '/auth/forgot-password',
    );
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('shows the form for a valid link, and explains the link if it dies before the form is sent', async () => {
    let status = 'valid';
    stubRoutes({
      [STATUS]: () => jsonResponse(200, { status }),
      'POST /api/auth/reset-password': () => {
        status = 'used';
        return jsonResponse(400, {
          error: { code: 'INVALID_TOKEN', message: 'This link was already used.', requestId: 'r1' },
        });
      },
    });
    renderPage();
    const password = await screen.findByLabelText('New password', { selector: 'input' });
    fireEvent.input(password, { target: { value: 'Granite-Otter-47' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save new password' }));
    await waitFor(() =>
      expect(
        screen.getByRole('heading', { level: 1, name: 'This reset link was already used' }),
      ).toBeTruthy(),
    );
  });

  it('calls a malformed token a link cut short, without a form', async () => {
    stubRoutes({
      'GET /api/auth/reset-password/status?token=bad+token': () =>
        jsonResponse(400, {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'Check the highlighted fields.',
            requestId: 'r2',
            details: [{ path: 'querystring.token', message: 'Malformed token' }],
          },
        }),
    });
    renderWithProviders(<ResetPasswordPage />, { path: '/auth/reset-password?token=bad%20token' });
    expect(await screen.findByText(/cut short when it was copied/)).toBeTruthy();
    expect(screen.queryByLabelText('New password', { selector: 'input' })).toBeNull();
  });
});
