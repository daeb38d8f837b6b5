/**
 * The dashboard's one read: the brand (only if it is the user's and live), the data of each of its
 * live items (of an avatar, its name) and the scores of its latest diagnostic, as one prepared statement — the dashboard is
 * a quarter of what signed-in users request, and this was two round-trips (ADR 0055).
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { brands, diagnosticResults, workspaceItems } from '../../db/schema.ts';

/** The latest diagnostic's scores: overall, then insight, distinctive, empathetic, authentic. */
export type LatestScores = [number, number, number, number, number];

export interface ProgressRow {
  kind: string | null;
  singletonKey: string | null;
  data: Record<string, unknown> | null;
  latestScores: LatestScores | null;
}

export function createDashboardQueries(database: Database) {
  const userId = sql.placeholder('userId');
  const brandId = sql.placeholder('brandId');
  // Uncorrelated (it names the brand by the placeholder, not the joined row): PostgreSQL runs it once.
  const latestScores = sql<LatestScores | null>`(
    select json_build_array(d.overall_score, d.insight_score, d.distinctive_score, d.empathetic_score, d.authentic_score)
    from ${diagnosticResults} d
    where d.user_id = ${userId} and d.brand_id = ${brandId} and d.deleted_at is null
    order by d.created_at desc, d.id desc
    limit 1)`;
  // Progress reads the singletons' whole data but only an avatar's name: an avatar (profile,
  // imported reviews, their analysis) can be tens of KB, and a brand has up to 50 of them.
  const data = sql<Record<string, unknown> | null>`case when ${workspaceItems.kind} = 'avatar'
    then jsonb_build_object('name', ${workspaceItems.data} -> 'name') else ${workspaceItems.data} end`;
  const progressRows = database.db
    .select({
      kind: workspaceItems.kind,
      singletonKey: workspaceItems.singletonKey,
      data,
      latestScores,
    })
    .from(brands)
    .leftJoin(workspaceItems, and(eq(workspaceItems.brandId, brands.id), isNull(workspaceItems.deletedAt)))
    .where(and(eq(brands.id, brandId), eq(brands.userId, userId), isNull(brands.deletedAt)))
    .orderBy(asc(workspaceItems.createdAt), asc(workspaceItems.id))
    .prepare('dashboard_progress');

  return {
    /** No rows at all: not the user's brand (or deleted). One row with no item: a brand not started. */
    async progressRows(userId: string, brandId: string): Promise<ProgressRow[]> {
      return progressRows.execute({ userId, brandId });
    },
  };
}
export type DashboardQueries = ReturnType<typeof createDashboardQueries>;
