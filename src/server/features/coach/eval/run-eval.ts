/**
 * The coach eval's runner: sets up every brand of the suite through the public API, as owners would
 * (sign up, name the brand, take the diagnostic, fill the canvas and worksheets, create avatars and
 * paste reviews that the coach analyses, upload documents and let the job queue process them), asks
 * each scenario's question through the real chat API (server-sent events) or the Value Lens, runs the
 * checks on every answer and returns a scored report: per scenario, per check and in total, with the
 * runtime and the AI spend the ledger recorded.
 *
 * It drives an app it is given (`EvalTarget`): the integration test and `npm run eval:coach` build
 * one with the test harness (src/server/testing/coach-eval-target.ts). Features may not import test
 * support, and the server may not import the web app, so the target and the web app's route list
 * come in as arguments.
 */
import type { ChatSession } from '../../../../core/ai/chat-contracts.ts';
import type { AiTaskResponse } from '../../../../core/ai/contracts.ts';
import type { KnowledgeDocument } from '../../../../core/knowledge/contracts.ts';
import type { ValueLensGeneration } from '../../../../core/value-lens/contracts.ts';
import { avatarDataSchema } from '../../../../core/workspace/avatar.ts';
import type { ReviewImport } from '../../../../core/workspace/avatar-contracts.ts';
import { avatarVoiceRequest } from '../../../../core/workspace/avatar-summary.ts';
import type { Brand, WorkspaceItem } from '../../../../core/workspace/items.ts';
import {
  brandTexts,
  CHECK_NAMES,
  type CheckName,
  type CheckResult,
  type CitedPassage,
  distinctCheck,
  type EvalAnswer,
  runChecks,
} from './checks.ts';
import type { EvalJudge, JudgeScore } from './judge.ts';
import {
  EVAL_BRANDS,
  EVAL_SCENARIOS,
  type EvalBrand,
  type EvalDocument,
  type EvalScenario,
} from './scenarios.ts';

export interface EvalResponse<T> {
  status: number;
  body: T;
  text: string;
}

/** A browser on the app: an HTTP client with its own cookie jar. */
export interface EvalClient {
  request<T = unknown>(method: string, path: string, options?: { json?: unknown }): Promise<EvalResponse<T>>;
}

export interface EvalEvent {
  event: string;
  data: Record<string, unknown>;
}

/** The app the eval runs against, and the few things only its builder can do. */
export interface EvalTarget<C extends EvalClient = EvalClient> {
  newClient(): C;
  /** Posts a chat message and reads the answer's server-sent events to the end. */
  chatTurn(client: C, sessionId: string, content: string): Promise<{ status: number; events: EvalEvent[] }>;
  /** Uploads a document as the upload page does (one file, multipart). */
  uploadDocument(
    client: C,
    brandId: string,
    document: EvalDocument,
  ): Promise<EvalResponse<{ document: KnowledgeDocument }>>;
  /** Runs the job queue's pending jobs (document processing) as the scheduler would. */
  runJobs(): Promise<void>;
  /** A passage of the brand knowledge index, by id; null when there is none. */
  passage(id: string): Promise<CitedPassage | null>;
  /** The body of every published system prompt. */
  systemPrompts(): Promise<string[]>;
  /** What the AI ledger has recorded as spent so far, in micro-dollars. */
  spentMicros(): Promise<number>;
}

export interface EvalOptions {
  /** The web app's route patterns (src/web/app/routes.ts): the pages that exist. */
  routes: readonly string[];
  /** Default: every scenario. Only the brands they use are set up. */
  scenarios?: readonly EvalScenario[];
  judge?: EvalJudge;
  /** Progress lines, as the run goes. */
  log?: (line: string) => void;
}

export interface ScenarioResult {
  id: string;
  title: string;
  brand: string;
  question: string;
  answer: string;
  variants?: string[];
  citations: EvalAnswer['citations'];
  provider: EvalAnswer['provider'];
  error?: string;
  checks: CheckResult[];
  judge?: JudgeScore;
  elapsedMs: number;
}

export interface CheckTally {
  check: CheckName;
  passed: number;
  failed: number;
}

