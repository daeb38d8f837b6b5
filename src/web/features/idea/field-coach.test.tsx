// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bodyOf, stubRoutes } from '../../test/fetch-stub.ts';
import { jsonResponse, renderWithProviders } from '../../test/render.tsx';
import { FieldCoach } from './field-coach.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const brand = {
  id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  name: 'Calm Co',
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
};
const meta = {
  provider: 'offline',
  model: 'offline',
  promptId: 'contextual-help',
  promptVersion: 1,
  cached: false,
  notice: null,
  citations: [],
};

// The first answer waits for the contracts chunk (zod) to load, which is slow on a busy machine.
const LOAD = { timeout: 5000 };

describe('FieldCoach', () => {
  it('asks about the brand being edited', { timeout: 15_000 }, async () => {
    const fetchMock = stubRoutes({
      'GET /api/brands': () => jsonResponse(200, { brands: [brand] }),
      'POST /api/ai/contextual-help': () =>
        jsonResponse(200, {
          task: 'contextual-help',
          output: { title: 'Start with the customer', answer: 'Name one person.', tips: [], actions: [] },
          meta,
        }),
      'POST /api/ai/insight-guidance': () =>
        jsonResponse(200, {
          task: 'insight-guidance',
          output: {
            focus: 'insight',
            headline: 'Go deeper',
            explanation: 'Why do they buy?',
            questions: [],
            actions: [],
          },
          meta: { ...meta, promptId: 'insight-guidance' },
        }),
    });
    renderWithProviders(
      <FieldCoach
        area="insight-module"
        fieldLabel="Buyer intent"
        fieldPrompt="What are they trying to get done?"
        currentText="Quiet mornings"
        guidance
      />,
    );

    const help = screen.getByRole('button', { name: 'Help with this field: Buyer intent' });
    await waitFor(() => expect(help.hasAttribute('disabled')).toBe(false), LOAD);
    fireEvent.click(help);
    await screen.findByText('Start with the customer', {}, LOAD);
    expect(bodyOf(fetchMock, 'POST /api/ai/contextual-help')).toMatchObject({
      brandId: brand.id,
      area: 'insight-module',
    });

    fireEvent.click(screen.getByRole('button', { name: 'Coach my answer: Buyer intent' }));
    await screen.findByText('Go deeper', {}, LOAD);
    expect(bodyOf(fetchMock, 'POST /api/ai/insight-guidance')).toEqual({
      brandId: brand.id,
      dimension: 'insight',
      notes: 'Buyer intent: Quiet mornings',
    });
  });

  it('offers no "Use this" for advice: tips and questions stay beside the field', {
    timeout: 15_000,
  }, async () => {
    stubRoutes({
      'GET /api/brands': () => jsonResponse(200, { brands: [brand] }),
      'POST /api/ai/contextual-help': () =>
        jsonResponse(200, {
          task: 'contextual-help',
          output: {
            title: 'Buyer motivation',
            answer: 'Why they buy.',
            tips: ['Quote a real customer.'],
            actions: [],
          },
          meta,
        }),
    });
    const onUse = vi.fn();
    renderWithProviders(
      <FieldCoach
        area="insight-module"
        fieldLabel="Buyer motivation"
        fieldPrompt="Why do they buy?"
        field="insight.buyerMotivation"
        currentText=""
        onUse={onUse}
      />,
    );
    const help = screen.getByRole('button', { name: 'Help with this field: Buyer motivation' });
    await waitFor(() => expect(help.hasAttribute('disabled')).toBe(false), LOAD);
    fireEvent.click(help);
    await screen.findByText('Quote a real customer.', {}, LOAD);
    expect(screen.queryByRole('button', { name: /Use this/ })).toBeNull();
  });

  it('offers "Use this" for a concrete suggested answer while the field is empty', {
    timeout: 15_000,
  }, async () => {
    const fetchMock = stubRoutes({
      'GET /api/brands': () => jsonResponse(200, { brands: [brand] }),
      'POST /api/ai/contextual-help': () =>
        jsonResponse(200, {
          task: 'contextual-help',
          output: {
            title: 'Buyer motivation',
            answer: 'Why they buy.',
            tips: ['Quote a real customer.'],
            actions: [],
            suggestion: 'Sam buys to get more time, and worries about wasting money.',
          },
          meta,
        }),
    });
    const onUse = vi.fn();
    renderWithProviders(
      <FieldCoach
        area="insight-module"
        fieldLabel="Buyer motivation"
        fieldPrompt="Why do they buy?"
        field="insight.buyerMotivation"
        currentText=""
        onUse={onUse}
      />,
    );
    const help = screen.getByRole('button', { name: 'Help with this field: Buyer motivation' });
    await waitFor(() => expect(help.hasAttribute('disabled')).toBe(false), LOAD);
    fireEvent.click(help);
    await screen.findByText('Suggested answer, from your saved work', {}, LOAD);
    expect(bodyOf(fetchMock, 'POST /api/ai/contextual-help')).toMatchObject({
      field: 'insight.buyerMotivation',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Use this suggested answer in Buyer motivation' }));
    expect(onUse).toHaveBeenCalledWith('Sam buys to get more time, and worries about wasting money.');
    expect(onUse).toHaveBeenCalledTimes(1);
  });

  it('only shows the suggestion, without "Use this", once the field has the owner’s text', {
    timeout: 15_000,
  }, async () => {
    stubRoutes({
      'GET /api/brands': () => jsonResponse(200, { brands: [brand] }),
      'POST /api/ai/contextual-help': () =>
        jsonResponse(200, {
          task: 'contextual-help',
          output: {
            title: 'Buyer motivation',
            answer: 'Why they buy.',
            tips: [],
            actions: [],
            suggestion: 'Sam buys to get more time.',
          },
          meta,
        }),
    });
    renderWithProviders(
      <FieldCoach
        area="insight-module"
        fieldLabel="Buyer motivation"
        fieldPrompt="Why do they buy?"
        field="insight.buyerMotivation"
        currentText="They want calm mornings."
        onUse={vi.fn()}
      />,
    );
    const help = screen.getByRole('button', { name: 'Help with this field: Buyer motivation' });
    await waitFor(() => expect(help.hasAttribute('disabled')).toBe(false), LOAD);
    fireEvent.click(help);
    await screen.findByText('Sam buys to get more time.', {}, LOAD);
    expect(screen.queryByRole('button', { name: /Use this/ })).toBeNull();
  });
});
