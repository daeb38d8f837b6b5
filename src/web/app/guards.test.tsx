// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jane, jsonResponse, LocationProbe, renderWithProviders } from '../test/render.tsx';
import { GuestOnly, RequireAuth } from './guards.tsx';

function deferredFetch() {
  let resolve: (response: Response) => void = () => {};
  const fetchMock = vi.fn<typeof fetch>(
    () =>
      new Promise<Response>((settle) => {
        resolve = settle;
      }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, respond: (response: Response) => resolve(response) };
}

function AppUnderTest() {
  return (
    <Routes>
      <Route element={<RequireAuth />}>
        <Route path="/app/settings" element={<h1>Secret settings</h1>} />
      </Route>
      <Route element={<GuestOnly />}>
        <Route path="/auth/sign-in" element={<h1>Sign in</h1>} />
      </Route>
      <Route path="*" element={null} />
    </Routes>
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('RequireAuth', () => {
  it('shows only a loader until the session is known, then redirects visitors with next', async () => {
    const { respond } = deferredFetch();
    renderWithProviders(
      <>
        <AppUnderTest />
        <LocationProbe />
      </>,
      { path: '/app/settings?tab=profile' },
    );

    expect(screen.getByRole('status')).toHaveProperty('textContent', 'Checking your session…');
    expect(screen.queryByText('Secret settings')).toBeNull();

    respond(jsonResponse(200, { user: null }));

    // The first request also loads the contracts chunk, which takes a while on a busy machine.
    expect(await screen.findByRole('heading', { name: 'Sign in' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByText('Secret settings')).toBeNull();
    const location = screen.getByTestId('location').textContent ?? '';
    expect(new URL(location, 'http://x').searchParams.get('next')).toBe('/app/settings?tab=profile');
  });

  it('renders the page for a signed-in user', async () => {
    const { respond } = deferredFetch();
    renderWithProviders(<AppUnderTest />, { path: '/app/settings' });
    respond(jsonResponse(200, { user: jane }));
    expect(await screen.findByRole('heading', { name: 'Secret settings' })).toBeTruthy();
  });

  it('does not treat a failed session check as signed out', async () => {
    const { respond } = deferredFetch();
    renderWithProviders(
      <>
        <AppUnderTest />
        <LocationProbe />
      </>,
      { path: '/app/settings' },
    );
    respond(
      jsonResponse(401, { error: { code: 'UNAUTHENTICATED', message: 'Sign in first.', requestId: 'r1' } }),
    );
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      expect.stringContaining('We couldn’t check whether you’re signed in'),
    );
    expect(screen.getByTestId('location').textContent).toBe('/app/settings');
    expect(screen.queryByText('Secret settings')).toBeNull();
  });
});

describe('GuestOnly', () => {
  it('sends a signed-in user on to a safe next path', async () => {
    const { respond } = deferredFetch();
    renderWithProviders(
      <>
        <AppUnderTest />
        <LocationProbe />
      </>,
      { path: '/auth/sign-in?next=/app/settings' },
    );
    respond(jsonResponse(200, { user: jane }));
    expect(await screen.findByRole('heading', { name: 'Secret settings' })).toBeTruthy();
  });

  it('ignores an off-site next path', async () => {
    const { respond } = deferredFetch();
    renderWithProviders(
      <>
        <AppUnderTest />
        <LocationProbe />
      </>,
      { path: '/auth/sign-in?next=//evil.example/app' },
    );
    respond(jsonResponse(200, { user: jane }));
    await vi.waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/app'));
  });
});
