/**
 * The review analyser: reads pasted reviews, an uploaded CSV export or an avatar's saved reviews with
 * the one review engine (ADR 0039) in a worker thread, keeps each run per brand, lists and exports
 * runs (CSV, PDF), and turns a run's findings into proposals for an avatar's fears and desires or a
 * canvas field, saved as a normal versioned save only when the owner accepts and only if the item is
 * still the version the proposal was made from.
 *
 * The analysis does not go through the AI pipeline's `review-analysis` task: that task's contract
 * takes 200 bare texts and answers counts, while a run takes 5,000 reviews with stars, dates and
 * sources and keeps every review's reading. No provider is called, so a run costs no AI spend; it
 * costs CPU, which the per-user limit and the worker's queue bound.
 */

import {
  proposalLabel,
  proposalTextLimit,
  readProposalText,
  sameProposalText,
  writeProposalText,
} from '../../../core/coach/proposal-targets.ts';
import type { ReviewColumnMapping } from '../../../core/research-reviews/columns.ts';
import type {
  AcceptFindingBody,
  AcceptFindingResponse,
  AnalysedReviewRow,
  FindingProposal,
  FindingTarget,
  ReviewCsvPreview,
  ReviewRows,
  ReviewRun,
  ReviewRunList,
  ReviewRunRequestBody,
  ReviewRunResult,
  ReviewRunSummary,
  ReviewUploadQuery,
} from '../../../core/research-reviews/contracts.ts';
import { canvasWithFinding, findingTag } from '../../../core/research-reviews/findings.ts';
import { formatCount, REVIEW_RUN_LIMITS } from '../../../core/research-reviews/limits.ts';
import { CSV_BOM, csvLine } from '../../../core/text/csv-export.ts';
import { avatarDataSchema } from '../../../core/workspace/avatar.ts';
import { AVATAR_TAG_LIMITS } from '../../../core/workspace/avatar-profile.ts';
import type { WorkspaceItem } from '../../../core/workspace/items.ts';
import { TAG_MAX_LENGTH } from '../../../core/workspace/limits.ts';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { Throttle } from '../../platform/throttle.ts';
import type { WorkspaceStore } from '../../platform/workspace-store.ts';
import type { AnalysisOutput } from './analysis-messages.ts';
import { createAnalysisPool } from './analysis-pool.ts';
import {
  createReviewRunQueries,
  encodeCursor,
  type ReviewRunRow,
  type ReviewRunSummaryRow,
} from './queries.ts';
import { renderReviewRunPdf, reviewRunPdfFileName } from './run-pdf.ts';

/** Runs per user in ten minutes: each is seconds of CPU in the worker. */
export const REVIEW_RUN_THROTTLE = { name: 'review-runs:user', max: 30, windowSeconds: 600 } as const;

/** Proposals offered per side (cons as fears, pros as desires). */
const PROPOSALS_PER_SIDE = 3;

const runNotFound = () => new AppError(404, 'NOT_FOUND', 'That review run was not found in this brand.');
/** An item read from the store, which has an id (only a never-saved singleton has none). */
type SavedItem = WorkspaceItem & { id: string };

function savedId(item: WorkspaceItem): string {
  if (!item.id) throw new Error('a saved item has an id');
  return item.id;
}

const avatarNotFound = () => new AppError(404, 'NOT_FOUND', 'That avatar was not found in this brand.');

export interface UploadedCsv {
  fileName: string;
  bytes: Uint8Array;
}

function summaryOf(row: ReviewRunSummaryRow | ReviewRunRow): ReviewRunSummary {
  const counts =
    'counts' in row ? row.counts : ((row.result as { counts: ReviewRunSummary['counts'] }).counts ?? {});
  return {
    id: row.id,
    brandId: row.brandId,
    name: row.name,
    source: row.source as ReviewRunSummary['source'],
    fileName: row.fileName,
    avatarId: row.avatarId,
    mapping: (row.mapping as ReviewColumnMapping | null) ?? null,
    reviewCount: row.reviewCount,
    counts: {
      positive: counts.positive ?? 0,
      negative: counts.negative ?? 0,
      mixed: counts.mixed ?? 0,
      neutral: counts.neutral ?? 0,
    },
    createdAt: row.createdAt.toISOString(),
  };
}

function toRun(row: ReviewRunRow): ReviewRun {
  return { ...summaryOf(row), result: row.result as ReviewRunResult, notes: row.notes };
}

