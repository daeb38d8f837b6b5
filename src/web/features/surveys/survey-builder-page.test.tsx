// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Survey } from '../../../core/surveys/contracts.ts';
import { bodyOf, jsonResponse, stubRoutes } from '../../test/fetch-stub.ts';
import { renderWithProviders } from '../../test/render.tsx';
import SurveyBuilderPage from './survey-builder-page.tsx';

const BRAND_ID = '0b6f4c2e-2f8a-4a4e-9c55-1f0b7d3a2c10';
const SURVEY_ID = '11111111-1111-4111-8111-111111111111';
const SURVEY_PATH = `/api/brands/${BRAND_ID}/surveys/${SURVEY_ID}`;
const LOAD = { timeout: 5000 };

const brand = {
  id: BRAND_ID,
  name: 'Ember & Oak',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const draft: Survey = {
  id: SURVEY_ID,
  brandId: BRAND_ID,
  title: 'Scent check',
  intro: '',
  questions: [
    { id: 'a', type: 'short-text', prompt: 'First question', help: '', required: false },
    { id: 'b', type: 'nps', prompt: 'Second question', help: '', required: false },
  ],
  status: 'draft',
  slug: 'abcdefghijklmnop',
  closesAt: null,
  responseCap: null,
  responseCount: 0,
  version: 1,
  publishedAt: null,
  closedAt: null,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
};

function fakeApi() {
  let stored = draft;
  return stubRoutes({
    'GET /api/brands': () => jsonResponse(200, { brands: [brand] }),
    [`GET ${SURVEY_PATH}`]: () => jsonResponse(200, { survey: stored }),
    [`PATCH ${SURVEY_PATH}`]: (init) => {
      const body = JSON.parse(String(init?.body)) as Partial<Survey>;
      stored = { ...stored, ...body, version: stored.version + 1 } as Survey;
      return jsonResponse(200, { survey: stored });
    },
    [`POST ${SURVEY_PATH}/publish`]: () => {
      stored = {
        ...stored,
        status: 'published',
        version: stored.version + 1,
        publishedAt: '2026-12-02T10:00:00.000Z',
      };
      return jsonResponse(200, { survey: stored });
    },
  });
}

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/app/research/surveys/:surveyId" element={<SurveyBuilderPage />} />
    </Routes>,
    { path: `/app/research/surveys/${SURVEY_ID}` },
  );
}

beforeEach(() => window.localStorage.clear());

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('SurveyBuilderPage', () => {
  it('reorders, adds and removes questions, saves the whole list in its order, then publishes', async () => {
    const fetchMock = fakeApi();
    renderPage();
    const second = await screen.findByRole('group', { name: 'Question 2' }, LOAD);
    expect((within(second).getByLabelText('Question') as HTMLInputElement).value).toBe('Second question');

    fireEvent.click(within(second).getByRole('button', { name: 'Move up question 2' }));
    const first = screen.getByRole('group', { name: 'Question 1' });
    expect((within(first).getByLabelText('Question') as HTMLInputElement).value).toBe('Second question');
    fireEvent.click(within(first).getByRole('checkbox', { name: 'Required' }));

    fireEvent.change(screen.getByLabelText('New question type'), { target: { value: 'multiple-choice' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add question' }));
    const third = screen.getByRole('group', { name: 'Question 3' });
    fireEvent.change(within(third).getByLabelText('Question'), {
      target: { value: 'Where do you burn it?' },
    });
    expect(within(third).getByRole('group', { name: /Options \(2 of 12\)/ })).toBeTruthy();
    fireEvent.click(within(third).getByRole('button', { name: 'Add an option to question 3' }));

    fireEvent.click(
      within(screen.getByRole('group', { name: 'Question 2' })).getByRole('button', {
        name: 'Remove question 2',
      }),
    );
    expect(screen.queryByRole('group', { name: 'Question 3' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    const saved = bodyOf(fetchMock, `PATCH ${SURVEY_PATH}`) as {
      baseVersion: number;
      questions: Survey['questions'];
    };
    expect(saved.baseVersion).toBe(1);
    expect(saved.questions.map((question) => question.prompt)).toEqual([
      'Second question',
      'Where do you burn it?',
    ]);
    expect(saved.questions[0]).toMatchObject({ id: 'b', type: 'nps', required: true });
    expect(saved.questions[1]).toMatchObject({
      type: 'multiple-choice',
      options: ['Option 1', 'Option 2', 'Option 3'],
    });

    fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    expect(await screen.findByLabelText('Public link')).toBeTruthy();
    expect((screen.getByLabelText('Public link') as HTMLInputElement).value).toMatch(
      /\/s\/abcdefghijklmnop$/,
    );
    expect(screen.getByText('Taking answers')).toBeTruthy();
    // Published questions are shown, no longer edited.
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Question 1' })).toBeNull());
    expect(screen.getByText(/People have been answering these questions/)).toBeTruthy();
  });
});
