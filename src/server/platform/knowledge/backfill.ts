/**
 * Indexes what was saved before the knowledge index existed: every live workspace item of an indexed
 * kind and every owned diagnostic result that has no passages yet. Run once by the
 * `knowledge.backfill` job (src/server/jobs/knowledge-backfill.ts), safe to run again or on several
 * instances at once:
 *
 * - it walks each table by id (keyset pages), so it ends even though some sources legitimately have
 *   no passages (an empty canvas);
 * - each page is one transaction that locks its rows (`for update`) and only then checks which still
 *   have no passages, in a new statement: a save that committed meanwhile has indexed its item
 *   already and is skipped, and a save in progress waits for the page — the index never goes back to
 *   an older copy;
 * - a source that already has passages is never touched, so a second run changes nothing.
 */
import { and, asc, eq, gt, inArray, isNotNull, isNull, notExists, sql } from 'drizzle-orm';
import type { Database, Db } from '../../db/client.ts';
import { brands, diagnosticResults, knowledgeChunks, workspaceItems } from '../../db/schema.ts';
import type { KnowledgeIndex, KnowledgeSource } from './index.ts';
import { diagnosticKnowledgeSource, INDEXED_ITEM_KINDS, itemKnowledgeSource } from './sources.ts';

export interface BackfillReport {
  /** Sources that got passages in this run. */
  itemsIndexed: number;
  diagnosticsIndexed: number;
  /** Sources examined (those with no passages when their page was read). */
  examined: number;
}

export const BACKFILL_PAGE_SIZE = 100;

/** Sorts before every uuid: where each walk starts. */
const FIRST_ID = '00000000-0000-0000-0000-000000000000';

/** One page of candidates after `cursor` (by id), locked for the page's transaction. */
type PageQuery = (
  tx: Db,
  cursor: string,
  limit: number,
) => Promise<{ id: string; source: KnowledgeSource | null }[]>;

const hasNoPassages = (tx: Db, sourceId: typeof workspaceItems.id | typeof diagnosticResults.id) =>
  notExists(tx.select({ one: sql`1` }).from(knowledgeChunks).where(eq(knowledgeChunks.sourceId, sourceId)));

const itemPage: PageQuery = async (tx, cursor, limit) => {
  const rows = await tx
    .select({ item: workspaceItems })
    .from(workspaceItems)
    .innerJoin(brands, and(eq(brands.id, workspaceItems.brandId), isNull(brands.deletedAt)))
    .where(
      and(
        gt(workspaceItems.id, cursor),
        isNull(workspaceItems.deletedAt),
        inArray(workspaceItems.kind, INDEXED_ITEM_KINDS),
        hasNoPassages(tx, workspaceItems.id),
      ),
    )
    .orderBy(asc(workspaceItems.id))
    .limit(limit)
    .for('update', { of: workspaceItems });
  return rows.map(({ item }) => ({ id: item.id, source: itemKnowledgeSource(item) }));
};

const diagnosticPage: PageQuery = async (tx, cursor, limit) => {
  const rows = await tx
    .select({ result: diagnosticResults })
    .from(diagnosticResults)
    .innerJoin(brands, and(eq(brands.id, diagnosticResults.brandId), isNull(brands.deletedAt)))
    .where(
      and(
        gt(diagnosticResults.id, cursor),
        isNotNull(diagnosticResults.userId),
        isNull(diagnosticResults.deletedAt),
        hasNoPassages(tx, diagnosticResults.id),
      ),
    )
    .orderBy(asc(diagnosticResults.id))
    .limit(limit)
    .for('update', { of: diagnosticResults });
  return rows.map(({ result }) => ({ id: result.id, source: diagnosticKnowledgeSource(result) }));
};

export function createKnowledgeBackfill(deps: {
  database: Database;
  knowledge: Pick<KnowledgeIndex, 'replaceSource'>;
  pageSize?: number;
}) {
  const { database, knowledge } = deps;
  const pageSize = deps.pageSize ?? BACKFILL_PAGE_SIZE;

  /** One page: lock the candidates, keep those that still have no passages, index them. */
  async function indexPage(query: PageQuery, cursor: string) {
    return database.db.transaction(async (tx) => {
      const candidates = await query(tx, cursor, pageSize);
      const last = candidates.at(-1)?.id ?? null;
      if (candidates.length === 0) return { last, examined: 0, indexed: 0 };
      // A new statement sees what committed while the page waited for its locks.
      const indexedMeanwhile = await tx
        .selectDistinct({ sourceId: knowledgeChunks.sourceId })
        .from(knowledgeChunks)
        .where(
          inArray(
            knowledgeChunks.sourceId,
            candidates.map((candidate) => candidate.id),
          ),
        );
      const skip = new Set(indexedMeanwhile.map((row) => row.sourceId));
      let indexed = 0;
      for (const { id, source } of candidates) {
        if (skip.has(id) || !source) continue;
        if ((await knowledge.replaceSource(tx, source)) > 0) indexed += 1;
      }
      return { last, examined: candidates.length, indexed };
    });
  }

  async function walk(query: PageQuery): Promise<{ examined: number; indexed: number }> {
    let cursor = FIRST_ID;
    let examined = 0;
    let indexed = 0;
    for (;;) {
      const page = await indexPage(query, cursor);
      examined += page.examined;
      indexed += page.indexed;
      if (!page.last) return { examined, indexed };
      cursor = page.last;
    }
  }

  return {
    async run(): Promise<BackfillReport> {
      const items = await walk(itemPage);
      const diagnostics = await walk(diagnosticPage);
      return {
        itemsIndexed: items.indexed,
        diagnosticsIndexed: diagnostics.indexed,
        examined: items.examined + diagnostics.examined,
      };
    },
  };
}

export type KnowledgeBackfill = ReturnType<typeof createKnowledgeBackfill>;