/** A run's name from its first review: “Smells lovely but…” and 41 more. */
function nameFromReviews(reviews: readonly { text: string }[]): string {
  const first = reviews[0]?.text ?? '';
  const words = first.split(/\s+/).slice(0, 6).join(' ');
  const opening = words.length < first.length ? `${words}…` : words;
  const more = reviews.length - 1;
  return (more > 0 ? `“${opening}” and ${formatCount(more)} more` : `“${opening}”`).slice(
    0,
    REVIEW_RUN_LIMITS.runName,
  );
}

export function createReviewResearchService(deps: {
  database: Database;
  workspace: Pick<WorkspaceStore, 'requireBrand' | 'getItem' | 'getSingleton' | 'saveItem' | 'saveSingleton'>;
  throttle: Throttle;
}) {
  const { workspace } = deps;
  const queries = createReviewRunQueries(deps.database);
  const pool = createAnalysisPool();

  async function requireAvatar(userId: string, brandId: string, avatarId: string): Promise<SavedItem> {
    let item: WorkspaceItem;
    try {
      item = await workspace.getItem(userId, avatarId);
    } catch (error) {
      if (error instanceof AppError && error.statusCode === 404) throw avatarNotFound();
      throw error;
    }
    if (item.kind !== 'avatar' || item.brandId !== brandId || !item.id) throw avatarNotFound();
    return { ...item, id: item.id };
  }

  async function requireRun(userId: string, brandId: string, runId: string): Promise<ReviewRunRow> {
    await workspace.requireBrand(userId, brandId);
    const row = await queries.get(userId, brandId, runId);
    if (!row) throw runNotFound();
    return row;
  }

  async function countRun(userId: string): Promise<void> {
    await deps.throttle.enforce(
      REVIEW_RUN_THROTTLE,
      userId,
      'You have started many review runs in the last few minutes. Please wait a few minutes and try again.',
    );
  }

  async function save(
    userId: string,
    brandId: string,
    output: AnalysisOutput,
    origin: { source: ReviewRun['source']; name?: string | undefined; fileName?: string; avatarId?: string },
  ): Promise<ReviewRun> {
    if (output.kind !== 'run') throw new Error('the analyser answered a run request with a preview');
    const row = await queries.insert({
      userId,
      brandId,
      name: origin.name?.trim() || (origin.fileName ?? nameFromReviews(output.records)),
      source: origin.source,
      fileName: origin.fileName ?? null,
      avatarId: origin.avatarId ?? null,
      mapping: output.mapping,
      reviewCount: output.reviews.length,
      result: output.result,
      reviews: output.reviews as unknown as Record<string, unknown>[],
      notes: output.notes,
      // Millisecond precision, so the list cursor (which carries ms) matches rows exactly.
      createdAt: new Date(),
    });
    return toRun(row);
  }

  function proposalsForAvatar(run: ReviewRunResult, avatar: SavedItem): FindingProposal[] {
    const data = avatarDataSchema.parse(avatar.data);
    const proposals: FindingProposal[] = [];
    for (const [kind, list] of [
      ['con', 'fears'],
      ['pro', 'desires'],
    ] as const) {
      const current = data.psychology[list];
      if (current.length >= AVATAR_TAG_LIMITS[list]) continue;
      const themes = run.themes
        .filter((theme) => (kind === 'con' ? theme.negative : theme.positive) > 0)
        .filter((theme) => (kind === 'con' ? theme.cons : theme.pros).length > 0)
        .sort((a, b) => (kind === 'con' ? b.negative - a.negative : b.positive - a.positive));
      let offered = 0;
      for (const theme of themes) {
        if (offered >= PROPOSALS_PER_SIDE) break;
        const tag = findingTag(kind, theme);
        if (current.some((entry) => entry.toLowerCase() === tag.toLowerCase())) continue;
        const quote = (kind === 'con' ? theme.cons : theme.pros)[0]?.text ?? '';
        proposals.push({
          id: `${kind}:${theme.key}`,
          finding: {
            kind,
            themeKey: theme.key,
            themeLabel: theme.label,
            reviews: kind === 'con' ? theme.negative : theme.positive,
            quote,
          },
          target: { kind: 'avatar', itemId: avatar.id, list },
          label: `Avatar ${data.name}: ${list}`,
          current,
          proposed: tag,
          baseVersion: avatar.version,
          maxLength: TAG_MAX_LENGTH,
        });
        offered += 1;
      }
    }
    return proposals;
  }

  function proposalsForCanvas(
    run: ReviewRunResult,
    canvas: WorkspaceItem,
    field: Extract<FindingTarget, { kind: 'canvas' }>['field'],
  ): FindingProposal[] {
    const target = { kind: 'canvas' as const, field };
    const limit = proposalTextLimit(target);
    const current = readProposalText(canvas.data, [field]);
    const proposals: FindingProposal[] = [];
    for (const kind of ['pro', 'con'] as const) {
      const themes = run.themes
        .filter((theme) => (kind === 'con' ? theme.cons : theme.pros).length > 0)
        .sort((a, b) => (kind === 'con' ? b.negative - a.negative : b.positive - a.positive))
        .slice(0, PROPOSALS_PER_SIDE);
      for (const theme of themes) {
        const quote = (kind === 'con' ? theme.cons : theme.pros)[0]?.text ?? '';
        const proposed = canvasWithFinding(current, kind, theme, quote, limit);
        if (sameProposalText(proposed, current)) continue;
        proposals.push({
          id: `${kind}:${theme.key}`,
          finding: {
            kind,
            themeKey: theme.key,
            themeLabel: theme.label,
            reviews: kind === 'con' ? theme.negative : theme.positive,
            quote,
          },
          target,
          label: proposalLabel(target),
          current,
          proposed,
          baseVersion: canvas.version,
          maxLength: limit,
        });
      }
    }
    return proposals;
  }

  function changedMeanwhile(current: WorkspaceItem): AppError {
    return new AppError(
      409,
      'CONFLICT',
      'This was changed since the proposal was made. Nothing was saved; the current version is attached.',
      { current },
    );
  }

  function invalidText(message: string): AppError {
    return new AppError(400, 'VALIDATION_FAILED', 'Some fields are missing or invalid.', {
      details: [{ path: 'body.text', message }],
    });
  }

  return {
    async run(userId: string, brandId: string, body: ReviewRunRequestBody): Promise<ReviewRun> {
      await workspace.requireBrand(userId, brandId);
      if (body.source === 'avatar') {
        const avatar = await requireAvatar(userId, brandId, body.avatarId);
        const data = avatarDataSchema.parse(avatar.data);
        await countRun(userId);
        const output = await pool.run({
          kind: 'text',
          text: data.voice.reviews,
          path: 'body.avatarId',
          what: 'avatar',
        });
        return save(userId, brandId, output, {
          source: 'avatar',
          name: body.name || `${data.name}’s reviews`,
          avatarId: avatar.id,
        });
      }
      await countRun(userId);
      const output = await pool.run({ kind: 'text', text: body.text, path: 'body.text', what: 'paste' });
      return save(userId, brandId, output, { source: 'paste', name: body.name });
    },

    async preview(
      userId: string,
      brandId: string,
      read: () => Promise<UploadedCsv>,
    ): Promise<ReviewCsvPreview> {
      await workspace.requireBrand(userId, brandId);
      const file = await read();
      const output = await pool.run({ kind: 'preview', bytes: file.bytes, fileName: file.fileName });
      if (output.kind !== 'preview') throw new Error('the analyser answered a preview request with a run');
      return output.preview;
    },

    async runFromUpload(
      userId: string,
      brandId: string,
      query: ReviewUploadQuery,
      read: () => Promise<UploadedCsv>,
    ): Promise<ReviewRun> {
      await workspace.requireBrand(userId, brandId);
      const file = await read();
      await countRun(userId);
      const output = await pool.run({ kind: 'csv', bytes: file.bytes, query });
      return save(userId, brandId, output, {
        source: 'csv',
        name: query.name,
        fileName: file.fileName.slice(0, REVIEW_RUN_LIMITS.runName) || 'reviews.csv',
      });
    },

    async list(
      userId: string,
      brandId: string,
      page: { limit: number; cursor?: string | undefined },
    ): Promise<ReviewRunList> {
      await workspace.requireBrand(userId, brandId);
      const rows = await queries.list(userId, brandId, page);
      const pageRows = rows.slice(0, page.limit);
      const last = pageRows.at(-1);
      return {
        runs: pageRows.map(summaryOf),
        nextCursor: rows.length > page.limit && last ? encodeCursor(last) : null,
      };
    },

    async get(userId: string, brandId: string, runId: string): Promise<ReviewRun> {
      return toRun(await requireRun(userId, brandId, runId));
    },

    async reviews(
      userId: string,
      brandId: string,
      runId: string,
      page: { offset: number; limit: number; label?: AnalysedReviewRow['label'] | undefined },
    ): Promise<ReviewRows> {
      const row = await requireRun(userId, brandId, runId);
      const all = row.reviews as unknown as AnalysedReviewRow[];
      const matching = page.label ? all.filter((review) => review.label === page.label) : all;
      return { reviews: matching.slice(page.offset, page.offset + page.limit), total: matching.length };
    },

    async remove(userId: string, brandId: string, runId: string): Promise<void> {
      await workspace.requireBrand(userId, brandId);
      if (!(await queries.softDelete(userId, brandId, runId))) throw runNotFound();
    },

    /** One row per review, every cell neutralised against spreadsheet formulas. */
    async exportCsv(
      userId: string,
      brandId: string,
      runId: string,
    ): Promise<{ csv: string; fileName: string }> {
      const row = await requireRun(userId, brandId, runId);
      const reviews = row.reviews as unknown as AnalysedReviewRow[];
      const lines = [csvLine(['Review', 'Rating', 'Date', 'Source', 'Sentiment', 'Score', 'Themes'])];
      for (const review of reviews)
        lines.push(
          csvLine([
            review.text,
            review.rating,
            review.date,
            review.source,
            review.label,
            review.score,
            review.themes.join('; '),
          ]),
        );
      const day = row.createdAt.toISOString().slice(0, 10);
      return { csv: CSV_BOM + lines.join(''), fileName: `reviews-${day}-${row.id.slice(0, 8)}.csv` };
    },

    async exportPdf(
      userId: string,
      brandId: string,
      runId: string,
    ): Promise<{ pdf: Buffer; fileName: string }> {
      const brand = await workspace.requireBrand(userId, brandId);
      const row = await queries.get(userId, brandId, runId);
      if (!row) throw runNotFound();
      const run = toRun(row);
      return {
        pdf: await renderReviewRunPdf(run, { brandName: brand.name, now: new Date() }),
        fileName: reviewRunPdfFileName(run),
      };
    },

    async proposals(
      userId: string,
      brandId: string,
      runId: string,
      query:
        | { target: 'avatar'; avatarId: string }
        | { target: 'canvas'; field: Extract<FindingTarget, { kind: 'canvas' }>['field'] },
    ): Promise<FindingProposal[]> {
      const run = toRun(await requireRun(userId, brandId, runId));
      if (query.target === 'avatar')
        return proposalsForAvatar(run.result, await requireAvatar(userId, brandId, query.avatarId));
      return proposalsForCanvas(
        run.result,
        await workspace.getSingleton(userId, brandId, 'canvas'),
        query.field,
      );
    },

    /**
     * Saves an accepted finding: an entry added to the avatar's fears or desires, or the canvas field's
     * new text. Refused with 409 and the current item when it is no longer `baseVersion`.
     */
    async accept(
      userId: string,
      brandId: string,
      runId: string,
      body: AcceptFindingBody,
    ): Promise<AcceptFindingResponse> {
      await requireRun(userId, brandId, runId);
      const { target } = body;
      if (target.kind === 'avatar') {
        const avatar = await requireAvatar(userId, brandId, target.itemId);
        const text = body.text.replace(/\s+/g, ' ').trim();
        if (text.length > TAG_MAX_LENGTH) throw invalidText(`Keep this under ${TAG_MAX_LENGTH} characters`);
        if (avatar.version !== body.baseVersion) throw changedMeanwhile(avatar);
        const data = avatarDataSchema.parse(avatar.data);
        const list = data.psychology[target.list];
        const label = `Avatar ${data.name}: ${target.list}`;
        if (list.some((entry) => entry.toLowerCase() === text.toLowerCase()))
          return { itemId: avatar.id, version: avatar.version, label };
        if (list.length >= AVATAR_TAG_LIMITS[target.list])
          throw new AppError(
            409,
            'CONFLICT',
            `This avatar already has ${AVATAR_TAG_LIMITS[target.list]} ${target.list}. Remove one on the avatar page first.`,
            { current: avatar },
          );
        const next = { ...data, psychology: { ...data.psychology, [target.list]: [...list, text] } };
        const saved = await workspace.saveItem(
          userId,
          avatar.id,
          { baseVersion: avatar.version, data: next, sources: avatar.sources },
          'edit',
        );
        return { itemId: savedId(saved.item), version: saved.item.version, label };
      }
      const canvas = await workspace.getSingleton(userId, brandId, 'canvas');
      const limit = proposalTextLimit(target);
      const text = body.text.trim();
      if (text.length > limit) throw invalidText(`Keep this under ${limit.toLocaleString('en')} characters`);
      if (canvas.version !== body.baseVersion) throw changedMeanwhile(canvas);
      const saved = await workspace.saveSingleton(
        userId,
        brandId,
        'canvas',
        {
          baseVersion: canvas.version,
          data: writeProposalText(canvas.data, [target.field], text),
          sources: canvas.sources,
        },
        'edit',
      );
      return { itemId: savedId(saved.item), version: saved.item.version, label: proposalLabel(target) };
    },

    close(): Promise<void> {
      return pool.close();
    },
  };
}
export type ReviewResearchService = ReturnType<typeof createReviewResearchService>;
