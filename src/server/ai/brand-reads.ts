/**
 * What the coach reads about a brand, in one statement per task: the brand (only if it is the user's
 * and live) with its live items, its latest diagnostic result and the facts the owner confirmed.
 * Three context sources read from it — the workspace, the diagnostic and brand memory — and it is
 * read once per context build however many of them a task names: an AI task was six round-trips,
 * three of them these (ADR 0055). No rows at all is a brand that is not the user's: a 404 before
 * anything is counted against the quota.
 */
import { and, asc, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import { type Database, tableRows } from '../db/client.ts';
import { brandMemories, brands, diagnosticResults, workspaceItems } from '../db/schema.ts';
import { AppError } from '../platform/errors.ts';
import { type BrandWorkspace, workspaceFromRows } from '../platform/workspace-store.ts';
import type { SourceRequest } from './context.ts';

export type DiagnosticRow = typeof diagnosticResults.$inferSelect;

export interface CoachBrandReads {
  workspace: BrandWorkspace;
  latestDiagnostic: DiagnosticRow | null;
  /** Newest first, as brand memory lists them. */
  memoryFacts: string[];
}

export function createCoachBrandReads(database: Database) {
  const userId = sql.placeholder('userId');
  const brandId = sql.placeholder('brandId');
  const diagnosticColumns = sql.join(
    Object.values(getTableColumns(diagnosticResults)).map((column) => sql.identifier(column.name)),
    sql`, `,
  );
  // Both name the brand by the placeholders, not the joined row: PostgreSQL runs each once per read.
  const latestDiagnostic = sql<Record<string, unknown> | null>`(
    select row_to_json(latest) from (
      select ${diagnosticColumns} from ${diagnosticResults}
      where user_id = ${userId} and brand_id = ${brandId} and deleted_at is null
      order by created_at desc, id desc
      limit 1) latest)`;
  const memoryFacts = sql<string[] | null>`(
    select json_agg(fact.text order by fact.updated_at desc, fact.id desc)
    from ${brandMemories} fact
    where fact.user_id = ${userId} and fact.brand_id = ${brandId} and fact.deleted_at is null)`;
  const read = database.db
    .select({ brand: brands, item: workspaceItems, latestDiagnostic, memoryFacts })
    .from(brands)
    .leftJoin(workspaceItems, and(eq(workspaceItems.brandId, brands.id), isNull(workspaceItems.deletedAt)))
    .where(and(eq(brands.id, brandId), eq(brands.userId, userId), isNull(brands.deletedAt)))
    .orderBy(asc(workspaceItems.createdAt), asc(workspaceItems.id))
    .prepare('coach_brand_reads');

  async function load(userId: string, brandId: string): Promise<CoachBrandReads> {
    const rows = await read.execute({ userId, brandId });
    const workspace = workspaceFromRows(rows);
    const [first] = rows;
    if (!workspace || !first) throw new AppError(404, 'NOT_FOUND', 'That brand was not found.');
    const [latest] = first.latestDiagnostic ? tableRows(diagnosticResults, [first.latestDiagnostic]) : [];
    return { workspace, latestDiagnostic: latest ?? null, memoryFacts: first.memoryFacts ?? [] };
  }

  /** The request's brand as the coach reads it; read once per context build. */
  return (
    request: Pick<SourceRequest, 'userId' | 'shared'> & { brandId: string },
  ): Promise<CoachBrandReads> =>
    request.shared('coach-brand-reads', () => load(request.userId, request.brandId));
}
export type CoachBrandReader = ReturnType<typeof createCoachBrandReads>;
