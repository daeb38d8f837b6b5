/**
 * The brand knowledge index: one table of passages over everything the owner wrote, searched with
 * PostgreSQL full-text search (works on PGlite and with no AI key). Sources keep their passages
 * current by replacing them whenever they change — in the same transaction as the change where
 * there is one — so a search never sees a half-indexed source.
 *
 * Where vectors are available (an embedding model and the `vector` extension, ADR 0036), a search
 * also ranks the brand's passages by meaning and fuses both rankings by reciprocal rank; without
 * them — or when the question cannot be embedded right now — the results are full-text's alone.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Chunk, chunkSections, type Section } from '../../../core/knowledge/chunking.ts';
import { asksForExactWords } from '../../../core/knowledge/query-syntax.ts';
import { reciprocalRankFusion } from '../../../core/knowledge/rank-fusion.ts';
import { plainSnippet, withEdgeEllipses } from '../../../core/knowledge/snippet.ts';
import type { KnowledgeSourceType } from '../../../core/knowledge/sources.ts';
import type { Database, Db } from '../../db/client.ts';
import { knowledgeChunks } from '../../db/schema.ts';
import { NEWEST_DIAGNOSTIC_ONLY } from './newest-diagnostic.ts';
import type { KnowledgeVectors, NearPassage } from './vectors.ts';

export interface SourceRef {
  sourceType: KnowledgeSourceType;
  sourceId: string;
}

export interface KnowledgeSource extends SourceRef {
  userId: string;
  brandId: string;
  sections: readonly Section[];
}

/** A passage as retrieval ranks it: what the coach reads and cites. */
export interface KnowledgePassage extends SourceRef {
  chunkId: string;
  label: string;
  text: string;
  locator: Chunk['locator'];
  /** Full-text rank; with vectors, the fused reciprocal-rank score. Higher is better either way. */
  rank: number;
}

/** A passage as the search box shows it. */
export interface KnowledgeHit extends KnowledgePassage {
  /** The best fragments with the matched words marked: alternating plain and matched parts. */
  snippet: { text: string; match: boolean }[];
}

export interface SearchRequest {
  userId: string;
  brandId: string;
  query: string;
  sourceTypes?: readonly KnowledgeSourceType[];
  limit?: number;
}

/** Control characters other than tab and newline carry no meaning in a passage; drop them. */
function cleanText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** A source's passages as stored: its sections cleaned and chunked. */
function passagesOf(source: Pick<KnowledgeSource, 'sections'>): Chunk[] {
  return chunkSections(
    source.sections.map((section) => ({
      ...section,
      label: cleanText(section.label),
      text: cleanText(section.text),
    })),
  );
}

