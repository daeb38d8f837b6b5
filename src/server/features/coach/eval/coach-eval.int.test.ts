/**
 * The coach eval suite with the offline coach, on each database: every brand set up through the
 * public API, every scenario asked through the real chat API (server-sent events) or the Value Lens,
 * every answer checked. The suite must pass at least EVAL_PASS_SCORE of its checks; the scored report
 * is printed either way, so a failing run says which scenarios and checks fell short and why.
 * `npm run eval:coach` runs the same suite (and against a provider when one is configured).
 */
import { expect, it } from 'vitest';
import { routeTable } from '../../../../web/app/routes.ts';
import { coachEvalTarget, EVAL_ENV } from '../../../testing/coach-eval-target.ts';
import { describeOnEachDatabase } from '../../../testing/harness.ts';
import { EVAL_PASS_SCORE, formatReport, runCoachEval } from './run-eval.ts';
import { EVAL_SCENARIOS } from './scenarios.ts';

describeOnEachDatabase(
  'coach eval suite (offline coach)',
  (getApp, kind) => {
    it(`passes at least ${EVAL_PASS_SCORE * 100} % of its checks`, async () => {
      const report = await runCoachEval(coachEvalTarget(getApp()), {
        routes: routeTable.map((route) => route.path),
      });
      // biome-ignore lint/suspicious/noConsole: the scored report is the test's output, read in CI logs.
      console.log(`\n[${kind}] ${formatReport(report, { details: true })}\n`);

      expect(report.scenarios.map((scenario) => scenario.id)).toEqual(
        EVAL_SCENARIOS.map((scenario) => scenario.id),
      );
      expect(report.providers).toEqual(['offline']);
      expect(report.costMicros).toBe(0);
      expect(report.score, `${report.passed}/${report.total} checks passed`).toBeGreaterThanOrEqual(
        EVAL_PASS_SCORE,
      );
    }, 240_000);
  },
  { env: { ...EVAL_ENV } },
);