export interface EvalReport {
  scenarios: ScenarioResult[];
  checks: CheckTally[];
  passed: number;
  total: number;
  /** Share of all checks passed, 0–1. */
  score: number;
  /** Which providers answered (the offline coach, or the configured provider). */
  providers: string[];
  /** What the coach's calls cost, from the spend ledger. */
  costMicros: number;
  judge?: {
    model: string;
    costMicros: number;
    averages: Record<'helpfulness' | 'specificity' | 'grounding', number>;
  };
  /** What did not go as an owner would expect while setting up (e.g. a provider failing an analysis). */
  setupNotes: string[];
  setupMs: number;
  totalMs: number;
}

/** The share of checks the offline coach must pass (the integration test asserts it). */
export const EVAL_PASS_SCORE = 0.9;

const PASSWORD = 'Granite-Otter-47';
let owners = 0;

class SetupError extends Error {
  constructor(step: string, response: EvalResponse<unknown>) {
    super(`${step}: HTTP ${response.status} ${response.text.slice(0, 300)}`);
    this.name = 'SetupError';
  }
}

function expectStatus<T>(step: string, response: EvalResponse<T>, status: number): T {
  if (response.status !== status) throw new SetupError(step, response);
  return response.body;
}

interface BrandSetup {
  brand: EvalBrand;
  brandId: string;
  client: EvalClient;
  avatarIds: Map<string, string>;
}