// Matched words in ts_headline output are wrapped in these; passage text never contains them
// because cleanText removes control characters at indexing.
const MATCH_START = '\u0002';
const MATCH_END = '\u0003';
const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxFragments=2, MinWords=6, MaxWords=28, FragmentDelimiter=" … "`;

function snippetParts(headline: string): KnowledgeHit['snippet'] {
  const parts: KnowledgeHit['snippet'] = [];
  for (const piece of headline.split(MATCH_START)) {
    const end = piece.indexOf(MATCH_END);
    if (end === -1) {
      if (piece) parts.push({ text: piece, match: false });
      continue;
    }
    parts.push({ text: piece.slice(0, end), match: true });
    if (end + 1 < piece.length) parts.push({ text: piece.slice(end + 1), match: false });
  }
  return parts;
}

interface HitRow extends Record<string, unknown> {
  id: string;
  source_type: KnowledgeSourceType;
  source_id: string;
  label: string;
  text: string;
  locator: Chunk['locator'];
  rank: number;
  headline: string;
}

function toPassage(row: HitRow): KnowledgePassage {
  return {
    chunkId: row.id,
    sourceType: row.source_type,
    sourceId: row.source_id,
    label: row.label,
    text: row.text,
    locator: row.locator,
    rank: Number(row.rank),
  };
}

function toHit(row: HitRow): KnowledgeHit {
  return { ...toPassage(row), snippet: withEdgeEllipses(snippetParts(row.headline), row.text) };
}

function nearPassage(row: NearPassage, rank: number): KnowledgePassage {
  return {
    chunkId: row.id,
    sourceType: row.source_type,
    sourceId: row.source_id,
    label: row.label,
    text: row.text,
    locator: row.locator,
    rank,
  };
}

/**
 * The first `limit` of both rankings fused by reciprocal rank (scores as ranks), each marked with
 * whether full text found it (only those have a headline to show).
 */
function fuseRankings(
  words: readonly KnowledgePassage[],
  near: readonly NearPassage[],
  limit: number,
): { passage: KnowledgePassage; foundByWords: boolean }[] {
  const byWords = new Map(words.map((passage) => [passage.chunkId, passage]));
  const byMeaning = new Map(near.map((row) => [row.id, row]));
  const fused = reciprocalRankFusion([words.map((passage) => passage.chunkId), near.map((row) => row.id)]);
  return fused
    .slice(0, limit)
    .flatMap(({ id, score }): { passage: KnowledgePassage; foundByWords: boolean }[] => {
      const wordPassage = byWords.get(id);
      if (wordPassage) return [{ passage: { ...wordPassage, rank: score }, foundByWords: true }];
      const row = byMeaning.get(id);
      return row ? [{ passage: nearPassage(row, score), foundByWords: false }] : [];
    });
}

export interface KnowledgeIndexOptions {
  /** Vector search, where the embedding model and the extension are available (ADR 0036). */
  vectors?: KnowledgeVectors | null;
  /**
   * Told (without waiting) whenever passages were inserted, so their vectors get made. Called inside
   * the caller's transaction: it must not wait on the database itself.
   */
  onPassagesAdded?: () => void;
}

function resultLimit(request: SearchRequest): number {
  return Math.min(Math.max(request.limit ?? 10, 1), 50);
}

/** How deep each ranking goes before fusing: results past it could not reach the top anyway. */
function candidateCount(limit: number): number {
  return Math.min(Math.max(limit * 3, 30), 100);
}

export function createKnowledgeIndex(database: Database, options: KnowledgeIndexOptions = {}) {
  const vectors = options.vectors ?? null;

  // The search box means "all these words" (websearch syntax: quotes, or, -word); the coach's
  // question means "the passages sharing most of its words", so its terms are OR-ed and ranked.
  const tsQuery = (mode: 'all-words' | 'any-word', param: string) =>
    mode === 'all-words'
      ? `websearch_to_tsquery('english', ${param})`
      : `nullif(replace(plainto_tsquery('english', ${param})::text, '&', '|'), '')::tsquery`;

  /**
   * `headlines: false` leaves them out: fused searches rank more candidates than they show, and the
   * coach reads whole passages, while ts_headline is the costly part of the query (two thirds of the
   * coach's retrieval time under the load bench, ADR 0056).
   */
  async function fullText(
    request: SearchRequest,
    mode: 'all-words' | 'any-word',
    limit: number,
    /** Headlines for the search box's snippets; the coach's retrieval leaves superseded diagnostic results out. */
    scope: { headlines: boolean; newestDiagnosticOnly: boolean },
  ): Promise<HitRow[]> {
    const { headlines } = scope;
    const current = scope.newestDiagnosticOnly ? `and ${NEWEST_DIAGNOSTIC_ONLY('c')}` : '';
    const types = request.sourceTypes && request.sourceTypes.length > 0 ? [...request.sourceTypes] : null;
    const query = tsQuery(mode, '$3');
    // ts_rank, not ts_rank_cd: every matching passage is ranked, and a common word matches most of a
    // brand's; cover density cost three times as much on a question's OR-ed words for the same
    // recall on the quality set (`npm run bench:knowledge`, retrieval-quality.int.test.ts).
    return database.query<HitRow>(
      `select c.id, c.source_type, c.source_id::text as source_id, c.label, c.text, c.locator,
              ts_rank(c.search, q.query, 1) as rank,
              ${headlines ? `ts_headline('english', c.text, q.query, '${HEADLINE_OPTIONS}')` : `''`} as headline
       from (select ${query} as query) q
       join knowledge_chunks c on c.search @@ q.query
       join brands b on b.id = c.brand_id and b.deleted_at is null
       where c.user_id = $1 and c.brand_id = $2 and ($4::text[] is null or c.source_type = any($4::text[]))
         ${current}
       order by rank desc, c.source_id, c.position
       limit ${limit}`,
      [request.userId, request.brandId, request.query, types],
      // One text per mode, limit and scope: a small fixed set.
      { prepared: true },
    );
  }

  async function headlinesOf(
    ids: string[],
    query: string,
    mode: 'all-words' | 'any-word',
  ): Promise<Map<string, KnowledgeHit['snippet']>> {
    if (ids.length === 0) return new Map();
    const rows = await database.query<{ id: string; headline: string; text: string }>(
      `select c.id, c.text, ts_headline('english', c.text, q.query, '${HEADLINE_OPTIONS}') as headline
       from (select ${tsQuery(mode, '$2')} as query) q
       join knowledge_chunks c on c.id = any($1::uuid[])`,
      [ids, query],
    );
    return new Map(rows.map((row) => [row.id, withEdgeEllipses(snippetParts(row.headline), row.text)]));
  }

  /** Whether a search can rank by meaning too: vectors exist for the brand and the query is not exact words. */
  async function byMeaningToo(request: SearchRequest, mode: 'all-words' | 'any-word'): Promise<boolean> {
    if (!vectors) return false;
    if (mode === 'all-words' && asksForExactWords(request.query)) return false;
    return vectors.hasEmbeddings(request.userId, request.brandId);
  }

  /**
   * Full text's candidates (no headlines) and, where vectors are available, the nearest by meaning;
   * `near` is null when the question cannot be embedded right now (full text alone answers then).
   */
  async function candidates(
    request: SearchRequest,
    mode: 'all-words' | 'any-word',
    limit: number,
    newestDiagnosticOnly: boolean,
  ) {
    const depth = candidateCount(limit);
    const [wordRows, vector] = await Promise.all([
      fullText(request, mode, depth, { headlines: false, newestDiagnosticOnly }),
      // Only called when vectors exist (byMeaningToo).
      vectors ? vectors.embedQuestion(request.userId, request.query) : null,
    ]);
    const words = wordRows.map(toPassage);
    if (!vector || !vectors) return { words, near: null };
    const near = await vectors.nearest({
      userId: request.userId,
      brandId: request.brandId,
      vector,
      sourceTypes: request.sourceTypes ?? null,
      limit: depth,
      newestDiagnosticOnly,
    });
    return { words, near };
  }

  async function search(request: SearchRequest): Promise<KnowledgeHit[]> {
    const mode = 'all-words';
    const limit = resultLimit(request);
    const scope = { headlines: true, newestDiagnosticOnly: false };
    if (!(await byMeaningToo(request, mode))) return (await fullText(request, mode, limit, scope)).map(toHit);
    const { words, near } = await candidates(request, mode, limit, false);
    if (!near) return (await fullText(request, mode, limit, scope)).map(toHit);
    const fused = fuseRankings(words, near, limit);
    const snippets = await headlinesOf(
      fused.flatMap(({ passage, foundByWords }) => (foundByWords ? [passage.chunkId] : [])),
      request.query,
      mode,
    );
    return fused.map(({ passage, foundByWords }) => ({
      ...passage,
      snippet: foundByWords ? (snippets.get(passage.chunkId) ?? []) : plainSnippet(passage.text),
    }));
  }

  async function retrieve(request: SearchRequest): Promise<KnowledgePassage[]> {
    const mode = 'any-word';
    const limit = resultLimit(request);
    if (!(await byMeaningToo(request, mode))) {
      return (await fullText(request, mode, limit, { headlines: false, newestDiagnosticOnly: true })).map(
        toPassage,
      );
    }
    const { words, near } = await candidates(request, mode, limit, true);
    if (!near) return words.slice(0, limit);
    return fuseRankings(words, near, limit).map(({ passage }) => passage);
  }

  return {
    /**
     * Replaces every passage of one source with the passages of its current sections. Pass the
     * transaction that changes the source so both commit together.
     */
    async replaceSource(db: Db, source: KnowledgeSource): Promise<number> {
      await db
        .delete(knowledgeChunks)
        .where(
          and(
            eq(knowledgeChunks.sourceType, source.sourceType),
            eq(knowledgeChunks.sourceId, source.sourceId),
          ),
        );
      const chunks = passagesOf(source);
      if (chunks.length === 0) return 0;
      await db.insert(knowledgeChunks).values(
        chunks.map((chunk, position) => ({
          userId: source.userId,
          brandId: source.brandId,
          sourceType: source.sourceType,
          sourceId: source.sourceId,
          position,
          label: chunk.label,
          text: chunk.text,
          locator: chunk.locator,
        })),
      );
      if (vectors) options.onPassagesAdded?.();
      return chunks.length;
    },

    /**
     * A source's sections as the `rows` value of `passageReplacement` (jsonb text; `[]` for none),
     * and how many there are.
     */
    passageRows(sections: readonly Section[] | null): { rows: string; count: number } {
      const chunks = sections ? passagesOf({ sections }) : [];
      return {
        rows: JSON.stringify(
          chunks.map((chunk, position) => ({
            position,
            label: chunk.label,
            text: chunk.text,
            locator: chunk.locator,
          })),
        ),
        count: chunks.length,
      };
    },

    /** Call after a statement with `passageReplacement` parts stored passages (embeds them later). */
    passagesAdded(): void {
      if (vectors) options.onPassagesAdded?.();
    },

    async removeSource(db: Db, source: SourceRef): Promise<void> {
      await db
        .delete(knowledgeChunks)
        .where(
          and(
            eq(knowledgeChunks.sourceType, source.sourceType),
            eq(knowledgeChunks.sourceId, source.sourceId),
          ),
        );
    },

    /** The search box: every word must match (websearch syntax), best first, with snippets. */
    search,

    /** For the coach: the passages that share most of the question's words (no snippets). */
    retrieve,

    async countForBrand(brandId: string): Promise<number> {
      const [row] = await database.db
        .select({ count: sql<number>`count(*)::int` })
        .from(knowledgeChunks)
        .where(eq(knowledgeChunks.brandId, brandId));
      return row?.count ?? 0;
    },
  };
}

export type KnowledgeIndex = ReturnType<typeof createKnowledgeIndex>;

/**
 * The same replacement as `replaceSource`, as parts (`name as (…)`) of the caller's own statement:
 * a write and its passages in one data-modifying `WITH`, one round-trip instead of a transaction's
 * five (the hot saves, ADR 0054). Every value is an SQL expression, so a compiled statement can pass
 * placeholders (ADR 0055); `rows` is `passageRows(…).rows` as jsonb. Each part runs only when
 * `guard` holds — the caller's write happened. A statement's parts see the rows as they were before
 * it, so the delete never sees the passages inserted beside it. Unlike `replaceSource`, it leaves
 * the passages that did not change in place.
 */
export function passageReplacement(values: {
  userId: SQL;
  brandId: SQL;
  sourceType: SQL;
  sourceId: SQL;
  rows: SQL;
  guard: SQL;
}): SQL {
  const { userId, brandId, sourceType, sourceId, rows, guard } = values;
  // A passage the save leaves as it was (same place, label, text and locator) is neither deleted
  // nor inserted again: a save usually changes one field, and an unchanged passage keeps its row,
  // its search entry and its embedding.
  const same = (stored: SQL, passage: SQL) => sql`${stored}.position = ${passage}.position
        and ${stored}.label = ${passage}.label and ${stored}.text = ${passage}.text
        and ${stored}.locator = ${passage}.locator`;
  return sql`passages_wanted as (
      select * from jsonb_to_recordset(${rows}::jsonb)
        as passage(position integer, label text, text text, locator jsonb)),
    passages_cleared as (
      delete from ${knowledgeChunks} stored
      where stored.source_type = ${sourceType}::text and stored.source_id = ${sourceId}::uuid
        and ${guard}
        and not exists (select 1 from passages_wanted wanted where ${same(sql`stored`, sql`wanted`)})),
    passages_added as (
      insert into ${knowledgeChunks} (user_id, brand_id, source_type, source_id, position, label, text, locator)
      select ${userId}::uuid, ${brandId}::uuid, ${sourceType}::text, ${sourceId}::uuid,
        wanted.position, wanted.label, wanted.text, wanted.locator
      from passages_wanted wanted
      where ${guard}
        and not exists (
          select 1 from ${knowledgeChunks} stored
          where stored.source_type = ${sourceType}::text and stored.source_id = ${sourceId}::uuid
            and ${same(sql`stored`, sql`wanted`)}))`;
}
