/**
 * The buyer-intent research tables: runs (newest first, soft-deleted) and each brand's list of brand
 * names (one row per brand, replaced on save). Every query is scoped to the user and the brand, so
 * another user's run is simply not found.
 */
import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { researchBrandNames, researchIntentRuns } from '../../db/schema.ts';

export type RunRow = typeof researchIntentRuns.$inferSelect;
export type NewRun = typeof researchIntentRuns.$inferInsert;

/** Cursor = creation time in ms + id, so pages stay stable while new runs arrive. */
export function encodeCursor(row: Pick<RunRow, 'createdAt' | 'id'>): string {
  return `${String(row.createdAt.getTime()).padStart(13, '0')}_${row.id}`;
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [ms = '', id = ''] = cursor.split('_');
  return { createdAt: new Date(Number(ms)), id };
}

/** The columns a list shows: everything but the grouped result. */
const summaryColumns = {
  id: researchIntentRuns.id,
  userId: researchIntentRuns.userId,
  brandId: researchIntentRuns.brandId,
  name: researchIntentRuns.name,
  source: researchIntentRuns.source,
  fileName: researchIntentRuns.fileName,
  industry: researchIntentRuns.industry,
  termCount: researchIntentRuns.termCount,
  totalTerms: researchIntentRuns.totalTerms,
  counts: researchIntentRuns.counts,
  volumeLabel: researchIntentRuns.volumeLabel,
  hasClicks: researchIntentRuns.hasClicks,
  provider: researchIntentRuns.provider,
  model: researchIntentRuns.model,
  promptVersion: researchIntentRuns.promptVersion,
  cached: researchIntentRuns.cached,
  notice: researchIntentRuns.notice,
  aiCallId: researchIntentRuns.aiCallId,
  createdAt: researchIntentRuns.createdAt,
};
export type RunSummaryRow = Omit<RunRow, 'result' | 'deletedAt' | 'updatedAt'>;

export function createResearchIntentQueries(database: Database) {
  const { db } = database;
  const liveRun = (userId: string, brandId: string, runId: string) =>
    and(
      eq(researchIntentRuns.id, runId),
      eq(researchIntentRuns.userId, userId),
      eq(researchIntentRuns.brandId, brandId),
      isNull(researchIntentRuns.deletedAt),
    );

  return {
    async insertRun(run: NewRun): Promise<RunRow> {
      const [row] = await db.insert(researchIntentRuns).values(run).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    /** One page of a brand's live runs, newest first, and whether there is another. */
    async listRuns(
      userId: string,
      brandId: string,
      page: { limit: number; cursor?: string | undefined },
    ): Promise<{ rows: RunSummaryRow[]; more: boolean }> {
      const after = page.cursor ? decodeCursor(page.cursor) : null;
      const rows = await db
        .select(summaryColumns)
        .from(researchIntentRuns)
        .where(
          and(
            eq(researchIntentRuns.userId, userId),
            eq(researchIntentRuns.brandId, brandId),
            isNull(researchIntentRuns.deletedAt),
            after
              ? or(
                  lt(researchIntentRuns.createdAt, after.createdAt),
                  and(eq(researchIntentRuns.createdAt, after.createdAt), lt(researchIntentRuns.id, after.id)),
                )
              : undefined,
          ),
        )
        .orderBy(desc(researchIntentRuns.createdAt), desc(researchIntentRuns.id))
        .limit(page.limit + 1);
      return { rows: rows.slice(0, page.limit), more: rows.length > page.limit };
    },

    async getRun(userId: string, brandId: string, runId: string): Promise<RunRow | null> {
      const [row] = await db
        .select()
        .from(researchIntentRuns)
        .where(liveRun(userId, brandId, runId))
        .limit(1);
      return row ?? null;
    },

    /** Soft delete; false when there was no such live run of this user's brand. */
    async softDeleteRun(userId: string, brandId: string, runId: string): Promise<boolean> {
      const rows = await db
        .update(researchIntentRuns)
        .set({ deletedAt: new Date() })
        .where(liveRun(userId, brandId, runId))
        .returning({ id: researchIntentRuns.id });
      return rows.length > 0;
    },

    async getBrandNames(
      userId: string,
      brandId: string,
    ): Promise<{ own: string[]; competitors: string[]; updatedAt: Date } | null> {
      const [row] = await db
        .select({
          own: researchBrandNames.own,
          competitors: researchBrandNames.competitors,
          updatedAt: researchBrandNames.updatedAt,
        })
        .from(researchBrandNames)
        .where(and(eq(researchBrandNames.userId, userId), eq(researchBrandNames.brandId, brandId)))
        .limit(1);
      return row ?? null;
    },

    /** Replaces the brand's list (one row per brand, so two saves at once leave one list). */
    async saveBrandNames(
      userId: string,
      brandId: string,
      names: { own: string[]; competitors: string[] },
    ): Promise<{ own: string[]; competitors: string[]; updatedAt: Date }> {
      const [row] = await db
        .insert(researchBrandNames)
        .values({ userId, brandId, own: names.own, competitors: names.competitors })
        .onConflictDoUpdate({
          target: researchBrandNames.brandId,
          set: { own: names.own, competitors: names.competitors, updatedAt: sql`now()` },
        })
        .returning({
          own: researchBrandNames.own,
          competitors: researchBrandNames.competitors,
          updatedAt: researchBrandNames.updatedAt,
        });
      if (!row) throw new Error('upsert returned no row');
      return row;
    },
  };
}
export type ResearchIntentQueries = ReturnType<typeof createResearchIntentQueries>;
