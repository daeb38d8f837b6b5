/**
 * Buyer-intent research: classifies pasted terms or an uploaded search-term report through the AI
 * engine's `buyer-intent` task (so the daily quota, spending caps, cache, ledger and the offline
 * fallback apply), applies the brand's list of brand names, groups the terms by theme with a
 * suggestion per group, and keeps every run per brand. A run is sent to the task in batches of 50
 * terms, each one AI request: the quota for all of them is taken before any is answered, and given
 * back in full when the day's quota cannot cover the run.
 */
import { intentStrategy } from '../../../core/ai/buyer-intent.ts';
import type { AiMeta, AiTaskOutput } from '../../../core/ai/contracts.ts';
import { cleanBrandNames, createBrandMatcher } from '../../../core/research/brand-names.ts';
import {
  analyseTerms,
  type Classified,
  defaultRunName,
  emptyCounts,
  intentRunCsv,
  mergeClassifications,
} from '../../../core/research/intent-analysis.ts';
import type {
  BrandNamesBody,
  BrandNamesResponse,
  IntentGroup,
  IntentRun,
  IntentRunList,
  IntentRunSummary,
  PastedTermsRunBody,
} from '../../../core/research/intent-contracts.ts';
import { INTENT_RESEARCH_LIMITS, INTENT_TERMS_PER_REQUEST } from '../../../core/research/intent-limits.ts';
import { type ReportTerm, splitPastedTerms, termsWithinLimit } from '../../../core/research/search-terms.ts';
import { countOf } from '../../../core/text/plural.ts';
import type { AiEngine, PreparedTask, TaskAnswer } from '../../ai/engine.ts';
import type { QuotaState } from '../../ai/quota.ts';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { UploadedFile } from '../../platform/multipart-upload.ts';
import type { WorkspaceStore } from '../../platform/workspace-store.ts';
import { importReport } from './csv-import.ts';
import { createResearchIntentQueries, encodeCursor, type RunRow, type RunSummaryRow } from './queries.ts';

/** Batches answered at once: a provider's answers arrive in parallel, within its rate limits. */
const BATCH_CONCURRENCY = 4;

const runNotFound = () => new AppError(404, 'NOT_FOUND', 'That research run was not found.');

function invalid(path: string, message: string): AppError {
  return new AppError(400, 'VALIDATION_FAILED', message, { details: [{ path, message }] });
}

const number = (value: number) => value.toLocaleString('en-GB');

function summaryOf(row: RunSummaryRow): IntentRunSummary {
  return {
    id: row.id,
    brandId: row.brandId,
    name: row.name,
    source: row.source === 'csv' ? 'csv' : 'paste',
    fileName: row.fileName,
    industry: row.industry,
    termCount: row.termCount,
    totalTerms: row.totalTerms,
    counts: { ...emptyCounts(), ...row.counts },
    volumeLabel: row.volumeLabel,
    hasClicks: row.hasClicks,
    meta: {
      provider: row.provider === 'openai-compatible' ? 'openai-compatible' : 'offline',
      model: row.model,
      promptVersion: row.promptVersion,
      cached: row.cached,
      notice: row.notice as AiMeta['notice'],
      ...(row.aiCallId ? { callId: row.aiCallId } : {}),
    },
    createdAt: row.createdAt.toISOString(),
  };
}

interface StoredResult {
  groups: IntentGroup[];
  strategy: string[];
  notes: string[];
  brandNames: { own: string[]; competitors: string[] };
}

function runOf(row: RunRow): IntentRun {
  const result = row.result as unknown as StoredResult;
  return {
    ...summaryOf(row),
    groups: result.groups,
    strategy: result.strategy,
    notes: result.notes,
    brandNames: result.brandNames,
  };
}

/** A file name safe to show and to put in a download's name. */
function cleanFileName(name: string): string {
  return (
    name
      .replace(/^.*[\\/]/, '')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .trim()
      .slice(0, 120) || 'search-terms.csv'
  );
}

interface Classification {
  classified: Classified[];
  /** Null when the run's strategy is to be written from its counts. */
  strategy: string[] | null;
  notes: string[];
  meta: Pick<AiMeta, 'provider' | 'model' | 'promptVersion' | 'cached' | 'notice' | 'callId'>;
  quota: QuotaState;
}