/** Polls the document's status, running the job queue each round, until it is processed. */
async function waitUntilProcessed<C extends EvalClient>(
  target: EvalTarget<C>,
  client: C,
  document: KnowledgeDocument,
): Promise<void> {
  const deadline = performance.now() + 30_000;
  for (;;) {
    await target.runJobs();
    const current = expectStatus(
      `read ${document.name}`,
      await client.request<{ document: KnowledgeDocument }>('GET', `/api/documents/${document.id}`),
      200,
    ).document;
    if (current.status === 'ready') return;
    if (current.status === 'failed') throw new Error(`${document.name} failed: ${current.failureReason}`);
    if (performance.now() > deadline) throw new Error(`${document.name} still ${current.status} after 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function seedBrand<C extends EvalClient>(
  target: EvalTarget<C>,
  client: C,
  brand: EvalBrand,
  brandId: string,
  notes: string[],
): Promise<Map<string, string>> {
  if (brand.diagnostic) {
    expectStatus(
      `${brand.name}: diagnostic`,
      await client.request('POST', '/api/diagnostic/results', {
        json: { questionnaireVersion: 1, answers: brand.diagnostic, brandId },
      }),
      201,
    );
  }
  const singletons: [string, unknown][] = [
    ['canvas', brand.canvas],
    ...Object.entries(brand.worksheets ?? {}),
  ];
  for (const [kind, data] of singletons) {
    if (!data) continue;
    expectStatus(
      `${brand.name}: save ${kind}`,
      await client.request('PUT', `/api/brands/${brandId}/items/${kind}`, {
        json: { baseVersion: 0, data, sources: {} },
      }),
      200,
    );
  }
  const avatarIds = new Map<string, string>();
  for (const avatar of brand.avatars ?? []) {
    const created = expectStatus(
      `${brand.name}: create avatar ${avatar.data.name}`,
      await client.request<{ item: WorkspaceItem }>('POST', `/api/brands/${brandId}/collections/avatar`, {
        json: { data: avatar.data, sources: {} },
      }),
      201,
    ).item;
    if (!created.id) throw new Error(`${brand.name}: the avatar has no id`);
    avatarIds.set(avatar.data.name, created.id);
    if (!avatar.reviews?.length) continue;
    // As the avatar page does: the pasted text is read into reviews, the coach analyses them, and the
    // reviews and the analysis are saved on the avatar.
    const pasted = avatar.reviews.join('\n\n');
    const { reviews } = expectStatus(
      `${brand.name}: import reviews`,
      await client.request<ReviewImport>('POST', '/api/avatars/reviews/import', {
        json: { format: 'text', text: pasted },
      }),
      200,
    );
    const data = avatarDataSchema.parse(created.data);
    // A provider can fail an analysis; the owner would try again, and if it fails again the reviews
    // are still saved (and searchable), only without their analysis — which the report says.
    let analysed: AiTaskResponse | null = null;
    let failure = '';
    for (let attempt = 1; attempt <= 2 && !analysed; attempt += 1) {
      const response = await client.request<AiTaskResponse>('POST', '/api/ai/avatar-voice', {
        json: avatarVoiceRequest(data, reviews),
      });
      if (response.status === 200) analysed = response.body;
      else failure = `HTTP ${response.status} ${response.text.slice(0, 200)}`;
    }
    if (!analysed)
      notes.push(
        `${brand.name}: the reviews of ${avatar.data.name} were saved without an analysis (${failure})`,
      );
    expectStatus(
      `${brand.name}: save the analysis`,
      await client.request('PUT', `/api/items/${created.id}`, {
        json: {
          baseVersion: created.version,
          data: {
            ...data,
            voice: analysed
              ? {
                  reviews: pasted,
                  analysis: analysed.output,
                  analysedAt: new Date().toISOString(),
                  analysedBy: analysed.meta.provider,
                }
              : { reviews: pasted, analysis: null, analysedAt: null, analysedBy: null },
          },
          sources: {},
        },
      }),
      200,
    );
  }
  for (const document of brand.documents ?? []) {
    const uploaded = expectStatus(
      `${brand.name}: upload ${document.name}`,
      await target.uploadDocument(client, brandId, document),
      201,
    ).document;
    await waitUntilProcessed(target, client, uploaded);
  }
  return avatarIds;
}

/** Signs up one owner per account and sets up each of the account's brands. */
async function setUpBrands<C extends EvalClient>(
  target: EvalTarget<C>,
  brands: readonly EvalBrand[],
  notes: string[],
): Promise<Map<string, BrandSetup>> {
  const setups = new Map<string, BrandSetup>();
  const accounts = [...new Set(brands.map((brand) => brand.account))];
  for (const account of accounts) {
    const client = target.newClient();
    owners += 1;
    expectStatus(
      `sign up the ${account} owner`,
      await client.request('POST', '/api/auth/sign-up', {
        json: {
          name: 'Eval Owner',
          email: `coach.eval.${Date.now()}.${owners}@example.com`,
          password: PASSWORD,
        },
      }),
      200,
    );
    const [first] = expectStatus(
      'list brands',
      await client.request<{ brands: Brand[] }>('GET', '/api/brands'),
      200,
    ).brands;
    if (!first) throw new Error(`the ${account} owner has no brand`);
    const own = brands.filter((brand) => brand.account === account);
    for (const [index, brand] of own.entries()) {
      let brandId = first.id;
      if (index === 0) {
        expectStatus(
          `name ${brand.name}`,
          await client.request('PATCH', `/api/brands/${first.id}`, { json: { name: brand.name } }),
          200,
        );
      } else {
        brandId = expectStatus(
          `create ${brand.name}`,
          await client.request<{ brand: Brand }>('POST', '/api/brands', { json: { name: brand.name } }),
          201,
        ).brand.id;
      }
      const avatarIds = await seedBrand(target, client, brand, brandId, notes);
      setups.set(brand.key, { brand, brandId, client, avatarIds });
    }
  }
  return setups;
}

async function askChat<C extends EvalClient>(
  target: EvalTarget<C>,
  setup: BrandSetup & { client: C },
  scenario: EvalScenario & { ask: { kind: 'chat' } },
): Promise<EvalAnswer> {
  const { client, brandId } = setup;
  const session = expectStatus(
    `${scenario.id}: new conversation`,
    await client.request<ChatSession>('POST', '/api/ai/chat/sessions', { json: { brandId } }),
    201,
  );
  const turns = [...(scenario.before ?? []), scenario.ask.message];
  let answer: EvalAnswer = { text: '', citations: [], provider: null, error: 'not asked' };
  for (const message of turns) {
    const turn = await target.chatTurn(client, session.id, message);
    const done = turn.events.find((event) => event.event === 'done');
    if (!done) {
      const error = turn.events.find((event) => event.event === 'error');
      const reason = error
        ? `${String(error.data.code)}: ${String(error.data.message)}`
        : `HTTP ${turn.status}`;
      return { text: '', citations: [], provider: null, error: reason };
    }
    const data = done.data as {
      text: string;
      citations: EvalAnswer['citations'];
      provider: EvalAnswer['provider'];
    };
    answer = { text: data.text, citations: data.citations, provider: data.provider };
  }
  return answer;
}

async function askValueLens(
  setup: BrandSetup,
  scenario: EvalScenario & { ask: { kind: 'value-lens' } },
): Promise<EvalAnswer> {
  const { ask } = scenario;
  const avatarId = ask.avatar ? setup.avatarIds.get(ask.avatar) : undefined;
  if (ask.avatar && !avatarId)
    throw new Error(`${scenario.id}: ${setup.brand.name} has no avatar ${ask.avatar}`);
  const response = await setup.client.request<{ generation: ValueLensGeneration }>(
    'POST',
    `/api/brands/${setup.brandId}/value-lens`,
    {
      json: {
        product: ask.product,
        features: ask.features,
        format: ask.format,
        tone: ask.tone ?? 'warm',
        avatarId: avatarId ?? null,
        useCanvas: true,
      },
    },
  );
  if (response.status !== 201) {
    return {
      text: '',
      citations: [],
      provider: null,
      error: `HTTP ${response.status} ${response.text.slice(0, 200)}`,
    };
  }
  const { generation } = response.body;
  return {
    text: generation.variants.join('\n'),
    variants: generation.variants,
    citations: [],
    provider: generation.meta.provider,
  };
}

function questionOf(scenario: EvalScenario): string {
  return scenario.ask.kind === 'chat'
    ? scenario.ask.message
    : `${scenario.ask.product}. ${scenario.ask.features.join('. ')}`;
}

function tally(scenarios: readonly ScenarioResult[]): CheckTally[] {
  return CHECK_NAMES.map((check) => {
    const results = scenarios.flatMap((scenario) =>
      scenario.checks.filter((result) => result.check === check),
    );
    return {
      check,
      passed: results.filter((result) => result.pass).length,
      failed: results.filter((result) => !result.pass).length,
    };
  }).filter((entry) => entry.passed + entry.failed > 0);
}

/** Runs the suite against the target and scores it. */
export async function runCoachEval<C extends EvalClient>(
  target: EvalTarget<C>,
  options: EvalOptions,
): Promise<EvalReport> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const scenarios = options.scenarios ?? EVAL_SCENARIOS;
  const used = new Set(scenarios.map((scenario) => scenario.brand));
  const brands = EVAL_BRANDS.filter((brand) => used.has(brand.key));
  const unknown = [...used].filter((key) => !brands.some((brand) => brand.key === key));
  if (unknown.length > 0) throw new Error(`Scenarios name unknown brands: ${unknown.join(', ')}`);

  log(`Setting up ${brands.length} brands…`);
  const setupNotes: string[] = [];
  const setups = await setUpBrands(target, brands, setupNotes);
  for (const note of setupNotes) log(`setup: ${note}`);
  const setupMs = performance.now() - started;
  const systemPrompts = await target.systemPrompts();

  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    const setup = setups.get(scenario.brand);
    if (!setup) throw new Error(`${scenario.id}: brand ${scenario.brand} was not set up`);
    const askedAt = performance.now();
    const answer =
      scenario.ask.kind === 'chat'
        ? await askChat(target, setup as BrandSetup & { client: C }, { ...scenario, ask: scenario.ask })
        : await askValueLens(setup, { ...scenario, ask: scenario.ask });
    const elapsedMs = performance.now() - askedAt;
    const passages = new Map<string, CitedPassage | null>();
    for (const citation of answer.citations) passages.set(citation.id, await target.passage(citation.id));
    const otherMarkers = EVAL_BRANDS.filter((brand) => brand.key !== scenario.brand).flatMap((brand) =>
      brand.markers.map((marker) => ({ brand: brand.name, marker })),
    );
    const checks = runChecks({
      scenario,
      brand: setup.brand,
      brandId: setup.brandId,
      question: questionOf(scenario),
      answer,
      passages,
      otherMarkers,
      routes: options.routes,
      systemPrompts,
    });
    results.push({
      id: scenario.id,
      title: scenario.title,
      brand: setup.brand.name,
      question: questionOf(scenario),
      answer: answer.text,
      ...(answer.variants ? { variants: answer.variants } : {}),
      citations: answer.citations,
      provider: answer.provider,
      ...(answer.error ? { error: answer.error } : {}),
      checks,
      elapsedMs,
    });
    const failed = checks.filter((check) => !check.pass).map((check) => check.check);
    log(
      `${scenario.id}: ${checks.length - failed.length}/${checks.length}${failed.length ? ` (failed: ${failed.join(', ')})` : ''}`,
    );
  }

  // Different questions, and the same question for different brands, must get different answers.
  for (const scenario of scenarios) {
    const result = results.find((entry) => entry.id === scenario.id);
    for (const otherId of scenario.expect.distinctFrom ?? []) {
      const other = results.find((entry) => entry.id === otherId);
      if (result && other)
        result.checks.push(distinctCheck(result.answer, { id: other.id, text: other.answer }));
    }
  }

  let judge: EvalReport['judge'];
  if (options.judge) {
    log(`Asking ${options.judge.model} to grade ${results.length} answers…`);
    let judgeCost = 0;
    for (const result of results) {
      const setup = setups.get(scenarios.find((scenario) => scenario.id === result.id)?.brand ?? '');
      try {
        const { costMicros, ...score } = await options.judge.grade({
          question: result.question,
          brandData: setup ? brandTexts(setup.brand) : [],
          answer: result.answer,
          citations: result.citations,
        });
        judgeCost += costMicros;
        result.judge = score;
      } catch (error) {
        log(`${result.id}: the judge failed (${error instanceof Error ? error.message : String(error)})`);
      }
    }
    const graded = results.flatMap((result) => (result.judge ? [result.judge] : []));
    const average = (key: 'helpfulness' | 'specificity' | 'grounding') =>
      graded.length === 0 ? 0 : graded.reduce((sum, score) => sum + score[key], 0) / graded.length;
    judge = {
      model: options.judge.model,
      costMicros: judgeCost,
      averages: {
        helpfulness: average('helpfulness'),
        specificity: average('specificity'),
        grounding: average('grounding'),
      },
    };
  }

  const all = results.flatMap((result) => result.checks);
  const passed = all.filter((check) => check.pass).length;
  return {
    scenarios: results,
    checks: tally(results),
    passed,
    total: all.length,
    score: all.length === 0 ? 0 : passed / all.length,
    providers: [...new Set(results.flatMap((result) => (result.provider ? [result.provider] : [])))],
    costMicros: await target.spentMicros(),
    ...(judge ? { judge } : {}),
    setupNotes,
    setupMs,
    totalMs: performance.now() - started,
  };
}

// ----------------------------------------------------------------------------------------- report

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
const usd = (micros: number) => `$${(micros / 1_000_000).toFixed(4)}`;

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** The report as a reader wants it: per scenario, per check, the total, the time and the cost. */
export function formatReport(report: EvalReport, options: { details?: boolean } = {}): string {
  const scenarioRows = report.scenarios.map((scenario) => {
    const passed = scenario.checks.filter((check) => check.pass).length;
    const failed = scenario.checks.filter((check) => !check.pass);
    const judged = scenario.judge
      ? `${scenario.judge.helpfulness}/${scenario.judge.specificity}/${scenario.judge.grounding}`
      : '';
    return [
      scenario.id,
      `${passed}/${scenario.checks.length}`,
      ...(report.judge ? [judged] : []),
      failed.map((check) => (options.details ? `${check.check} (${check.detail})` : check.check)).join(', '),
    ];
  });
  const checkRows = report.checks.map((entry) => [
    entry.check,
    String(entry.passed),
    String(entry.failed),
    percent(entry.passed / (entry.passed + entry.failed)),
  ]);
  const providers = report.providers.length ? report.providers.join(' + ') : 'no answers';
  const lines = [
    `Coach eval: ${report.scenarios.length} scenarios, ${report.total} checks, answered by ${providers}`,
    '',
    table(['Scenario', 'Checks', ...(report.judge ? ['Judge H/S/G'] : []), 'Failed'], scenarioRows),
    '',
    table(['Check', 'Passed', 'Failed', 'Share'], checkRows),
    '',
    `Score: ${report.passed}/${report.total} checks passed (${percent(report.score)})`,
    `Runtime: ${(report.totalMs / 1000).toFixed(1)} s (setup ${(report.setupMs / 1000).toFixed(1)} s)`,
    `Coach cost (spend ledger): ${usd(report.costMicros)}`,
  ];
  for (const note of report.setupNotes) lines.push(`Setup note: ${note}`);
  if (report.judge) {
    const { averages } = report.judge;
    lines.push(
      `Judge (${report.judge.model}, reported, not asserted): helpfulness ${averages.helpfulness.toFixed(2)}, specificity ${averages.specificity.toFixed(2)}, grounding ${averages.grounding.toFixed(2)} of 5; cost ${usd(report.judge.costMicros)}`,
    );
  }
  return lines.join('\n');
}
