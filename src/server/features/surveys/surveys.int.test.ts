/**
 * Surveys over HTTP: the owner builds a survey (blank or from a template), reorders and edits its
 * questions while it is a draft, publishes it and reads the results and CSV export; anyone answers
 * the public link without an account, once per browser, with a solved proof of work and within the
 * per-IP limits; a closed survey, one past its close date and one at its cap take no more answers;
 * hostile input is a 400 and stores nothing; other people's surveys are 404s.
 */
import { unzipSync } from 'fflate';
import { expect, it } from 'vitest';
import type {
  PublicSurvey,
  Survey,
  SurveyAnswers,
  SurveyQuestionInput,
  SurveyResults,
} from '../../../core/surveys/contracts.ts';
import { SURVEY_CLOSED_MESSAGES, SURVEY_LIMITS } from '../../../core/surveys/limits.ts';
import {
  defaultBrandId,
  describeOnEachDatabase,
  type ErrorBody,
  signUp,
  type TestApp,
  type TestClient,
} from '../../testing/harness.ts';
import { solvedProofOfWork } from '../../testing/proof-of-work.ts';
import { SURVEY_DIGEST_JOB, sendSurveyDigests } from './digest.ts';

const surveysPath = (brandId: string) => `/api/brands/${brandId}/surveys`;
const surveyPath = (survey: Pick<Survey, 'brandId' | 'id'>) => `${surveysPath(survey.brandId)}/${survey.id}`;
const publicPath = (slug: string) => `/api/public/surveys/${slug}`;

const QUESTIONS: SurveyQuestionInput[] = [
  {
    id: 'colour',
    type: 'single-choice',
    prompt: 'Favourite scent?',
    required: true,
    options: ['Fig', 'Cedar', 'Sea salt'],
  },
  {
    id: 'uses',
    type: 'multiple-choice',
    prompt: 'Where do you burn it?',
    options: ['Bedroom', 'Bath', 'Office'],
  },
  { id: 'quality', type: 'scale', prompt: 'How good is the burn?', lowLabel: 'Poor', highLabel: 'Great' },
  { id: 'recommend', type: 'nps', prompt: 'Would you recommend us?', required: true },
  { id: 'word', type: 'short-text', prompt: 'One word for us' },
  { id: 'story', type: 'long-text', prompt: 'Tell us more' },
];

const GOOD_ANSWERS: SurveyAnswers = {
  colour: 'Fig',
  uses: ['Bath', 'Bedroom'],
  quality: 4,
  recommend: 9,
  word: 'Cosy',
  story: 'Lovely scent, but the wick tunnels.',
};

async function owner(testApp: TestApp) {
  const client = testApp.client();
  const { user } = await signUp(client);
  return { client, user, brandId: await defaultBrandId(client) };
}

async function create(client: TestClient, brandId: string, body: object): Promise<Survey> {
  const response = await client.post<{ survey: Survey }>(surveysPath(brandId), body);
  expect(response.status, response.text).toBe(201);
  return response.body.survey;
}

async function published(client: TestClient, brandId: string, body: object = {}): Promise<Survey> {
  const draft = await create(client, brandId, { title: 'Candle check-in', questions: QUESTIONS, ...body });
  const response = await client.post<{ survey: Survey }>(`${surveyPath(draft)}/publish`);
  expect(response.status, response.text).toBe(200);
  return response.body.survey;
}

/** A solved proof of work for the survey, as the widget would send it. */
function solved(client: TestClient, slug: string): Promise<string> {
  return solvedProofOfWork(client, `${publicPath(slug)}/challenge`);
}

async function answer(client: TestClient, slug: string, answers: SurveyAnswers = GOOD_ANSWERS) {
  return client.post<{ ok: true } & ErrorBody>(`${publicPath(slug)}/responses`, {
    answers,
    altcha: await solved(client, slug),
  });
}

async function results(client: TestClient, survey: Survey): Promise<SurveyResults> {
  const response = await client.get<SurveyResults>(`${surveyPath(survey)}/results`);
  expect(response.status, response.text).toBe(200);
  return response.body;
}

