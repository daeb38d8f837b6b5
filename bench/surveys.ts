/**
 * `npm run bench:surveys`: 1,000 anonymous answers to one published survey at 100 connections, on
 * PGlite and PostgreSQL (issue 14's target: 0 errors and 0 lost answers).
 *
 * For each database: starts the app in this process, signs up an owner, creates a survey from the
 * post-purchase template and publishes it. It then fetches and solves one proof-of-work challenge
 * per answer beforehand (the respondent's cost, not the server's: the bench sets the difficulty low
 * so solving does not dominate), and sends the 1,000 answers from 100 concurrent "browsers", each
 * answer without a respondent cookie, as a new browser would. Every answer must be a 201; afterwards
 * the stored rows and the owner's results must both count 1,000. The per-IP limits are raised (every
 * answer comes from 127.0.0.1) and load shedding is off: the bench measures the answer path.
 *
 * Writes the "Survey answers" section of docs/benchmarks.md (when both databases ran) and exits 1 on
 * any error or lost answer.
 *
 *   npm run bench:surveys [-- --databases pglite,postgres --answers 1000 --connections 100]
 *
 * PostgreSQL: a scratch database on the server of BENCH_DATABASE_URL, else TEST_DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/postgres, dropped afterwards.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { PublicSurvey, SurveyAnswers, SurveyQuestion } from '../src/core/surveys/contracts.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { apiCaller, benchEnvironment, signUpOwner } from './bench-app.ts';
import { writeBenchmarkSection } from './benchmarks-doc.ts';
import { markdownTable } from './markdown-table.ts';

const { values } = parseArgs({
  options: {
    databases: { type: 'string', default: 'pglite,postgres' },
    answers: { type: 'string', default: '1000' },
    connections: { type: 'string', default: '100' },
  },
});
const ANSWERS = Math.max(1, Number(values.answers));
const CONNECTIONS = Math.max(1, Number(values.connections));
const kinds = values.databases.split(',').map((kind) => kind.trim()) as ('pglite' | 'postgres')[];

/** A valid answer to every question, varied by respondent so the results have something to count. */
function answersFor(questions: readonly SurveyQuestion[], index: number): SurveyAnswers {
  const answers: SurveyAnswers = {};
  for (const question of questions) {
    switch (question.type) {
      case 'single-choice':
        answers[question.id] = question.options[index % question.options.length] ?? '';
        break;
      case 'multiple-choice':
        answers[question.id] = question.options.filter((_, at) => (index + at) % 2 === 0).slice(0, 3);
        break;
      case 'scale':
        answers[question.id] = (index % 5) + 1;
        break;
      case 'nps':
        answers[question.id] = index % 11;
        break;
      default:
        answers[question.id] = `Answer ${index}: the delivery was quick, but the box arrived dented.`;
    }
  }
  return answers;
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

interface Result {
  kind: string;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: string[];
  accepted: number;
  stored: number;
  counted: number;
}

async function benchDatabase(kind: 'pglite' | 'postgres'): Promise<Result> {
  const { env, drop } = await benchEnvironment(kind, 'surveys', {
    SURVEY_RESPONSES_MAX_PER_IP: '1000000',
    SURVEY_RESPONSES_MAX_PER_IP_PER_SURVEY: '1000000',
    // Solving is the respondent's cost, done before the clock starts: keep it small.
    ALTCHA_COST: '1',
    ALTCHA_MAX_COUNTER: '20',
  });
  const app = await buildApp({ config: loadConfig(env) });
  try {
    const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    const call = apiCaller(baseUrl);
    const { cookie, brandId } = await signUpOwner(baseUrl, 'Survey Owner', 'bench.surveys');
    const { survey } = await call<{ survey: { id: string; slug: string } }>(
      'POST',
      `/api/brands/${brandId}/surveys`,
      cookie,
      { template: 'post-purchase' },
    );
    await call('POST', `/api/brands/${brandId}/surveys/${survey.id}/publish`, cookie, {});
    const publicPath = `/api/public/surveys/${survey.slug}`;
    const { survey: shown } = await call<{ survey: PublicSurvey }>('GET', publicPath);

    // The respondents' side, done before the clock starts: a solved challenge each.
    const payloads: string[] = [];
    for (let index = 0; index < ANSWERS; index += 1) {
      const challenge = await call<Parameters<typeof solveChallenge>[0]['challenge']>(
        'GET',
        `${publicPath}/challenge`,
      );
      const solution = await solveChallenge({ challenge, deriveKey });
      if (!solution) throw new Error('could not solve a challenge');
      payloads.push(Buffer.from(JSON.stringify({ challenge, solution })).toString('base64'));
    }

    const latencies: number[] = [];
    const errors: string[] = [];
    let accepted = 0;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        for (;;) {
          const index = next;
          next += 1;
          if (index >= ANSWERS) return;
          const sent = performance.now();
          try {
            const response = await fetch(`${baseUrl}${publicPath}/responses`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ answers: answersFor(shown.questions, index), altcha: payloads[index] }),
            });
            const text = await response.text();
            latencies.push(performance.now() - sent);
            if (response.status === 201) accepted += 1;
            else errors.push(`${response.status} ${text.slice(0, 200)}`);
          } catch (error) {
            errors.push(String(error));
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const [row] = await app.services.database.query<{ count: number }>(
      'select count(*)::int as count from survey_responses where survey_id = $1',
      [survey.id],
    );
    const results = await call<{ responses: number }>(
      'GET',
      `/api/brands/${brandId}/surveys/${survey.id}/results`,
      cookie,
    );
    latencies.sort((a, b) => a - b);
    return {
      kind: kind === 'pglite' ? 'PGlite' : 'PostgreSQL',
      seconds,
      perSecond: ANSWERS / seconds,
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      p99: percentile(latencies, 0.99),
      errors,
      accepted,
      stored: row?.count ?? 0,
      counted: results.responses,
    };
  } finally {
    await app.close();
    await drop();
  }
}

