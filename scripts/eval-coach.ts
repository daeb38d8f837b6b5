/**
 * `npm run eval:coach`: the coach eval suite (src/server/features/coach/eval/) against a fresh app,
 * printed as a scored table — per scenario, per check, the total, the runtime and the AI cost.
 *
 * Offline by default. With a provider configured the way the server reads it (AI_BASE_URL, AI_MODEL,
 * AI_API_KEY, AI_PRICES…; see src/server/config.ts and .env.example), the same suite runs against the
 * provider and the cost comes from the app's spend ledger. `--judge` then also asks the provider to
 * grade every answer against a rubric (helpfulness, specificity to the brand, grounding); those
 * grades are reported, never asserted.
 *
 *   npm run eval:coach [-- --judge] [--database pglite|postgres] [--only id,id] [--details] [--json file]
 *
 * PostgreSQL: a scratch database is made on the server of TEST_DATABASE_URL and dropped afterwards.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createProviderJudge } from '../src/server/features/coach/eval/judge.ts';
import { formatReport, runCoachEval } from '../src/server/features/coach/eval/run-eval.ts';
import { EVAL_SCENARIOS } from '../src/server/features/coach/eval/scenarios.ts';
import { startCoachEvalApp } from '../src/server/testing/coach-eval-target.ts';
import { routeTable } from '../src/web/app/routes.ts';

const { values } = parseArgs({
  options: {
    judge: { type: 'boolean', default: false },
    database: { type: 'string', default: 'pglite' },
    only: { type: 'string' },
    details: { type: 'boolean', default: false },
    json: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const kind = values.database;
if (kind !== 'pglite' && kind !== 'postgres') fail('--database is pglite or postgres');
if (kind === 'postgres' && !process.env.TEST_DATABASE_URL)
  fail('--database postgres needs TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)');

const only = values.only
  ?.split(',')
  .map((id) => id.trim())
  .filter(Boolean);
const scenarios = only ? EVAL_SCENARIOS.filter((scenario) => only.includes(scenario.id)) : EVAL_SCENARIOS;
const unknown = only?.filter((id) => !EVAL_SCENARIOS.some((scenario) => scenario.id === id)) ?? [];
if (unknown.length > 0) fail(`No such scenario: ${unknown.join(', ')}`);

// The provider settings as the server reads them; everything else is the eval's own.
const aiEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    (entry): entry is [string, string] => entry[0].startsWith('AI_') && Boolean(entry[1]),
  ),
);
const { testApp, target } = await startCoachEvalApp(kind, aiEnv);
try {
  const provider = testApp.config.ai.provider;
  if (values.judge && !provider)
    fail('--judge needs a provider: set AI_BASE_URL, AI_MODEL (and AI_API_KEY).');
  console.log(
    `Running ${scenarios.length} scenarios on ${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'} with ${
      provider ? `${provider.model} at ${provider.baseUrl}` : 'the offline coach'
    }${values.judge ? ', judged by the same model' : ''}.`,
  );
  const report = await runCoachEval(target, {
    routes: routeTable.map((route) => route.path),
    scenarios,
    ...(values.judge ? { judge: createProviderJudge(testApp.config.ai) } : {}),
    ...(values.quiet ? {} : { log: (line: string) => console.log(`  ${line}`) }),
  });
  console.log(`\n${formatReport(report, { details: values.details })}`);
  if (values.json) {
    const file = path.resolve(values.json);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`Full report (answers, citations, every check's reason): ${file}`);
  }
} finally {
  await testApp.close();
}
