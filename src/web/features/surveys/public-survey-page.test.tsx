// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PublicSurvey } from '../../../core/surveys/contracts.ts';
import { bodyOf, jsonResponse, stubRoutes } from '../../test/fetch-stub.ts';
import { renderWithProviders } from '../../test/render.tsx';
import PublicSurveyPage from './public-survey-page.tsx';

vi.mock('../../kit/proof-of-work/load-altcha.ts', () => ({}));

const SLUG = 'abcdefghijklmnop';
const GET = `GET /api/public/surveys/${SLUG}`;
const POST = `POST /api/public/surveys/${SLUG}/responses`;

const survey: PublicSurvey = {
  slug: SLUG,
  brandName: 'Ember & Oak',
  title: 'How was your order?',
  intro: 'Two minutes.',
  questions: [
    {
      id: 'scent',
      type: 'single-choice',
      prompt: '<b>Which</b> scent?',
      help: '',
      required: true,
      options: ['Fig', 'Cedar'],
    },
    { id: 'recommend', type: 'nps', prompt: 'Would you recommend us?', help: '', required: false },
    { id: 'more', type: 'long-text', prompt: 'Anything else?', help: 'Be honest.', required: false },
  ],
  closesAt: null,
  closedMessage: null,
  answered: false,
};

function renderPage(slug = SLUG) {
  return renderWithProviders(
    <Routes>
      <Route path="/s/:slug" element={<PublicSurveyPage />} />
    </Routes>,
    { path: `/s/${slug}` },
  );
}

/** What the ALTCHA widget does once the browser solved the puzzle. */
async function solveCheck(payload = 'c29sdmVk') {
  const widget = await waitFor(() => {
    const element = document.querySelector('altcha-widget');
    if (!element) throw new Error('the check is not on the page yet');
    return element;
  });
  act(() => {
    widget.dispatchEvent(new CustomEvent('statechange', { detail: { state: 'verified', payload } }));
  });
}

beforeEach(() => {
  // The widget mounts at once instead of waiting to scroll into view.
  vi.stubGlobal('IntersectionObserver', undefined);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('PublicSurveyPage', () => {
  it('shows the survey as text, asks for required answers and the check before sending anything', async () => {
    const fetchMock = stubRoutes({ [GET]: () => jsonResponse(200, { survey }) });
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'How was your order?' })).toBeTruthy();
    expect(screen.getByText('A survey from Ember & Oak')).toBeTruthy();
    // The owner's words are text, never markup.
    expect(screen.getByText('<b>Which</b> scent?', { exact: false })).toBeTruthy();
    expect(document.querySelector('legend b')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Send my answers' }));
    expect(await screen.findByText('Some answers need another look')).toBeTruthy();
    expect(screen.getByText('Please tick the box to confirm you’re a person')).toBeTruthy();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });

  it('sends the answers with the solved check and thanks the respondent', async () => {
    const fetchMock = stubRoutes({
      [GET]: () => jsonResponse(200, { survey }),
      [POST]: () => jsonResponse(201, { ok: true, message: 'Thank you! Your answers were sent.' }),
    });
    renderPage();
    await screen.findByRole('heading', { level: 1, name: 'How was your order?' });
    fireEvent.click(screen.getByRole('radio', { name: 'Cedar' }));
    fireEvent.click(screen.getByRole('radio', { name: '10: Extremely likely' }));
    fireEvent.change(screen.getByLabelText(/Anything else\?/), { target: { value: '<script>hi</script>' } });
    await solveCheck();
    fireEvent.click(screen.getByRole('button', { name: 'Send my answers' }));
    expect(await screen.findByRole('heading', { name: 'Thank you!' })).toBeTruthy();
    expect(bodyOf(fetchMock, POST)).toEqual({
      answers: { scent: 'Cedar', recommend: 10, more: '<script>hi</script>' },
      altcha: 'c29sdmVk',
    });
  });

  it('shows the server’s field messages next to the questions', async () => {
    stubRoutes({
      [GET]: () => jsonResponse(200, { survey }),
      [POST]: () =>
        jsonResponse(400, {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'Some answers need another look.',
            requestId: 'r1',
            details: [{ path: 'body.answers.scent', message: 'Choose one of the options offered' }],
          },
        }),
    });
    renderPage();
    await screen.findByRole('heading', { level: 1, name: 'How was your order?' });
    fireEvent.click(screen.getByRole('radio', { name: 'Fig' }));
    await solveCheck();
    fireEvent.click(screen.getByRole('button', { name: 'Send my answers' }));
    expect((await screen.findAllByText('Choose one of the options offered')).length).toBeGreaterThan(0);
  });

  it('says when the survey is closed or was already answered here, without a form', async () => {
    stubRoutes({
      [GET]: () => jsonResponse(200, { survey: { ...survey, closedMessage: 'This survey is closed.' } }),
    });
    renderPage();
    expect(await screen.findByText('This survey is closed.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Send my answers' })).toBeNull();
    cleanup();

    stubRoutes({ [GET]: () => jsonResponse(200, { survey: { ...survey, answered: true } }) });
    renderPage();
    expect(await screen.findByText(/already answered this survey from this browser/)).toBeTruthy();
  });

  it('explains a link that does not exist, without asking the server about a malformed one', async () => {
    const fetchMock = stubRoutes({});
    renderPage('not-a-slug');
    expect(await screen.findByRole('heading', { level: 1, name: 'Survey not found' })).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
