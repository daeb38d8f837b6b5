// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../test/render.tsx';
import SignUpPage from './sign-up-page.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function field(label: string) {
  return screen.getByLabelText(label, { selector: 'input' });
}

function fill(label: string, value: string) {
  fireEvent.input(field(label), { target: { value } });
}

describe('SignUpPage', () => {
  it('refuses a weak password without calling the server, and shows the rules', async () => {
    const fetchMock = vi.fn<typeof fetch>();
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<SignUpPage />, { path: '/auth/sign-up' });

    fill('Name', 'Jane');
    fill('Email', 'jane@example.com');
    fill('Password', 'password');
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    const password = field('Password');
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = password.getAttribute('aria-describedby')?.split(' ') ?? [];
    const error = describedBy.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    expect(error).toMatch(/Choose a stronger password/);
    const rules = within(screen.getByRole('list', { name: 'Password rules' })).getAllByRole('listitem');
    expect(rules.map((rule) => rule.textContent)).toContain(
      'At least 3 of: lowercase, uppercase, digit, symbol (not yet)',
    );
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows server field errors inline and the message in an alert', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () =>
      jsonResponse(409, {
        error: {
          code: 'EMAIL_TAKEN',
          message: 'An account with this email already exists.',
          requestId: 'req-9',
          details: [{ path: 'email', message: 'This email is already registered.' }],
        },
      }),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<SignUpPage />, { path: '/auth/sign-up' });

    fill('Name', 'Jane');
    fill('Email', 'Jane@Example.com ');
    fill('Password', 'Granite-Otter-47');
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('An account with this email already exists.');
    // An expected answer is not a fault: no support reference to quote.
    expect(alert.textContent).not.toContain('req-9');
    await waitFor(() => expect(field('Email').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('This email is already registered.')).toBeTruthy();
    const [, init] = fetchMock.mock.calls[0] ?? [];
    // The shared schema normalises the email before it is sent.
    expect(JSON.parse(String(init?.body))).toEqual({
      name: 'Jane',
      email: 'jane@example.com',
      password: 'Granite-Otter-47',
    });
  });
});
