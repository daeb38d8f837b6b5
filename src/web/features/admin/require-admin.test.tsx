// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequireAdmin } from '../../app/guards.tsx';
import { jane, jsonResponse, LocationProbe, renderWithProviders } from '../../test/render.tsx';

function AppUnderTest() {
  return (
    <Routes>
      <Route element={<RequireAdmin />}>
        <Route path="/app/admin" element={<h1>Admin console</h1>} />
      </Route>
      <Route path="*" element={null} />
    </Routes>
  );
}

function answerSession(user: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn<typeof fetch>(async () => jsonResponse(200, { user })),
  );
  renderWithProviders(
    <>
      <AppUnderTest />
      <LocationProbe />
    </>,
    { path: '/app/admin' },
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('RequireAdmin', () => {
  it('shows admins the page', async () => {
    answerSession({ ...jane, role: 'admin' });
    expect(await screen.findByRole('heading', { name: 'Admin console' }, { timeout: 5000 })).toBeTruthy();
  });

  it('tells other signed-in users the page is for administrators, without showing it', async () => {
    answerSession(jane);
    expect(
      await screen.findByRole('heading', { name: 'For administrators only' }, { timeout: 5000 }),
    ).toBeTruthy();
    expect(screen.queryByText('Admin console')).toBeNull();
    expect(screen.getByRole('link', { name: 'Go to your dashboard' }).getAttribute('href')).toBe('/app');
  });

  it('sends visitors to sign in, coming back to the admin page', async () => {
    answerSession(null);
    await vi.waitFor(() => expect(screen.getByTestId('location').textContent).toMatch(/^\/auth\/sign-in/), {
      timeout: 5000,
    });
    const location = screen.getByTestId('location').textContent ?? '';
    expect(new URL(location, 'http://x').searchParams.get('next')).toBe('/app/admin');
    expect(screen.queryByText('Admin console')).toBeNull();
  });
});