async function storedResponses(testApp: TestApp, surveyId: string): Promise<number> {
  const [row] = await testApp.database.query<{ count: number }>(
    'select count(*)::int as count from survey_responses where survey_id = $1',
    [surveyId],
  );
  return row?.count ?? 0;
}

describeOnEachDatabase(
  'surveys',
  (getApp) => {
    it('builds a survey from a template or blank, edits and reorders its questions, and refuses stale saves', async () => {
      const { client, brandId } = await owner(getApp());
      const brand = await client.get<{ brands: { id: string; name: string }[] }>('/api/brands');
      const brandName = brand.body.brands[0]?.name ?? '';

      const fromTemplate = await create(client, brandId, { template: 'idea-customer-insight' });
      expect(fromTemplate).toMatchObject({ status: 'draft', version: 1, responseCount: 0, brandId });
      expect(fromTemplate.title).toContain(brandName);
      expect(fromTemplate.questions.map((question) => question.type)).toEqual(
        expect.arrayContaining([
          'single-choice',
          'multiple-choice',
          'scale',
          'nps',
          'short-text',
          'long-text',
        ]),
      );
      expect(fromTemplate.slug).toMatch(/^[a-z2-7]{16}$/);

      const noTitle = await client.post<ErrorBody>(surveysPath(brandId), {});
      expect(noTitle.status).toBe(400);
      expect(noTitle.body.error.details?.[0]?.path).toBe('body.title');

      const blank = await create(client, brandId, { title: '  My survey  ' });
      expect(blank).toMatchObject({ title: 'My survey', questions: [], intro: '' });

      const saved = await client.request<{ survey: Survey }>('PATCH', surveyPath(blank), {
        json: { baseVersion: 1, questions: QUESTIONS, intro: 'Two minutes, promise.' },
      });
      expect(saved.status, saved.text).toBe(200);
      expect(saved.body.survey.version).toBe(2);
      expect(saved.body.survey.questions.map((question) => question.id)).toEqual(QUESTIONS.map((q) => q.id));
      // Defaults filled in: help text and the required flag.
      expect(saved.body.survey.questions[1]).toMatchObject({ help: '', required: false });

      // Move the last question to the top and make it required: one save of the whole list.
      const reordered = [
        { ...(QUESTIONS[5] as SurveyQuestionInput), required: true },
        ...QUESTIONS.slice(0, 5),
      ];
      const moved = await client.request<{ survey: Survey }>('PATCH', surveyPath(blank), {
        json: { baseVersion: 2, questions: reordered },
      });
      expect(moved.status, moved.text).toBe(200);
      expect(moved.body.survey.questions.map((question) => question.id)).toEqual([
        'story',
        'colour',
        'uses',
        'quality',
        'recommend',
        'word',
      ]);
      expect(moved.body.survey.questions[0]?.required).toBe(true);

      const stale = await client.request<ErrorBody & { error: { current: Survey } }>(
        'PATCH',
        surveyPath(blank),
        {
          json: { baseVersion: 2, title: 'Too late' },
        },
      );
      expect(stale.status).toBe(409);
      expect(stale.body.error.current.version).toBe(3);

      const listed = await client.get<{ surveys: Survey[] }>(surveysPath(brandId));
      expect(listed.body.surveys.map((survey) => survey.id)).toEqual([blank.id, fromTemplate.id]);

      const deleted = await client.request('DELETE', surveyPath(fromTemplate));
      expect(deleted.status).toBe(204);
      expect((await client.get(surveyPath(fromTemplate))).status).toBe(404);
    });

    it('refuses hostile or oversized surveys with a 400 naming the field', async () => {
      const { client, brandId } = await owner(getApp());
      const question = (index: number): SurveyQuestionInput => ({
        id: `q${index}`,
        type: 'short-text',
        prompt: `Question ${index}`,
      });
      const cases: [object, string][] = [
        [
          {
            title: 'x',
            questions: Array.from({ length: SURVEY_LIMITS.questionsMax + 1 }, (_, i) => question(i)),
          },
          'body.questions',
        ],
        [
          {
            title: 'x',
            questions: [
              {
                id: 'a',
                type: 'single-choice',
                prompt: 'Pick',
                options: Array.from({ length: SURVEY_LIMITS.optionsMax + 1 }, (_, i) => `Option ${i}`),
              },
            ],
          },
          'body.questions.0.options',
        ],
        [
          {
            title: 'x',
            questions: [{ id: 'a', type: 'single-choice', prompt: 'Pick', options: ['Same', 'same'] }],
          },
          'body.questions.0.options',
        ],
        [{ title: 'x', questions: [question(1), question(1)] }, 'body.questions'],
        [{ title: 'x', questions: [{ id: 'a', type: 'rating', prompt: 'Stars?' }] }, 'body.questions.0.type'],
        [{ title: 'x', questions: [{ id: 'bad id!', type: 'nps', prompt: 'NPS' }] }, 'body.questions.0.id'],
        [
          { title: 'x', questions: [{ ...question(1), prompt: 'p'.repeat(SURVEY_LIMITS.promptMax + 1) }] },
          'body.questions.0.prompt',
        ],
        [{ title: 't'.repeat(SURVEY_LIMITS.titleMax + 1) }, 'body.title'],
        [{ title: 'x', responseCap: 0 }, 'body.responseCap'],
        [{ title: 'x', responseCap: SURVEY_LIMITS.responsesMax + 1 }, 'body.responseCap'],
        [{ title: 'x', closesAt: 'tomorrow' }, 'body.closesAt'],
        [{ title: 'x', closesAt: '2001-01-01T00:00:00Z' }, 'body.closesAt'],
        [{ title: 'x', template: 'quiz' }, 'body.template'],
        [{ title: 'x', ownerId: 'someone' }, ''],
      ];
      for (const [body, path] of cases) {
        const response = await client.post<ErrorBody>(surveysPath(brandId), body);
        expect(response.status, `${JSON.stringify(body).slice(0, 80)} → ${response.text}`).toBe(400);
        expect(response.body.error.code).toBe('VALIDATION_FAILED');
        if (path) expect(response.body.error.details?.map((detail) => detail.path)).toContain(path);
      }
      const listed = await client.get<{ surveys: Survey[] }>(surveysPath(brandId));
      expect(listed.body.surveys).toEqual([]);
    });

    it('publishes to a public link that shows no owner data, and locks the questions once published', async () => {
      const testApp = getApp();
      const { client, brandId } = await owner(testApp);
      const empty = await create(client, brandId, { title: 'Nothing yet' });
      const refused = await client.post<ErrorBody>(`${surveyPath(empty)}/publish`);
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toMatch(/at least one question/);

      const draft = await create(client, brandId, { title: 'Candle check-in', questions: QUESTIONS });
      const anonymous = testApp.client();
      expect((await anonymous.get(publicPath(draft.slug))).status).toBe(404);
      expect((await anonymous.get(`${publicPath(draft.slug)}/challenge`)).status).toBe(404);

      const publishing = await client.post<{ survey: Survey }>(`${surveyPath(draft)}/publish`);
      expect(publishing.body.survey).toMatchObject({ status: 'published' });
      expect(publishing.body.survey.publishedAt).not.toBeNull();

      const shown = await anonymous.get<{ survey: PublicSurvey }>(publicPath(draft.slug));
      expect(shown.status).toBe(200);
      expect(Object.keys(shown.body.survey).sort()).toEqual(
        ['answered', 'brandName', 'closedMessage', 'closesAt', 'intro', 'questions', 'slug', 'title'].sort(),
      );
      expect(shown.text).not.toContain(brandId);
      expect(shown.text).not.toContain(draft.id);
      expect(shown.body.survey).toMatchObject({
        title: 'Candle check-in',
        closedMessage: null,
        answered: false,
      });

      const version = publishing.body.survey.version;
      const changeQuestions = await client.request<ErrorBody>('PATCH', surveyPath(draft), {
        json: { baseVersion: version, questions: QUESTIONS.slice(1) },
      });
      expect(changeQuestions.status).toBe(409);
      expect(changeQuestions.body.error.message).toMatch(/Questions cannot change/);
      // The same questions sent back with a new title (the builder saves the whole form) are fine.
      const retitled = await client.request<{ survey: Survey }>('PATCH', surveyPath(draft), {
        json: {
          baseVersion: version,
          title: 'Candle check-in 2',
          questions: publishing.body.survey.questions,
        },
      });
      expect(retitled.status, retitled.text).toBe(200);
      expect(retitled.body.survey.title).toBe('Candle check-in 2');
    });

    it('takes one anonymous answer per browser, with a solved proof of work, and counts it in the results', async () => {
      const testApp = getApp();
      const { client, brandId } = await owner(testApp);
      const survey = await published(client, brandId);

      const browser = testApp.client();
      const first = await answer(browser, survey.slug);
      expect(first.status, first.text).toBe(201);
      expect(browser.cookies.get('ibc.respondent')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(first.headers.get('set-cookie')).toMatch(/HttpOnly/i);

      const again = await answer(browser, survey.slug, { ...GOOD_ANSWERS, colour: 'Cedar' });
      expect(again.status).toBe(409);
      expect(again.body.error.message).toMatch(/already answered/);
      expect(await storedResponses(testApp, survey.id)).toBe(1);
      const shown = await browser.get<{ survey: PublicSurvey }>(publicPath(survey.slug));
      expect(shown.body.survey.answered).toBe(true);

      const second = testApp.client();
      expect(
        (await answer(second, survey.slug, { colour: 'Cedar', recommend: 3, quality: 2, uses: ['Office'] }))
          .status,
      ).toBe(201);

      const summary = await results(client, survey);
      expect(summary.responses).toBe(2);
      expect(summary.survey.responseCount).toBe(2);
      const byId = Object.fromEntries(summary.questions.map((question) => [question.questionId, question]));
      expect(byId.colour).toMatchObject({
        answered: 2,
        counts: [
          { label: 'Fig', count: 1 },
          { label: 'Cedar', count: 1 },
          { label: 'Sea salt', count: 0 },
        ],
      });
      expect(byId.uses).toMatchObject({ answered: 2 });
      expect(byId.quality).toMatchObject({ answered: 2, average: 3 });
      expect(byId.recommend).toMatchObject({ promoters: 1, passives: 0, detractors: 1, score: 0 });
      expect(byId.word).toMatchObject({ answered: 1, answers: [{ text: 'Cosy' }] });
    });

    it('refuses invalid answers, a failed or replayed proof of work, and stores nothing', async () => {
      const testApp = getApp();
      const { client, brandId } = await owner(testApp);
      const survey = await published(client, brandId);
      const browser = testApp.client();

      const invalid: [SurveyAnswers, string][] = [
        [{ recommend: 9 }, 'body.answers.colour'],
        [{ ...GOOD_ANSWERS, colour: 'Lavender' }, 'body.answers.colour'],
        [{ ...GOOD_ANSWERS, uses: ['Bath', 'Garage'] }, 'body.answers.uses'],
        [{ ...GOOD_ANSWERS, quality: 6 }, 'body.answers.quality'],
        [{ ...GOOD_ANSWERS, quality: 2.5 }, 'body.answers.quality'],
        [{ ...GOOD_ANSWERS, recommend: 11 }, 'body.answers.recommend'],
        [{ ...GOOD_ANSWERS, recommend: '9' }, 'body.answers.recommend'],
        [{ ...GOOD_ANSWERS, word: 'w'.repeat(SURVEY_LIMITS.shortTextMax + 1) }, 'body.answers.word'],
        [{ ...GOOD_ANSWERS, extra: 'who?' }, 'body.answers.extra'],
      ];
      for (const [answers, path] of invalid) {
        const response = await browser.post<ErrorBody>(`${publicPath(survey.slug)}/responses`, {
          answers,
          altcha: 'bm90IGEgcGF5bG9hZA==',
        });
        expect(response.status, `${path}: ${response.text}`).toBe(400);
        expect(response.body.error.details?.map((detail) => detail.path)).toContain(path);
      }
      const wrongShape = await browser.post<ErrorBody>(`${publicPath(survey.slug)}/responses`, {
        answers: ['Fig'],
        altcha: 'x',
      });
      expect(wrongShape.status).toBe(400);

      const unsolved = await browser.post<ErrorBody>(`${publicPath(survey.slug)}/responses`, {
        answers: GOOD_ANSWERS,
        altcha: 'bm90IGEgcGF5bG9hZA==',
      });
      expect(unsolved.status).toBe(400);
      expect(unsolved.body.error.code).toBe('CAPTCHA_FAILED');

      const payload = await solved(browser, survey.slug);
      const used = await browser.post(`${publicPath(survey.slug)}/responses`, {
        answers: GOOD_ANSWERS,
        altcha: payload,
      });
      expect(used.status).toBe(201);
      const replay = testApp.client();
      const replayed = await replay.post<ErrorBody>(`${publicPath(survey.slug)}/responses`, {
        answers: GOOD_ANSWERS,
        altcha: payload,
      });
      expect(replayed.status).toBe(400);
      expect(replayed.body.error.code).toBe('CAPTCHA_FAILED');
      expect(await storedResponses(testApp, survey.id)).toBe(1);
    });

    it('keeps HTML in answers as text, and neutralises formulas in the CSV export', async () => {
      const testApp = getApp();
      const { client, brandId } = await owner(testApp);
      const survey = await published(client, brandId, { title: 'Crème & Co. feedback' });
      const html = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
      const hostile: SurveyAnswers[] = [
        { ...GOOD_ANSWERS, word: html, story: '=HYPERLINK("http://evil.example","click")' },
        { ...GOOD_ANSWERS, word: '+1+1', story: '-2+3' },
        { ...GOOD_ANSWERS, word: '@SUM(A1)', story: 'with "quotes"\nand a second line' },
      ];
      for (const answers of hostile)
        expect((await answer(testApp.client(), survey.slug, answers)).status).toBe(201);

      const summary = await results(client, survey);
      const words = summary.questions.find((question) => question.questionId === 'word');
      expect(words && 'answers' in words ? words.answers.map((entry) => entry.text) : []).toContain(html);

      const csv = await client.get(`${surveyPath(survey)}/responses.csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(csv.headers.get('content-disposition')).toMatch(
        /attachment; filename="creme-co-feedback-responses-\d{4}-\d{2}-\d{2}\.csv"/,
      );
      // Reading as text drops the byte order mark; the bytes show it is there for spreadsheets.
      expect(csv.text.startsWith('Submitted at (UTC),Favourite scent?,')).toBe(true);
      const raw = await fetch(new URL(`${surveyPath(survey)}/responses.csv`, client.baseUrl), {
        headers: { cookie: client.cookieHeader() },
      });
      expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = csv.text;
      expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
      expect(text).toContain(`'+1+1`);
      expect(text).toContain(`'-2+3`);
      expect(text).toContain(`'@SUM(A1)`);
      expect(text).toContain(`"with ""quotes""\nand a second line"`);
      // Ticked options are stored in the question's order, whatever order they were ticked in.
      expect(text).toContain('"Bedroom; Bath"');
      // No cell anywhere starts with a formula character.
      expect(text).not.toMatch(/(^|,)"?[=+\-@]/m);
      expect(text.trim().split('\r\n')).toHaveLength(1 + hostile.length);
    });

    it('takes no answers once closed, past its close date or at its cap, with a clear message', async () => {
      const testApp = getApp();
      const { client, brandId } = await owner(testApp);

      const toClose = await published(client, brandId);
      const closing = await client.post<{ survey: Survey }>(`${surveyPath(toClose)}/close`);
      expect(closing.body.survey).toMatchObject({ status: 'closed' });
      const browser = testApp.client();
      const shown = await browser.get<{ survey: PublicSurvey }>(publicPath(toClose.slug));
      expect(shown.body.survey.closedMessage).toBe(SURVEY_CLOSED_MESSAGES.closed);
      const late = await browser.post<ErrorBody>(`${publicPath(toClose.slug)}/responses`, {
        answers: GOOD_ANSWERS,
        altcha: 'bm90IGEgcGF5bG9hZA==',
      });
      expect(late.status).toBe(409);
      expect(late.body.error.message).toBe(SURVEY_CLOSED_MESSAGES.closed);
      expect((await browser.get(`${publicPath(toClose.slug)}/challenge`)).status).toBe(409);
      // Reopening is publishing again.
      expect((await client.post(`${surveyPath(toClose)}/publish`)).status).toBe(200);
      expect((await answer(browser, toClose.slug)).status).toBe(201);

      const dated = await published(client, brandId, {
        closesAt: new Date(Date.now() + 60_000).toISOString(),
      });
      const payload = await solved(browser, dated.slug);
      await testApp.database.query(
        `update surveys set closes_at = now() - interval '1 minute' where id = $1`,
        [dated.id],
      );
      const pastDate = await browser.post<ErrorBody>(`${publicPath(dated.slug)}/responses`, {
        answers: GOOD_ANSWERS,
        altcha: payload,
      });
      expect(pastDate.status).toBe(409);
      expect(pastDate.body.error.message).toBe(SURVEY_CLOSED_MESSAGES['past-close-date']);
      const republish = await client.post<ErrorBody>(`${surveyPath(dated)}/publish`);
      expect(republish.status).toBe(200);

      const capped = await published(client, brandId, { responseCap: 1 });
      expect((await answer(testApp.client(), capped.slug)).status).toBe(201);
      // Once the cap is reached even the proof of work is refused, so nobody solves it in vain.
      expect((await testApp.client().get(`${publicPath(capped.slug)}/challenge`)).status).toBe(409);
      const direct = await testApp.client().post<ErrorBody>(`${publicPath(capped.slug)}/responses`, {
        answers: GOOD_ANSWERS,
        altcha: 'bm90IGEgcGF5bG9hZA==',
      });
      expect(direct.status).toBe(409);
      expect(direct.body.error.message).toBe(SURVEY_CLOSED_MESSAGES['cap-reached']);
      expect(await storedResponses(testApp, capped.id)).toBe(1);
    });

    it('never passes the cap when answers arrive at once', async () => {
      const testApp = getApp();
      const { client, brandId } = await owner(testApp);
      const survey = await published(client, brandId, { responseCap: 2 });
      const browsers = Array.from({ length: 4 }, () => testApp.client());
      const payloads = await Promise.all(browsers.map((browser) => solved(browser, survey.slug)));
      const statuses = await Promise.all(
        browsers.map(async (browser, index) => {
          const response = await browser.post(`${publicPath(survey.slug)}/responses`, {
            answers: GOOD_ANSWERS,
            altcha: payloads[index],
          });
          return response.status;
        }),
      );
      expect(statuses.sort()).toEqual([201, 201, 409, 409]);
      expect(await storedResponses(testApp, survey.id)).toBe(2);
      expect((await results(client, survey)).survey.responseCount).toBe(2);
    });

    it('limits answers per IP and stores nothing past the limit', async () => {
      const testApp = getApp();
      const { client, brandId } = await owner(testApp);
      const survey = await published(client, brandId);
      const limit = testApp.config.surveys.responsesMaxPerIpPerSurveyPerDay;
      for (let index = 0; index < limit; index += 1) {
        expect((await answer(testApp.client(), survey.slug)).status).toBe(201);
      }
      const spam = await answer(testApp.client(), survey.slug);
      expect(spam.status).toBe(429);
      expect(spam.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await storedResponses(testApp, survey.id)).toBe(limit);
    });

    it('answers 404 for another user’s survey, a survey under another brand, and unknown or deleted links', async () => {
      const testApp = getApp();
      const alice = await owner(testApp);
      const bob = await owner(testApp);
      const survey = await published(alice.client, alice.brandId);
      const asBob = { brandId: bob.brandId, id: survey.id };
      for (const path of [
        surveyPath(survey),
        `${surveyPath(survey)}/results`,
        `${surveyPath(survey)}/responses.csv`,
      ]) {
        expect((await bob.client.get(path)).status, path).toBe(404);
      }
      expect((await bob.client.get(surveyPath(asBob))).status).toBe(404);
      expect((await bob.client.get(surveysPath(alice.brandId))).status).toBe(404);
      expect((await bob.client.post(`${surveyPath(survey)}/publish`)).status).toBe(404);
      expect((await bob.client.post(`${surveyPath(survey)}/close`)).status).toBe(404);
      expect(
        (await bob.client.request('PATCH', surveyPath(survey), { json: { baseVersion: 1, title: 'x' } }))
          .status,
      ).toBe(404);
      expect((await bob.client.request('DELETE', surveyPath(survey))).status).toBe(404);

      const other = await alice.client.post<{ brand: { id: string } }>('/api/brands', {
        name: 'Second brand',
      });
      expect(
        (await alice.client.get(surveyPath({ brandId: other.body.brand.id, id: survey.id }))).status,
      ).toBe(404);

      const anonymous = testApp.client();
      expect((await anonymous.get(surveyPath(survey))).status).toBe(401);
      expect((await anonymous.get(publicPath('abcdefghijklmnop'))).status).toBe(404);
      expect((await anonymous.get(publicPath('not-a-slug'))).status).toBe(400);
      expect((await alice.client.request('DELETE', surveyPath(survey))).status).toBe(204);
      expect((await anonymous.get(publicPath(survey.slug))).status).toBe(404);

      // An account pending deletion is unusable at once, its survey links included.
      const bobs = await published(bob.client, bob.brandId);
      expect((await anonymous.get(publicPath(bobs.slug))).status).toBe(200);
      await testApp.database.query(
        `insert into account_deletions (user_id, requested_at, purge_after) values ($1, now(), now() + interval '30 days')`,
        [bob.user.id],
      );
      expect((await anonymous.get(publicPath(bobs.slug))).status).toBe(404);
    });

    it('makes text answers brand knowledge the coach can find and cite, until the survey is deleted', async () => {
      const testApp = getApp();
      const { client, brandId } = await owner(testApp);
      const survey = await published(client, brandId);
      const answers = { ...GOOD_ANSWERS, story: 'The lavender tin rusted after a week in the bathroom.' };
      expect((await answer(testApp.client(), survey.slug, answers)).status).toBe(201);
      const search = async () =>
        (
          await client.get<{
            hits: { sourceType: string; label: string; href: string; snippet: { text: string }[] }[];
          }>(`/api/brands/${brandId}/knowledge/search?q=${encodeURIComponent('lavender tin rusted')}`)
        ).body.hits;
      const hits = await search();
      expect(hits).toHaveLength(1);
      expect(hits[0]).toMatchObject({
        sourceType: 'survey',
        label: 'Survey “Candle check-in” · Tell us more',
      });
      expect(hits[0]?.snippet.map((part) => part.text).join('')).toContain('lavender tin rusted');
      expect(hits[0]?.href).toBe(`/app/research/surveys/${survey.id}/results`);
      expect((await client.request('DELETE', surveyPath(survey))).status).toBe(204);
      expect(await search()).toEqual([]);
    });

    it('emails each owner a daily digest of new answers once, unless they turned it off in Settings', async () => {
      const testApp = getApp();
      expect(testApp.app.services.jobs.registered().map((job) => job.name)).toContain(SURVEY_DIGEST_JOB);
      const alice = await owner(testApp);
      const bob = await owner(testApp);
      for (const id of [alice.user.id, bob.user.id]) {
        await testApp.database.query('update users set email_verified = true where id = $1', [id]);
      }
      expect((await bob.client.get('/api/surveys/digest')).body).toEqual({ enabled: true });
      const off = await bob.client.request('PUT', '/api/surveys/digest', { json: { enabled: false } });
      expect(off.body).toEqual({ enabled: false });
      expect(
        (await bob.client.request('PUT', '/api/surveys/digest', { json: { enabled: 'no' } })).status,
      ).toBe(400);

      const first = await published(alice.client, alice.brandId, { title: 'Scent survey' });
      const second = await published(alice.client, alice.brandId, { title: 'Delivery survey' });
      const bobs = await published(bob.client, bob.brandId);
      for (const slug of [first.slug, first.slug, second.slug, bobs.slug]) {
        expect((await answer(testApp.client(), slug)).status).toBe(201);
      }
      const mailTo = async (email: string) =>
        testApp.database.query<{ subject: string; text_body: string }>(
          `select subject, text_body from outbox_emails where to_address = $1 and subject like '%survey answer%'`,
          [email],
        );
      const emailOf = async (userId: string) =>
        (
          await testApp.database.query<{ email: string }>('select email from users where id = $1', [userId])
        )[0]?.email ?? '';
      const deps = {
        database: testApp.database,
        mailer: testApp.app.services.mailer,
        config: testApp.config,
      };

      await sendSurveyDigests(deps, new Date());
      const aliceMail = await mailTo(await emailOf(alice.user.id));
      expect(aliceMail).toHaveLength(1);
      expect(aliceMail[0]?.subject).toBe('3 new survey answers since yesterday');
      expect(aliceMail[0]?.text_body).toContain('“Scent survey”');
      expect(aliceMail[0]?.text_body).toContain('2 new answers');
      expect(aliceMail[0]?.text_body).toContain('/app/research/surveys');
      expect(aliceMail[0]?.text_body).toContain('/app/settings');
      expect(await mailTo(await emailOf(bob.user.id))).toEqual([]);

      // Nothing new: no second email. Bob's answers were counted too, so turning it on sends no backlog.
      expect(
        (await bob.client.request('PUT', '/api/surveys/digest', { json: { enabled: true } })).body,
      ).toEqual({
        enabled: true,
      });
      await sendSurveyDigests(deps, new Date());
      expect(await mailTo(await emailOf(alice.user.id))).toHaveLength(1);
      expect(await mailTo(await emailOf(bob.user.id))).toEqual([]);
    });

    it('is in the account export with its answers', async () => {
      const testApp = getApp();
      const { client, brandId } = await owner(testApp);
      const survey = await published(client, brandId);
      expect((await answer(testApp.client(), survey.slug)).status).toBe(201);
      const response = await fetch(new URL('/api/account/export', client.baseUrl), {
        headers: { cookie: client.cookieHeader() },
      });
      expect(response.status).toBe(200);
      const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
      const read = (name: string) =>
        JSON.parse(new TextDecoder().decode(files[`data/${name}.json`])) as {
          rows: Record<string, unknown>[];
        };
      expect(read('surveys').rows.map((row) => row.id)).toEqual([survey.id]);
      expect(read('survey_responses').rows).toHaveLength(1);
      expect(read('survey_responses').rows[0]).toMatchObject({ survey_id: survey.id });
      const csvName = Object.keys(files).find((name) => name.startsWith('documents/survey-responses/'));
      expect(csvName).toBe(`documents/survey-responses/candle-check-in-${survey.slug}.csv`);
      const csv = new TextDecoder().decode(files[csvName ?? '']);
      expect(csv.split('\r\n')[0]).toBe(
        'Submitted at (UTC),Favourite scent?,Where do you burn it?,How good is the burn?,Would you recommend us?,One word for us,Tell us more',
      );
      expect(csv).toContain('Fig,"Bedroom; Bath",4,9,Cosy,"Lovely scent, but the wick tunnels."');
    });
  },
  {
    env: {
      ALTCHA_COST: '10',
      ALTCHA_MAX_COUNTER: '50',
      SURVEY_RESPONSES_MAX_PER_IP: '1000',
      SURVEY_RESPONSES_MAX_PER_IP_PER_SURVEY: '4',
    },
  },
);
