/**
 * Brand memory: the facts an owner confirmed about one of their brands. Every fact belongs to a live
 * brand of its owner (anyone else's brand or fact is a 404, like one that does not exist); a brand
 * holds at most BRAND_MEMORY_MAX_PER_BRAND facts and never the same fact twice. Each fact is also a
 * passage of the brand knowledge index, replaced and removed in the transaction that changes it, so
 * search and the coach's citations find it the moment it is saved.
 */
import { and, asc, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  BRAND_MEMORY_MAX_PER_BRAND,
  type BrandMemory,
  type BrandMemoryList,
  type createBrandMemorySchema,
  type updateBrandMemorySchema,
} from '../../../core/brand-memory/contracts.ts';
import { sameFact } from '../../../core/brand-memory/limits.ts';
import type { Database, Db } from '../../db/client.ts';
import { brandMemories, brands } from '../../db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { KnowledgeIndex } from '../../platform/knowledge/index.ts';
import { memoryKnowledgeSource } from '../../platform/knowledge/sources.ts';
import type { WorkspaceStore } from '../../platform/workspace-store.ts';

type MemoryRow = typeof brandMemories.$inferSelect;

function toMemory(row: MemoryRow): BrandMemory {
  return {
    id: row.id,
    brandId: row.brandId,
    text: row.text,
    source: row.source,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const notFound = () => new AppError(404, 'NOT_FOUND', 'That remembered fact was not found.');

function alreadyRemembered(existing: MemoryRow): AppError {
  return new AppError(409, 'CONFLICT', 'The coach already remembers this fact for this brand.', {
    current: toMemory(existing),
  });
}

export interface BrandMemoryDeps {
  database: Database;
  brands: Pick<WorkspaceStore, 'requireBrand'>;
  knowledge: Pick<KnowledgeIndex, 'replaceSource' | 'removeSource'>;
}

export function createBrandMemoryService(deps: BrandMemoryDeps) {
  const { db } = deps.database;
  const { knowledge } = deps;

  const live = (userId: string, brandId: string) =>
    and(
      eq(brandMemories.userId, userId),
      eq(brandMemories.brandId, brandId),
      isNull(brandMemories.deletedAt),
    );

  // Read for every coach answer about a brand: prepared once (named statement, SQL built once).
  const liveFacts = db
    .select({ text: brandMemories.text })
    .from(brandMemories)
    .where(
      and(
        eq(brandMemories.userId, sql.placeholder('userId')),
        eq(brandMemories.brandId, sql.placeholder('brandId')),
        isNull(brandMemories.deletedAt),
      ),
    )
    .orderBy(desc(brandMemories.updatedAt), desc(brandMemories.id))
    .prepare('brand_memory_live_facts');

  /** The brand's live facts, in the order they were remembered. */
  async function rows(tx: Db, userId: string, brandId: string): Promise<MemoryRow[]> {
    return tx
      .select()
      .from(brandMemories)
      .where(live(userId, brandId))
      .orderBy(asc(brandMemories.createdAt), asc(brandMemories.id));
  }

  /** The fact if the user owns it and neither it nor its brand is deleted. */
  async function ownedRow(tx: Db, userId: string, memoryId: string): Promise<MemoryRow> {
    const [row] = await tx
      .select({ memory: brandMemories })
      .from(brandMemories)
      .innerJoin(brands, and(eq(brands.id, brandMemories.brandId), isNull(brands.deletedAt)))
      .where(
        and(
          eq(brandMemories.id, memoryId),
          eq(brandMemories.userId, userId),
          isNull(brandMemories.deletedAt),
        ),
      );
    if (!row) throw notFound();
    return row.memory;
  }

  /**
   * Holds the brand for the rest of the transaction: two saves to one brand at once queue here, so
   * neither the limit nor the no-duplicates rule can be passed by racing.
   */
  async function lockBrand(tx: Db, brandId: string): Promise<void> {
    await tx.select({ id: brands.id }).from(brands).where(eq(brands.id, brandId)).for('update');
  }

  return {
    async list(userId: string, brandId: string): Promise<BrandMemoryList> {
      await deps.brands.requireBrand(userId, brandId);
      return { memories: (await rows(db, userId, brandId)).map(toMemory), limit: BRAND_MEMORY_MAX_PER_BRAND };
    },

    async create(
      userId: string,
      brandId: string,
      body: z.output<typeof createBrandMemorySchema>,
    ): Promise<BrandMemory> {
      await deps.brands.requireBrand(userId, brandId);
      return db.transaction(async (tx) => {
        await lockBrand(tx, brandId);
        const existing = await rows(tx, userId, brandId);
        const same = existing.find((row) => sameFact(row.text, body.text));
        if (same) throw alreadyRemembered(same);
        if (existing.length >= BRAND_MEMORY_MAX_PER_BRAND) {
          throw new AppError(
            409,
            'CONFLICT',
            `The coach can remember up to ${BRAND_MEMORY_MAX_PER_BRAND} facts per brand. Delete or combine some before adding another.`,
          );
        }
        const [row] = await tx
          .insert(brandMemories)
          .values({ userId, brandId, text: body.text, source: body.source })
          .returning();
        if (!row) throw new Error('brand memory insert returned no row');
        await knowledge.replaceSource(tx, memoryKnowledgeSource(row));
        return toMemory(row);
      });
    },

    async update(
      userId: string,
      memoryId: string,
      body: z.output<typeof updateBrandMemorySchema>,
    ): Promise<BrandMemory> {
      const current = await ownedRow(db, userId, memoryId);
      return db.transaction(async (tx) => {
        await lockBrand(tx, current.brandId);
        const others = await tx
          .select()
          .from(brandMemories)
          .where(and(live(userId, current.brandId), ne(brandMemories.id, memoryId)));
        const same = others.find((row) => sameFact(row.text, body.text));
        if (same) throw alreadyRemembered(same);
        const [row] = await tx
          .update(brandMemories)
          .set({ text: body.text })
          .where(and(eq(brandMemories.id, memoryId), isNull(brandMemories.deletedAt)))
          .returning();
        // Deleted in another tab between the check and the update.
        if (!row) throw notFound();
        await knowledge.replaceSource(tx, memoryKnowledgeSource(row));
        return toMemory(row);
      });
    },

    async remove(userId: string, memoryId: string): Promise<void> {
      const current = await ownedRow(db, userId, memoryId);
      await db.transaction(async (tx) => {
        await tx
          .update(brandMemories)
          .set({ deletedAt: new Date() })
          .where(and(eq(brandMemories.id, memoryId), isNull(brandMemories.deletedAt)));
        await knowledge.removeSource(tx, { sourceType: 'memory', sourceId: current.id });
      });
    },

    /** The brand's facts for the coach, newest (or newest edited) first. */
    async facts(userId: string, brandId: string): Promise<string[]> {
      const found = await liveFacts.execute({ userId, brandId });
      return found.map((row) => row.text);
    },
  };
}

export type BrandMemoryService = ReturnType<typeof createBrandMemoryService>;