export function createResearchIntentService(deps: {
  database: Database;
  workspace: Pick<WorkspaceStore, 'requireBrand'>;
  ai: AiEngine;
}) {
  const queries = createResearchIntentQueries(deps.database);
  const { workspace, ai } = deps;

  async function brandNamesOf(userId: string, brandId: string) {
    const saved = await queries.getBrandNames(userId, brandId);
    return { own: saved?.own ?? [], competitors: saved?.competitors ?? [] };
  }

  /**
   * Takes the quota for every batch first (all or none), then answers the batches a few at a time.
   * A batch whose provider answer cannot be used (502, already refunded by the engine) is classified
   * by the rules instead, and the run says so.
   */
  async function classify(
    userId: string,
    terms: readonly string[],
    industry: string | undefined,
    brandNames: { own: string[]; competitors: string[] },
  ): Promise<Classification> {
    const batches: string[][] = [];
    for (let start = 0; start < terms.length; start += INTENT_TERMS_PER_REQUEST) {
      batches.push(terms.slice(start, start + INTENT_TERMS_PER_REQUEST));
    }
    const prepared: PreparedTask[] = [];
    try {
      for (const batch of batches) {
        prepared.push(
          await ai.prepareTask({
            task: 'buyer-intent',
            userId,
            mode: 'answer',
            input: { terms: batch, ...(industry ? { industry } : {}), brandNames },
          }),
        );
      }
    } catch (error) {
      for (const task of prepared) await task.refund();
      if (error instanceof AppError && error.code === 'QUOTA_EXCEEDED' && prepared.length > 0) {
        throw new AppError(
          429,
          'QUOTA_EXCEEDED',
          `This run needs ${countOf(batches.length, 'AI request')} (one per ${INTENT_TERMS_PER_REQUEST} terms) and you have ${prepared.length} left today. Analyse fewer terms, or try again after midnight UTC.`,
          { headers: error.headers },
        );
      }
      throw error;
    }

    const answers: (TaskAnswer | null)[] = new Array(batches.length).fill(null);
    const started = new Set<number>();
    let next = 0;
    const failures: unknown[] = [];
    await Promise.all(
      Array.from({ length: Math.min(BATCH_CONCURRENCY, batches.length) }, async () => {
        while (next < prepared.length && failures.length === 0) {
          const index = next;
          next += 1;
          const task = prepared[index];
          if (!task) continue;
          started.add(index);
          try {
            answers[index] = await task.answer();
          } catch (error) {
            // The provider answered something unusable: the engine gave that request back already.
            if (error instanceof AppError && error.code === 'AI_INVALID_RESPONSE') answers[index] = null;
            else failures.push(error);
          }
        }
      }),
    );
    if (failures.length > 0) {
      // Batches never started produced nothing: their requests go back to the day's quota.
      for (const [index, task] of prepared.entries()) if (!started.has(index)) await task.refund();
      throw failures[0];
    }

    const matcher = createBrandMatcher(brandNames);
    const classified: Classified[] = [];
    let filledByRules = 0;
    let unusable = 0;
    for (const [index, batch] of batches.entries()) {
      const answer = answers[index];
      const output: AiTaskOutput<'buyer-intent'> = answer
        ? (answer.output as AiTaskOutput<'buyer-intent'>)
        : { results: [], counts: emptyCounts(), strategy: [] };
      if (!answer) unusable += batch.length;
      const merged = mergeClassifications(batch, output, matcher);
      if (answer) filledByRules += merged.filledByRules;
      classified.push(...merged.classified);
    }

    const answered = answers.filter((answer): answer is TaskAnswer => answer !== null);
    const first = answered[0];
    const byProvider = answered.find((answer) => answer.meta.provider !== 'offline');
    const notes: string[] = [];
    if (unusable > 0) {
      notes.push(
        `The AI provider’s answer for ${countOf(unusable, 'term')} could not be used, so the built-in rules classified them (those requests were not counted).`,
      );
    }
    if (filledByRules > 0) {
      notes.push(
        `The AI provider left out ${countOf(filledByRules, 'term')}; the built-in rules classified ${filledByRules === 1 ? 'it' : 'them'}.`,
      );
    }
    const lastGrant = prepared.at(-1)?.quota;
    if (!lastGrant) throw new Error('a run always prepares at least one batch');
    return {
      classified,
      // One batch's strategy reads the whole run (a model's own reading of it); several batches' each
      // read a part, so the run's strategy is then written from the counts of all of them.
      strategy:
        batches.length === 1 && first ? (first.output as AiTaskOutput<'buyer-intent'>).strategy : null,
      notes,
      meta: {
        provider: byProvider ? byProvider.meta.provider : 'offline',
        model: (byProvider ?? first)?.meta.model ?? 'offline-coach',
        promptVersion: (byProvider ?? first)?.meta.promptVersion ?? prepared[0]?.prompt.version ?? 1,
        cached: answered.length > 0 && answered.every((answer) => answer.meta.cached),
        notice: answered.find((answer) => answer.meta.notice)?.meta.notice ?? null,
        // The call whose provider and version the run shows is the one its rating names.
        ...((byProvider ?? first)?.meta.callId ? { callId: (byProvider ?? first)?.meta.callId } : {}),
      },
      quota: lastGrant,
    };
  }

  async function createRun(
    userId: string,
    brandId: string,
    run: {
      terms: ReportTerm[];
      totalTerms: number;
      source: 'paste' | 'csv';
      name: string;
      fileName: string | null;
      industry: string | undefined;
      volumeLabel: string | null;
      hasClicks: boolean;
      notes: string[];
    },
  ): Promise<{ run: IntentRun; quota: QuotaState }> {
    const brandNames = await brandNamesOf(userId, brandId);
    const classification = await classify(
      userId,
      run.terms.map((term) => term.term),
      run.industry,
      brandNames,
    );
    const matcher = createBrandMatcher(brandNames);
    const analysis = analyseTerms({ terms: run.terms, classified: classification.classified, matcher });
    const result: StoredResult = {
      groups: analysis.groups,
      strategy: classification.strategy ?? intentStrategy(analysis.counts, run.industry),
      notes: [...run.notes, ...classification.notes],
      brandNames,
    };
    const row = await queries.insertRun({
      userId,
      brandId,
      name: run.name,
      source: run.source,
      fileName: run.fileName,
      industry: run.industry ?? null,
      termCount: run.terms.length,
      totalTerms: run.totalTerms,
      counts: analysis.counts,
      volumeLabel: run.volumeLabel,
      hasClicks: run.hasClicks,
      result: result as unknown as Record<string, unknown>,
      provider: classification.meta.provider,
      model: classification.meta.model,
      promptVersion: classification.meta.promptVersion,
      cached: classification.meta.cached,
      notice: classification.meta.notice,
      aiCallId: classification.meta.callId ?? null,
      // Millisecond precision, so the list cursor (which carries ms) matches rows exactly.
      createdAt: new Date(),
    });
    return { run: runOf(row), quota: classification.quota };
  }

  async function requireRun(userId: string, brandId: string, runId: string): Promise<RunRow> {
    await workspace.requireBrand(userId, brandId);
    const row = await queries.getRun(userId, brandId, runId);
    if (!row) throw runNotFound();
    return row;
  }

  return {
    async getBrandNames(userId: string, brandId: string): Promise<BrandNamesResponse> {
      await workspace.requireBrand(userId, brandId);
      const saved = await queries.getBrandNames(userId, brandId);
      return {
        brandNames: { own: saved?.own ?? [], competitors: saved?.competitors ?? [] },
        updatedAt: saved?.updatedAt.toISOString() ?? null,
      };
    },

    async saveBrandNames(userId: string, brandId: string, body: BrandNamesBody): Promise<BrandNamesResponse> {
      await workspace.requireBrand(userId, brandId);
      const saved = await queries.saveBrandNames(userId, brandId, cleanBrandNames(body));
      return {
        brandNames: { own: saved.own, competitors: saved.competitors },
        updatedAt: saved.updatedAt.toISOString(),
      };
    },

    async runFromPaste(
      userId: string,
      brandId: string,
      body: PastedTermsRunBody,
    ): Promise<{ run: IntentRun; quota: QuotaState }> {
      await workspace.requireBrand(userId, brandId);
      const pasted = splitPastedTerms(body.text);
      if (pasted.tooLong.length > 0) {
        const lines = pasted.tooLong.slice(0, 5).join(', ');
        throw invalid(
          'body.text',
          `A search term has at most ${INTENT_RESEARCH_LIMITS.termLength} characters; ${
            pasted.tooLong.length === 1
              ? `line ${lines} is`
              : `lines ${lines}${pasted.tooLong.length > 5 ? '…' : ''} are`
          } longer. Shorten or remove ${pasted.tooLong.length === 1 ? 'it' : 'them'}.`,
        );
      }
      if (pasted.terms.length === 0)
        throw invalid('body.text', 'Paste at least one search term, one per line.');
      if (pasted.terms.length > INTENT_RESEARCH_LIMITS.termsPerRun) {
        throw invalid(
          'body.text',
          `One run analyses at most ${number(INTENT_RESEARCH_LIMITS.termsPerRun)} distinct terms; this paste has ${number(pasted.terms.length)}. Split it into several runs.`,
        );
      }
      const terms = pasted.terms.map((term) => ({ term, volume: null, clicks: null }));
      return createRun(userId, brandId, {
        terms,
        totalTerms: terms.length,
        source: 'paste',
        name: body.name || defaultRunName(terms),
        fileName: null,
        industry: body.industry || undefined,
        volumeLabel: null,
        hasClicks: false,
        notes: pasted.duplicates > 0 ? [`${countOf(pasted.duplicates, 'repeated line')} counted once.`] : [],
      });
    },

    async runFromUpload(
      userId: string,
      brandId: string,
      readFile: () => Promise<UploadedFile>,
    ): Promise<{ run: IntentRun; quota: QuotaState }> {
      // The brand first: someone else's brand is a 404 before a byte of the body is read.
      await workspace.requireBrand(userId, brandId);
      const file = await readFile();
      const report = importReport(file.bytes);
      const limit = INTENT_RESEARCH_LIMITS.termsPerRun;
      const terms = termsWithinLimit(report.terms, limit);
      const notes: string[] = [];
      if (report.terms.length > limit) {
        notes.push(
          `The file has ${number(report.terms.length)} distinct terms; this run analyses the ${number(limit)} ${
            report.volumeLabel ? `with the most ${report.volumeLabel.toLowerCase()}` : 'that come first'
          }.`,
        );
      }
      if (report.tooLong > 0) {
        notes.push(
          `${countOf(report.tooLong, 'row')} with a term over ${INTENT_RESEARCH_LIMITS.termLength} characters ${report.tooLong === 1 ? 'was' : 'were'} left out.`,
        );
      }
      const fileName = cleanFileName(file.fileName);
      return createRun(userId, brandId, {
        terms,
        totalTerms: report.terms.length,
        source: 'csv',
        name: fileName,
        fileName,
        industry: undefined,
        volumeLabel: report.volumeLabel,
        hasClicks: report.hasClicks,
        notes,
      });
    },

    async list(
      userId: string,
      brandId: string,
      page: { limit: number; cursor?: string | undefined },
    ): Promise<IntentRunList> {
      await workspace.requireBrand(userId, brandId);
      const { rows, more } = await queries.listRuns(userId, brandId, page);
      const last = rows.at(-1);
      return { runs: rows.map(summaryOf), nextCursor: more && last ? encodeCursor(last) : null };
    },

    async get(userId: string, brandId: string, runId: string): Promise<IntentRun> {
      return runOf(await requireRun(userId, brandId, runId));
    },

    /** Soft delete; someone else's (or an already deleted) run is a 404. */
    async remove(userId: string, brandId: string, runId: string): Promise<void> {
      await workspace.requireBrand(userId, brandId);
      if (!(await queries.softDeleteRun(userId, brandId, runId))) throw runNotFound();
    },

    async exportCsv(
      userId: string,
      brandId: string,
      runId: string,
    ): Promise<{ fileName: string; csv: string }> {
      const run = runOf(await requireRun(userId, brandId, runId));
      const day = run.createdAt.slice(0, 10);
      return { fileName: `buyer-intent-${day}-${run.id.slice(0, 8)}.csv`, csv: intentRunCsv(run) };
    },
  };
}
export type ResearchIntentService = ReturnType<typeof createResearchIntentService>;
