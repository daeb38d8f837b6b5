/** The review analyser's reads and writes of `review_runs`, always scoped to the owner and brand. */
import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { reviewRuns } from '../../db/schema.ts';

export type ReviewRunRow = typeof reviewRuns.$inferSelect;
export type NewReviewRun = typeof reviewRuns.$inferInsert;

/** Everything but the reviews, for the list (a run may hold 5,000 of them). */
const summaryColumns = {
  id: reviewRuns.id,
  userId: reviewRuns.userId,
  brandId: reviewRuns.brandId,
  name: reviewRuns.name,
  source: reviewRuns.source,
  fileName: reviewRuns.fileName,
  avatarId: reviewRuns.avatarId,
  mapping: reviewRuns.mapping,
  reviewCount: reviewRuns.reviewCount,
  counts: sql<Record<string, number>>`${reviewRuns.result} -> 'counts'`,
  createdAt: reviewRuns.createdAt,
};
export type ReviewRunSummaryRow = {
  [Key in keyof typeof summaryColumns]: Key extends 'counts'
    ? Record<string, number>
    : ReviewRunRow[Key & keyof ReviewRunRow];
};

/** Cursor = creation time in ms + id, so pages stay stable while new runs arrive. */
export function encodeCursor(row: { createdAt: Date; id: string }): string {
  return `${String(row.createdAt.getTime()).padStart(13, '0')}_${row.id}`;
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [ms = '', id = ''] = cursor.split('_');
  return { createdAt: new Date(Number(ms)), id };
}

export function createReviewRunQueries(database: Database) {
  const { db } = database;
  const live = (userId: string, brandId: string) =>
    and(eq(reviewRuns.userId, userId), eq(reviewRuns.brandId, brandId), isNull(reviewRuns.deletedAt));

  return {
    async insert(values: NewReviewRun): Promise<ReviewRunRow> {
      const [row] = await db.insert(reviewRuns).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    async list(
      userId: string,
      brandId: string,
      page: { limit: number; cursor?: string | undefined },
    ): Promise<ReviewRunSummaryRow[]> {
      const after = page.cursor ? decodeCursor(page.cursor) : null;
      return (await db
        .select(summaryColumns)
        .from(reviewRuns)
        .where(
          and(
            live(userId, brandId),
            after
              ? or(
                  lt(reviewRuns.createdAt, after.createdAt),
                  and(eq(reviewRuns.createdAt, after.createdAt), lt(reviewRuns.id, after.id)),
                )
              : undefined,
          ),
        )
        .orderBy(desc(reviewRuns.createdAt), desc(reviewRuns.id))
        .limit(page.limit + 1)) as ReviewRunSummaryRow[];
    },

    async get(userId: string, brandId: string, runId: string): Promise<ReviewRunRow | null> {
      const [row] = await db
        .select()
        .from(reviewRuns)
        .where(and(eq(reviewRuns.id, runId), live(userId, brandId)));
      return row ?? null;
    },

    /** Soft delete; false when there was no live run of this owner and brand. */
    async softDelete(userId: string, brandId: string, runId: string): Promise<boolean> {
      const [row] = await db
        .update(reviewRuns)
        .set({ deletedAt: new Date() })
        .where(and(eq(reviewRuns.id, runId), live(userId, brandId)))
        .returning({ id: reviewRuns.id });
      return row !== undefined;
    },
  };
}
export type ReviewRunQueries = ReturnType<typeof createReviewRunQueries>;
