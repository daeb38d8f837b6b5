/**
 * The journey's steps, derived from the tester's real work (ADR 0053): one query per kind of work
 * over the tables that already hold it, for any number of users at once (one user for the /beta page,
 * the whole cohort for the admin funnel). Nothing here is stored, so a step can never say something
 * the data does not; deleted work (soft-deleted rows, deleted brands) does not count.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { BETA_STEPS, type BetaStep } from '../../../core/beta/journey.ts';
import { DIMENSIONS } from '../../../core/diagnostic/questionnaire.ts';
import { canvasCompletion } from '../../../core/workspace/canvas-completion.ts';
import { type IdeaItems, moduleProgress } from '../../../core/workspace/idea-progress.ts';
import type { ItemData } from '../../../core/workspace/items.ts';
import type { Database } from '../../db/client.ts';
import {
  brands,
  chatMessages,
  chatSessions,
  diagnosticResults,
  documents,
  workspaceItems,
} from '../../db/schema.ts';

/** Which of `userIds` have given feedback through the feedback feature. */
export type FeedbackGiven = (userIds: readonly string[]) => Promise<ReadonlySet<string>>;

/** The kinds a module's progress and the canvas's completion are computed from. */
const PROGRESS_KINDS = [
  'learning',
  'insight',
  'trigger-assessment',
  'distinctive',
  'empathetic',
  'authentic',
  'canvas',
] as const;

export function createJourneyReader({
  database,
  feedbackGiven,
}: {
  database: Database;
  feedbackGiven?: FeedbackGiven | undefined;
}) {
  const { db } = database;

  async function usersWith(query: Promise<{ userId: string | null }[]>): Promise<Set<string>> {
    return new Set((await query).flatMap((row) => (row.userId ? [row.userId] : [])));
  }

  /** Per brand: has any module been started, and is the canvas complete. */
  async function progressUsers(userIds: readonly string[]) {
    const rows = await db
      .select({
        userId: workspaceItems.userId,
        brandId: workspaceItems.brandId,
        kind: workspaceItems.kind,
        data: workspaceItems.data,
      })
      .from(workspaceItems)
      .innerJoin(brands, eq(brands.id, workspaceItems.brandId))
      .where(
        and(
          inArray(workspaceItems.userId, [...userIds]),
          inArray(workspaceItems.kind, [...PROGRESS_KINDS]),
          isNull(workspaceItems.deletedAt),
          isNull(brands.deletedAt),
        ),
      );
    const byBrand = new Map<string, { userId: string; items: IdeaItems; canvas?: ItemData<'canvas'> }>();
    for (const row of rows) {
      const entry = byBrand.get(row.brandId) ?? { userId: row.userId, items: {} };
      if (row.kind === 'canvas') entry.canvas = row.data as ItemData<'canvas'>;
      else (entry.items as Record<string, unknown>)[row.kind] = row.data;
      byBrand.set(row.brandId, entry);
    }
    const module = new Set<string>();
    const canvas = new Set<string>();
    for (const { userId, items, canvas: canvasData } of byBrand.values()) {
      if (DIMENSIONS.some((dimension) => moduleProgress(dimension, items).percent > 0)) module.add(userId);
      if (canvasData && canvasCompletion(canvasData).percent === 100) canvas.add(userId);
    }
    return { module, canvas };
  }

  /** The steps each user has completed, in journey order; users with none map to an empty list. */
  async function completedSteps(userIds: readonly string[]): Promise<Map<string, BetaStep[]>> {
    const result = new Map<string, BetaStep[]>(userIds.map((id) => [id, []]));
    if (userIds.length === 0) return result;
    const ids = [...userIds];
    const [diagnostic, progress, avatar, coach, document, feedback] = await Promise.all([
      usersWith(
        db
          .selectDistinct({ userId: diagnosticResults.userId })
          .from(diagnosticResults)
          .where(and(inArray(diagnosticResults.userId, ids), isNull(diagnosticResults.deletedAt))),
      ),
      progressUsers(ids),
      usersWith(
        db
          .selectDistinct({ userId: workspaceItems.userId })
          .from(workspaceItems)
          .innerJoin(brands, eq(brands.id, workspaceItems.brandId))
          .where(
            and(
              inArray(workspaceItems.userId, ids),
              eq(workspaceItems.kind, 'avatar'),
              isNull(workspaceItems.deletedAt),
              isNull(brands.deletedAt),
            ),
          ),
      ),
      usersWith(
        db
          .selectDistinct({ userId: chatSessions.userId })
          .from(chatSessions)
          .where(
            and(
              inArray(chatSessions.userId, ids),
              isNull(chatSessions.deletedAt),
              sql`exists (select 1 from ${chatMessages} where ${chatMessages.sessionId} = ${chatSessions.id} and ${chatMessages.role} = 'user')`,
            ),
          ),
      ),
      usersWith(
        db
          .selectDistinct({ userId: documents.userId })
          .from(documents)
          .innerJoin(brands, eq(brands.id, documents.brandId))
          .where(and(inArray(documents.userId, ids), isNull(documents.deletedAt), isNull(brands.deletedAt))),
      ),
      feedbackGiven ? feedbackGiven(ids) : Promise.resolve(new Set<string>()),
    ]);
    const done: Record<BetaStep, ReadonlySet<string>> = {
      diagnostic,
      module: progress.module,
      avatar,
      canvas: progress.canvas,
      coach,
      document,
      feedback,
    };
    for (const userId of userIds) {
      result.set(
        userId,
        journeySteps(feedbackGiven !== undefined).filter((step) => done[step].has(userId)),
      );
    }
    return result;
  }

  return { completedSteps, steps: () => journeySteps(feedbackGiven !== undefined) };
}

export type JourneyReader = ReturnType<typeof createJourneyReader>;

/** The journey's steps; "give feedback" only when the feedback feature is there to tick it. */
function journeySteps(withFeedback: boolean): BetaStep[] {
  return BETA_STEPS.filter((step) => withFeedback || step !== 'feedback');
}