const results: Result[] = [];
for (const kind of kinds) results.push(await benchDatabase(kind));

const table = markdownTable(
  ['Database', 'Answers', 'Time', 'Answers/s', 'p50', 'p95', 'p99', 'Errors', 'Stored', 'In results'],
  results.map((result) => [
    result.kind,
    ANSWERS.toLocaleString('en'),
    `${result.seconds.toFixed(1)} s`,
    Math.round(result.perSecond),
    `${Math.round(result.p50)} ms`,
    `${Math.round(result.p95)} ms`,
    `${Math.round(result.p99)} ms`,
    result.errors.length,
    result.stored.toLocaleString('en'),
    result.counted.toLocaleString('en'),
  ]),
);
console.log(table);
for (const result of results)
  for (const error of result.errors.slice(0, 5)) console.error(`${result.kind}: ${error}`);

if (kinds.length === 2) {
  const title = '## Survey answers (`npm run bench:surveys`)';
  writeBenchmarkSection(
    title,
    `${title}

${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} cores (load ${os.loadavg()[0]?.toFixed(2)} at the end). Target (issue 14): ${ANSWERS.toLocaleString('en')} answers at ${CONNECTIONS} connections with 0 errors and 0 lost answers.

${table}

One published post-purchase survey; every answer from a new "browser" (no respondent cookie) with
its own solved proof of work, sent ${CONNECTIONS} at a time. "Stored" counts the rows, "In results"
the owner's results: both must equal the answers sent. The per-IP limits are raised and load
shedding is off for the run (every answer comes from 127.0.0.1), and the proof of work is made easy
because solving it is the respondent's cost, done before the clock starts. The app runs in the bench's
process, so the latencies include the client's share of the two cores.
`,
  );
}

const lost = results.some((result) => result.stored !== ANSWERS || result.counted !== ANSWERS);
if (results.some((result) => result.errors.length > 0) || lost) {
  console.error('Errors or lost answers: see above.');
  process.exit(1);
}
