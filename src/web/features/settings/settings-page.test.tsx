// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionResponse } from '../../../core/auth/contracts.ts';
import type { ActiveSession } from '../../../core/settings/contracts.ts';
import { createQueryClient } from '../../app/query-client.ts';
import { sessionQueryKey } from '../../lib/session.ts';
import { bodyOf, type RouteHandler, stubRoutes } from '../../test/fetch-stub.ts';
import { jane, jsonResponse, renderWithProviders } from '../../test/render.tsx';
import SettingsPage from './settings-page.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const thisDevice: ActiveSession = {
  id: '11111111-1111-4111-8111-111111111111',
  current: true,
  device: 'Chrome on macOS',
  deviceKind: 'desktop',
  network: '203.0.113.x',
  signedInAt: '2026-11-20T09:00:00.000Z',
  lastActiveAt: '2026-11-26T09:00:00.000Z',
  expiresAt: '2026-12-20T09:00:00.000Z',
};
const phone: ActiveSession = {
  ...thisDevice,
  id: '22222222-2222-4222-8222-222222222222',
  current: false,
  device: 'Safari on iOS',
  deviceKind: 'mobile',
  network: '198.51.100.x',
};

// The first answer waits for the contracts chunk (zod) to load, which is slow on a busy machine.
const LOAD = { timeout: 5000 };

function stubApi(overrides: Record<string, RouteHandler> = {}) {
  let sessions = [thisDevice, phone];
  const routes: Record<string, RouteHandler> = {
    'GET /api/settings/sessions': () => jsonResponse(200, { sessions }),
    'GET /api/surveys/digest': () => jsonResponse(200, { enabled: true }),
    'GET /api/ai/usage': () =>
      jsonResponse(200, { used: 3, limit: 20, remaining: 17, resetsAt: '2026-11-27T00:00:00.000Z' }),
    [`DELETE /api/settings/sessions/${phone.id}`]: () => {
      sessions = [thisDevice];
      return jsonResponse(200, { revoked: 1, signedOut: false });
    },
    ...overrides,
  };
  return stubRoutes(routes);
}

function renderPage() {
  // Signed in already, as the guard around the page guarantees.
  const queryClient = createQueryClient();
  queryClient.setQueryData<SessionResponse>(sessionQueryKey, { user: jane });
  return renderWithProviders(<SettingsPage />, { path: '/app/settings', queryClient });
}

describe('SettingsPage', () => {
  it('lists the devices with this one marked and not revocable, and today’s AI allowance', async () => {
    stubApi();
    renderPage();

    const devices = await screen.findByRole('list', { name: 'Signed-in devices' }, LOAD);
    const items = await within(devices).findAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toContain('This device');
    expect(within(items[0] as HTMLElement).queryByRole('button')).toBeNull();
    expect(items[1]?.textContent).toContain('198.51.100.x');
    expect(within(items[1] as HTMLElement).getByRole('button').textContent).toMatch(
      /^Sign out Safari on iOS/,
    );

    const usage = await screen.findByText(/AI requests left today/, {}, LOAD);
    expect(usage.parentElement?.textContent).toContain('17 of 20 AI requests left today (3 used)');
    expect(screen.getByText('Not verified')).toBeTruthy();
  });

  it('signs another device out and refreshes the list', async () => {
    const fetchMock = stubApi();
    renderPage();

    const devices = await screen.findByRole('list', { name: 'Signed-in devices' }, LOAD);
    const [, phoneItem] = await within(devices).findAllByRole('listitem');
    fireEvent.click(within(phoneItem as HTMLElement).getByRole('button'));

    expect(await screen.findByText('Signed out Safari on iOS.')).toBeTruthy();
    await waitFor(() => expect(within(devices).getAllByRole('listitem')).toHaveLength(1));
    expect(screen.getByText('You’re signed in on this device only.')).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledWith(`/api/settings/sessions/${phone.id}`, expect.anything());
  });

  it('saves the name and updates the signed-in user everywhere', async () => {
    const fetchMock = stubApi({
      'PATCH /api/settings/profile': () => jsonResponse(200, { user: { ...jane, name: 'Jane Doe' } }),
    });
    const { queryClient } = renderPage();

    const name = screen.getByLabelText('Name', { selector: 'input' });
    fireEvent.input(name, { target: { value: '  Jane Doe ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }));

    expect(await screen.findByText('Your name has been saved.')).toBeTruthy();
    expect(bodyOf(fetchMock, 'PATCH /api/settings/profile')).toEqual({ name: 'Jane Doe' });
    expect(queryClient.getQueryData<SessionResponse>(sessionQueryKey)?.user?.name).toBe('Jane Doe');
  });

  it('puts a wrong current password on its field and keeps what was typed', async () => {
    const fetchMock = stubApi({
      'POST /api/settings/password': () =>
        jsonResponse(403, {
          error: {
            code: 'INVALID_CREDENTIALS',
            message: 'Your current password is incorrect.',
            requestId: 'req-7',
            details: [{ path: 'currentPassword', message: 'Your current password is incorrect.' }],
          },
        }),
    });
    renderPage();

    const region = screen.getByRole('region', { name: 'Password' });
    const current = within(region).getByLabelText('Current password', { selector: 'input' });
    fireEvent.input(current, { target: { value: 'Not-The-Password-1' } });
    fireEvent.input(within(region).getByLabelText('New password', { selector: 'input' }), {
      target: { value: 'Lantern-Mosaic-83' },
    });
    fireEvent.click(within(region).getByLabelText(/Sign out of all other devices/));
    fireEvent.click(within(region).getByRole('button', { name: 'Change password' }));

    await waitFor(() => expect(current.getAttribute('aria-invalid')).toBe('true'));
    // A wrong password is not a fault: no support reference to quote.
    expect(within(region).getByRole('alert').textContent).not.toContain('req-7');
    expect((current as HTMLInputElement).value).toBe('Not-The-Password-1');
    expect(bodyOf(fetchMock, 'POST /api/settings/password')).toEqual({
      currentPassword: 'Not-The-Password-1',
      newPassword: 'Lantern-Mosaic-83',
      signOutOtherDevices: true,
    });
  });

  it('turns the daily email about survey answers off', async () => {
    const fetchMock = stubApi({
      'PUT /api/surveys/digest': () => jsonResponse(200, { enabled: false }),
    });
    renderPage();
    const region = screen.getByRole('region', { name: 'Email about survey answers' });
    const box = within(region).getByRole('checkbox', {
      name: 'Email me a daily summary of new survey answers',
    });
    await waitFor(() => expect((box as HTMLInputElement).checked).toBe(true), LOAD);
    fireEvent.click(box);
    expect(await within(region).findByText('The daily summary is off.')).toBeTruthy();
    expect((box as HTMLInputElement).checked).toBe(false);
    expect(bodyOf(fetchMock, 'PUT /api/surveys/digest')).toEqual({ enabled: false });
  });
});
