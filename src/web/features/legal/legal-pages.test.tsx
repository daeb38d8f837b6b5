// @vitest-environment happy-dom
import { QueryClient } from '@tanstack/react-query';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LegalFacts } from '../../../core/legal/contracts.ts';
import { jsonResponse, stubRoutes } from '../../test/fetch-stub.ts';
import { renderWithProviders } from '../../test/render.tsx';
import ContactPage from './contact-page.tsx';
import PrivacyPage from './privacy-page.tsx';
import TermsPage from './terms-page.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const FACTS: LegalFacts = {
  operator: { name: null, contactEmail: null, postalAddress: null, governingLaw: null },
  retention: {
    softDeletedDays: 30,
    anonymousDiagnosticDays: 90,
    accountDeletionGraceDays: 21,
    outboxDays: 30,
    jobHistoryDays: 30,
    serverErrorDays: 30,
    sessionDays: 30,
    backups: { daily: 7, weekly: 4, monthly: 12 },
  },
  stored: [
    {
      table: 'users',
      group: 'account',
      what: 'Your account: name and email.',
      kept: 'Kept while you have one.',
    },
    {
      table: 'leads',
      group: 'visitors',
      what: 'Report email addresses.',
      kept: 'Not deleted automatically.',
    },
  ],
  processors: [],
  limits: { aiRequestsPerDay: 50, documentUploadsPerDay: 200, documentsMegabytesPerBrand: 100 },
};

const CONFIGURED: LegalFacts = {
  ...FACTS,
  operator: {
    name: 'Example Brands Ltd',
    contactEmail: 'help@example.com',
    postalAddress: '1 Example Street',
    governingLaw: 'the laws of Ireland',
  },
  processors: [
    {
      kind: 'ai',
      name: 'Example AI',
      purpose: 'Writes the coach’s answers with the model m.',
      receives: ['Coach chat: your message and the conversation so far.'],
    },
  ],
};

const serve = (facts: LegalFacts) => stubRoutes({ 'GET /api/legal': () => jsonResponse(200, facts) });

describe('the privacy page', () => {
  it('shows its heading at once, then what is stored by group with how long it is kept', async () => {
    serve(FACTS);
    renderWithProviders(<PrivacyPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Privacy' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('Loading this site’s details');
    const account = await screen.findByRole('region', { name: 'Your account' });
    expect(within(account).getByText('Your account: name and email.')).toBeTruthy();
    expect(within(account).getByText('users')).toBeTruthy();
    expect(
      screen.getByRole('region', { name: 'Diagnostics, report emails and survey answers' }),
    ).toBeTruthy();
    // No group without entries.
    expect(screen.queryByRole('region', { name: 'Your brand work' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Outside services' }).textContent).toContain('None.');
    expect(screen.getByRole('region', { name: 'Your choices' }).textContent).toContain(
      'purged 21 days later',
    );
  });

  it('lists the configured outside services and what each receives', async () => {
    serve(CONFIGURED);
    renderWithProviders(<PrivacyPage />);
    const ai = await screen.findByRole('region', { name: 'AI provider: Example AI' });
    expect(within(ai).getByRole('listitem').textContent).toBe(
      'Coach chat: your message and the conversation so far.',
    );
    expect(screen.getByRole('region', { name: 'Who is responsible' }).textContent).toContain(
      'Example Brands Ltd',
    );
  });

  it('says when the facts could not be loaded, and loads them on Try again', async () => {
    let answer = jsonResponse(503, {
      error: { code: 'UNAVAILABLE', message: 'The service is busy.', requestId: 'r1' },
    });
    stubRoutes({ 'GET /api/legal': () => answer });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    renderWithProviders(<PrivacyPage />, { queryClient });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('We couldn’t load this site’s details');
    answer = jsonResponse(200, FACTS);
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('region', { name: 'Your account' })).toBeTruthy();
  });
});

describe('the contact page', () => {
  it('says honestly that no contact details are published, and links to what a user can do alone', async () => {
    serve(FACTS);
    renderWithProviders(<ContactPage />);
    expect(await screen.findByText('No contact details are published yet')).toBeTruthy();
    expect(screen.queryByRole('link', { name: /@/ })).toBeNull();
    expect(screen.getByRole('link', { name: 'Settings' }).getAttribute('href')).toBe('/app/settings');
  });

  it('shows the operator’s address as configured', async () => {
    serve(CONFIGURED);
    renderWithProviders(<ContactPage />);
    const email = await screen.findByRole('link', { name: 'help@example.com' });
    expect(email.getAttribute('href')).toBe('mailto:help@example.com');
    expect(screen.getByRole('heading', { level: 2, name: 'Example Brands Ltd' })).toBeTruthy();
    expect(screen.getByText('1 Example Street')).toBeTruthy();
  });
});

describe('the terms page', () => {
  it('states the limits and, without a configured law, that none was stated', async () => {
    serve(FACTS);
    renderWithProviders(<TermsPage />);
    const limits = await screen.findByRole('region', { name: 'Limits' });
    expect(limits.textContent).toContain('50 AI requests a day.');
    expect(screen.getByRole('region', { name: 'Governing law' }).textContent).toBe(
      'Governing lawThe operator of this site has not stated which law governs these terms.',
    );
    expect(screen.getByRole('region', { name: 'What the service does' }).textContent).toContain(
      'built-in offline coach',
    );
  });

  it('names the operator, the law and the AI provider when configured', async () => {
    serve(CONFIGURED);
    renderWithProviders(<TermsPage />);
    expect((await screen.findByRole('region', { name: 'Governing law' })).textContent).toContain(
      'These terms are governed by the laws of Ireland.',
    );
    expect(screen.getByRole('region', { name: 'What the service does' }).textContent).toContain(
      'an AI model at Example AI',
    );
  });
});
