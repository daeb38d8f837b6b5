// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AdminUserDetail, AdminUserSummary } from '../../../core/admin/user-contracts.ts';
import { bodyOf, stubRoutes } from '../../test/fetch-stub.ts';
import { jsonResponse, renderWithProviders } from '../../test/render.tsx';
import UserPage from './user-page.tsx';

const USER_ID = '5b0e2c3a-1f43-4a4e-9a55-0c1f3c1b2d10';
const ADMIN_ID = '7c9d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f';

const summary: AdminUserSummary = {
  id: USER_ID,
  name: 'Dana Doe',
  email: 'dana@example.com',
  role: 'user',
  emailVerified: false,
  createdAt: '2026-11-01T10:00:00.000Z',
  lastActiveAt: '2026-12-01T10:00:00.000Z',
  pendingDeletionPurgeAfter: null,
  signInDisabled: false,
};

function detailOf(user: AdminUserSummary): AdminUserDetail {
  return {
    user,
    beta: { membership: null, journey: [] },
    brands: [
      {
        id: 'b1',
        name: 'Dana’s Bakery',
        isDefault: true,
        items: 3,
        createdAt: '2026-11-01T10:00:00.000Z',
        deletedAt: null,
      },
    ],
    usage: { days: 30, calls: 4, costMicros: 12_000, monthSpentMicros: 8_000 },
    sessions: [],
  };
}

function renderPage(sessionUserId: string) {
  let current = summary;
  const fetchMock = stubRoutes({
    [`GET /api/admin/users/${USER_ID}`]: () => jsonResponse(200, detailOf(current)),
    'GET /api/session': () =>
      jsonResponse(200, {
        user: {
          id: sessionUserId,
          name: 'Ada',
          email: 'ada@example.com',
          emailVerified: true,
          role: 'admin',
        },
      }),
    [`GET /api/admin/audit-log?targetType=user&targetId=${USER_ID}`]: () =>
      jsonResponse(200, { entries: [], nextCursor: null }),
    [`POST /api/admin/users/${USER_ID}/sign-in`]: () => {
      current = { ...summary, signInDisabled: true };
      return jsonResponse(200, { user: current });
    },
  });
  renderWithProviders(
    <Routes>
      <Route path="/app/admin/users/:userId" element={<UserPage />} />
    </Routes>,
    { path: `/app/admin/users/${USER_ID}` },
  );
  return fetchMock;
}

describe('an admin’s page for one user', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows the account, its brands and usage, and disables sign-in after confirming', async () => {
    const fetchMock = renderPage(ADMIN_ID);
    expect(await screen.findByRole('heading', { level: 1, name: 'Dana Doe' })).toBeTruthy();
    expect(screen.getByText('Dana’s Bakery')).toBeTruthy();
    expect(screen.getByText('Not in the beta programme.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Resend verification email' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Disable sign-in' }));
    const dialog = await screen.findByRole('dialog', { name: 'Disable sign-in for this account?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Disable sign-in' }));
    expect(await screen.findByText('Sign-in is disabled and every session has ended.')).toBeTruthy();
    expect(bodyOf(fetchMock, `POST /api/admin/users/${USER_ID}/sign-in`)).toEqual({ enabled: false });
    expect(await screen.findByRole('button', { name: 'Enable sign-in' })).toBeTruthy();
  });

  it('never offers an admin to disable their own sign-in', async () => {
    renderPage(USER_ID);
    expect(await screen.findByRole('heading', { level: 1, name: 'Dana Doe' })).toBeTruthy();
    expect(await screen.findByText(/This is your own account/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Disable sign-in' })).toBeNull();
  });
});
