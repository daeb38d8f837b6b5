/**
 * Brands and workspace items: ownership, versioned saves that merge concurrent edits field by field
 * (docs/decisions/0027-per-field-merge.md), revision history and soft delete
 * (docs/decisions/0015-workspace-persistence.md). Every read and write is scoped to
 * the requesting user: another user's ids answer 404, exactly like ids that don't exist.
 *
 * The brand knowledge index is kept current here, in the transaction of each write: every new
 * version (save, merge, restore, create, duplicate) replaces the item's passages and a delete
 * removes them (docs/decisions/0033-brand-knowledge-in-postgresql.md), so a search never sees text
 * that is no longer saved, nor misses text that is.
 */
import { and, asc, desc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { ErrorDetail } from '../../core/http/envelope.ts';
import {
  type Brand,
  type CollectionKind,
  emptyItemData,
  type FieldSources,
  type ItemKind,
  isSingletonKind,
  parseItemData,
  REVISIONS_KEPT,
  type SaveItemBody,
  type SaveItemResponse,
  type SingletonKind,
  type WorkspaceItem,
} from '../../core/workspace/items.ts';
import { DEFAULT_BRAND_NAME } from '../../core/workspace/limits.ts';
import {
  type FieldConflict,
  type ItemDocument,
  mergeItemData,
  sameValue,
} from '../../core/workspace/merge.ts';
import { compiledStatement, type Database, type Db, placeholder } from '../db/client.ts';
import { brands, workspaceItemRevisions, workspaceItems } from '../db/schema.ts';
import { AppError } from './errors.ts';
import { type KnowledgeIndex, passageReplacement } from './knowledge/index.ts';
import { itemKnowledgeSource, itemSourceType } from './knowledge/sources.ts';

type BrandRow = typeof brands.$inferSelect;
type ItemRow = typeof workspaceItems.$inferSelect;
type RevisionOrigin = (typeof workspaceItemRevisions.$inferInsert)['origin'];

/** A generous ceiling so one account cannot create brands or avatars without bound. */
export const MAX_BRANDS_PER_USER = 20;
export const MAX_COLLECTION_ITEMS = 50;
/** Items whose owner, brand and kind a store remembers for one-statement saves (see `rememberItem`). */
const KNOWN_ITEMS_MAX = 10_000;

const PG_UNIQUE_VIOLATION = '23505';
/** How often a save re-merges when other saves keep landing between its read and its write. */
const SAVE_ATTEMPTS = 3;

export interface BrandWorkspace {
  brand: Brand;
  singletons: Partial<Record<SingletonKind, WorkspaceItem>>;
  avatars: WorkspaceItem[];
}

function toBrand(row: BrandRow): Brand {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toItem(row: ItemRow): WorkspaceItem {
  return {
    id: row.id,
    brandId: row.brandId,
    kind: row.kind as ItemKind,
    version: row.version,
    data: row.data,
    sources: row.sources,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * A brand and its live items as read joined (one row per item; one row with no item for a brand not
 * started) turned into the workspace readers see: singletons by kind, collections as lists.
 */
export function workspaceFromRows(
  rows: readonly { brand: BrandRow; item: ItemRow | null }[],
): BrandWorkspace | null {
  const [first] = rows;
  if (!first) return null;
  const workspace: BrandWorkspace = { brand: toBrand(first.brand), singletons: {}, avatars: [] };
  for (const { item: row } of rows) {
    if (!row) continue;
    if (row.singletonKey && isSingletonKind(row.singletonKey))
      workspace.singletons[row.singletonKey] = toItem(row);
    else if (row.kind === 'avatar' && workspace.avatars.length < MAX_COLLECTION_ITEMS)
      workspace.avatars.push(toItem(row));
  }
  return workspace;
}

function neverSaved(brandId: string, kind: SingletonKind): WorkspaceItem {
  return {
    id: null,
    brandId,
    kind,
    version: 0,
    data: emptyItemData(kind) as Record<string, unknown>,
    sources: {},
    updatedAt: null,
  };
}

const notFound = (what: string) => new AppError(404, 'NOT_FOUND', `${what} was not found.`);

function conflict(current: WorkspaceItem, conflicts?: FieldConflict[]): AppError {
  return new AppError(
    409,
    'CONFLICT',
    conflicts
      ? 'Some fields were changed both here and elsewhere since you loaded them. Nothing was saved; choose a version of each field listed in `conflicts` and save on top of `current`.'
      : 'This was saved elsewhere since you loaded it. Your copy was not saved; the current one is attached.',
    {
      current,
      ...(conflicts
        ? {
            conflicts: conflicts.map(({ path, mine, theirs }) => ({ path, yours: mine, theirs })),
          }
        : {}),
    },
  );
}

function isUniqueViolation(error: unknown): boolean {
  for (let cause: unknown = error; cause; cause = (cause as { cause?: unknown }).cause) {
    if ((cause as { code?: unknown }).code === PG_UNIQUE_VIOLATION) return true;
  }
  return false;
}

/** Checks `data` against its kind's schema; a failure is a 400 naming every bad field. */
function validData(kind: ItemKind, data: unknown): Record<string, unknown> {
  const parsed = parseItemData(kind, data);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const details: ErrorDetail[] = parsed.error.issues.map((issue) => ({
    path: ['data', ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw new AppError(400, 'VALIDATION_FAILED', 'Some fields are missing or invalid.', { details });
}

/** The statement behind `writeOnTop`: see there. Its passages are the item's own (`sourceType` null: none). */
const writeVersion = compiledStatement<{ version: number }>(() => {
  const written = sql`exists (select 1 from updated)`;
  return sql`
    with updated as (
      update ${workspaceItems}
      set data = ${placeholder('data')}::jsonb, sources = ${placeholder('sources')}::jsonb,
        version = version + 1, updated_at = ${placeholder('updatedAt')}::timestamptz
      where id = ${placeholder('itemId')}::uuid and version = ${placeholder('onVersion')}::int and deleted_at is null
        and user_id = ${placeholder('userId')}::uuid
        and exists (select 1 from ${brands} where ${brands.id} = ${workspaceItems.brandId} and ${brands.deletedAt} is null)
      returning id, user_id, version, data, sources),
    revision as (
      insert into ${workspaceItemRevisions} (user_id, item_id, version, data, sources, origin)
      select user_id, id, version, data, sources, ${placeholder('origin')}::text from updated),
    pruned as (
      delete from ${workspaceItemRevisions}
      where item_id = ${placeholder('itemId')}::uuid and version <= ${placeholder('prunedUpTo')}::int and ${written}),
    ${passageReplacement({
      userId: placeholder('userId'),
      brandId: placeholder('brandId'),
      sourceType: placeholder('sourceType'),
      sourceId: placeholder('itemId'),
      rows: placeholder('passages'),
      guard: written,
    })}
    select version from updated`;
});

export interface WorkspaceStoreDeps {
  database: Database;
  /** The passages of every saved item are replaced through it, in the save's transaction. */
  knowledge: Pick<KnowledgeIndex, 'replaceSource' | 'passageRows' | 'passagesAdded' | 'removeSource'>;
}

export function createWorkspaceStore(deps: WorkspaceStoreDeps) {
  const { db } = deps.database;
  const { knowledge } = deps;

  /** Replaces the item's passages with its current content (nothing for kinds that are not indexed). */
  async function indexItem(tx: Db, row: ItemRow): Promise<void> {
    const source = itemKnowledgeSource(row);
    if (source) await knowledge.replaceSource(tx, source);
  }

  // The reads behind nearly every signed-in request are prepared once: drizzle skips rebuilding
  // their SQL, and PostgreSQL parses and plans each once per connection (named statements).
  const ownedBrand = db
    .select()
    .from(brands)
    .where(
      and(
        eq(brands.id, sql.placeholder('brandId')),
        eq(brands.userId, sql.placeholder('userId')),
        isNull(brands.deletedAt),
      ),
    )
    .prepare('workspace_owned_brand');
  const ownedItem = db
    .select({ item: workspaceItems })
    .from(workspaceItems)
    .innerJoin(brands, eq(brands.id, workspaceItems.brandId))
    .where(
      and(
        eq(workspaceItems.id, sql.placeholder('itemId')),
        eq(workspaceItems.userId, sql.placeholder('userId')),
        isNull(workspaceItems.deletedAt),
        isNull(brands.deletedAt),
      ),
    )
    .prepare('workspace_owned_item');
  async function requireBrandRow(userId: string, brandId: string): Promise<BrandRow> {
    const [row] = await ownedBrand.execute({ brandId, userId });
    if (!row) throw notFound('That brand');
    return row;
  }

  /** The item if the user owns it and neither it nor its brand is deleted. */
  async function requireItemRow(userId: string, itemId: string): Promise<ItemRow> {
    const [row] = await ownedItem.execute({ itemId, userId });
    if (!row) throw notFound('That item');
    rememberItem(row.item);
    return row.item;
  }

  /**
   * What never changes about an item once it exists — its owner, brand and kind — kept for the items
   * read or created lately, so that a save can be validated and written in one statement without
   * reading the item first (ADR 0055). The write still checks the owner, that neither the item nor its
   * brand is deleted, and the version; when it finds no such row the save takes the full path.
   */
  const knownItems = new Map<
    string,
    Pick<ItemRow, 'id' | 'userId' | 'brandId' | 'kind' | 'singletonKey' | 'createdAt'>
  >();
  function rememberItem(row: ItemRow): void {
    knownItems.delete(row.id);
    if (knownItems.size >= KNOWN_ITEMS_MAX) {
      const oldest = knownItems.keys().next();
      if (!oldest.done) knownItems.delete(oldest.value);
    }
    const { id, userId, brandId, kind, singletonKey, createdAt } = row;
    knownItems.set(row.id, { id, userId, brandId, kind, singletonKey, createdAt });
  }

  async function singletonRow(brandId: string, kind: SingletonKind): Promise<ItemRow | undefined> {
    const [row] = await db
      .select()
      .from(workspaceItems)
      .where(
        and(
          eq(workspaceItems.brandId, brandId),
          eq(workspaceItems.singletonKey, kind),
          isNull(workspaceItems.deletedAt),
        ),
      );
    return row;
  }

  async function ensureDefaultBrand(userId: string): Promise<void> {
    // Idempotent under concurrency: the partial unique index allows one live default per user.
    await db.execute(sql`
      insert into ${brands} (user_id, name, is_default)
      select ${userId}, ${DEFAULT_BRAND_NAME}, true
      where not exists (select 1 from ${brands} where user_id = ${userId} and deleted_at is null)
      on conflict do nothing`);
  }

  async function countLiveBrands(userId: string): Promise<number> {
    const [row] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(brands)
      .where(and(eq(brands.userId, userId), isNull(brands.deletedAt)));
    return row?.count ?? 0;
  }

  /** Called inside the save's transaction: a version and its revision exist together or not at all. */
  async function recordRevision(tx: Db, row: ItemRow, origin: RevisionOrigin): Promise<void> {
    await tx.insert(workspaceItemRevisions).values({
      userId: row.userId,
      itemId: row.id,
      version: row.version,
      data: row.data,
      sources: row.sources,
      origin,
    });
    await tx
      .delete(workspaceItemRevisions)
      .where(
        and(
          eq(workspaceItemRevisions.itemId, row.id),
          lte(workspaceItemRevisions.version, row.version - REVISIONS_KEPT),
        ),
      );
  }

  /**
   * Writes a new version on top of `onVersion`; undefined when another save got there first. The
   * version, its revision, the pruning of old revisions and the item's passages are one statement
   * (data-modifying `WITH`): atomic like the transaction it replaces, in one round-trip instead of
   * eight — saves are a fifth of what signed-in users do (ADR 0054) — and composed once (ADR 0055).
   */
  async function writeOnTop(
    existing: ItemRow,
    onVersion: number,
    data: Record<string, unknown>,
    sources: FieldSources,
    origin: RevisionOrigin,
  ): Promise<ItemRow | undefined> {
    const updatedAt = new Date();
    const row: ItemRow = { ...existing, data, sources, version: onVersion + 1, updatedAt };
    const source = itemKnowledgeSource(row);
    const passages = knowledge.passageRows(source?.sections ?? null);
    const updatedRows = await writeVersion(deps.database, {
      itemId: existing.id,
      onVersion,
      data: JSON.stringify(data),
      sources: JSON.stringify(sources),
      updatedAt: updatedAt.toISOString(),
      origin,
      prunedUpTo: row.version - REVISIONS_KEPT,
      userId: existing.userId,
      brandId: existing.brandId,
      sourceType: source?.sourceType ?? null,
      passages: passages.rows,
    });
    if (updatedRows.length === 0) return undefined;
    if (passages.count > 0) knowledge.passagesAdded();
    return row;
  }

  async function reloadItem(itemId: string): Promise<ItemRow> {
    const [current] = await db.select().from(workspaceItems).where(eq(workspaceItems.id, itemId));
    if (!current || current.deletedAt) throw notFound('That item');
    return current;
  }

  /**
   * The copy a save started from: its revision, the empty item for a singleton's first save, or
   * null when that version is no longer kept (then every differing field is the user's choice).
   */
  async function baseDocument(row: ItemRow, baseVersion: number): Promise<ItemDocument | null> {
    if (baseVersion === 0) {
      return isSingletonKind(row.kind)
        ? { data: emptyItemData(row.kind) as Record<string, unknown>, sources: {} }
        : null;
    }
    const [revision] = await db
      .select({ data: workspaceItemRevisions.data, sources: workspaceItemRevisions.sources })
      .from(workspaceItemRevisions)
      .where(and(eq(workspaceItemRevisions.itemId, row.id), eq(workspaceItemRevisions.version, baseVersion)));
    return revision ?? null;
  }

  /**
   * Saves `mine` (already validated) as the next version. When another save landed after
   * `baseVersion`, the two are merged field by field against that version (ADR 0027): disjoint
   * edits are both kept, and fields changed on both sides answer 409 with each field's two values.
   */
  async function saveMerging(
    existing: ItemRow,
    baseVersion: number,
    mine: ItemDocument,
    origin: RevisionOrigin,
  ): Promise<SaveItemResponse> {
    const kind = existing.kind as ItemKind;
    let current = existing;
    for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt += 1) {
      let next = mine;
      let mergedFields: string[] = [];
      if (current.version !== baseVersion) {
        const theirs = { data: current.data, sources: current.sources };
        const result = mergeItemData(kind, await baseDocument(current, baseVersion), mine, theirs);
        if (result.conflicts.length > 0) throw conflict(toItem(current), result.conflicts);
        const parsed = parseItemData(kind, result.merged.data);
        if (!parsed.success) {
          // Each copy was valid on its own but not combined (a rule across fields): the user chooses.
          throw conflict(toItem(current), mergeItemData(kind, null, mine, theirs).conflicts);
        }
        next = { data: parsed.data as Record<string, unknown>, sources: result.merged.sources };
        mergedFields = result.fromTheirs;
        if (sameValue(next, theirs)) return { item: toItem(current), mergedFields };
      }
      const written = await writeOnTop(current, current.version, next.data, next.sources, origin);
      if (written) return { item: toItem(written), mergedFields };
      // Another save landed between our read and our write: merge on top of that one instead.
      current = await reloadItem(current.id);
    }
    // Still racing after several tries: hand the newest copy back; the client merges and retries.
    throw conflict(toItem(current));
  }

  async function insertItem(
    userId: string,
    brandId: string,
    kind: ItemKind,
    data: Record<string, unknown>,
    sources: FieldSources,
    origin: RevisionOrigin,
  ): Promise<ItemRow> {
    const created = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(workspaceItems)
        .values({
          userId,
          brandId,
          kind,
          version: 1,
          data,
          sources,
          singletonKey: isSingletonKind(kind) ? kind : null,
        })
        .returning();
      if (!row) throw new Error('insert returned no row');
      await recordRevision(tx, row, origin);
      await indexItem(tx, row);
      return row;
    });
    rememberItem(created);
    return created;
  }

  return {
    ensureDefaultBrand,

    async listBrands(userId: string): Promise<Brand[]> {
      const live = () =>
        db
          .select()
          .from(brands)
          .where(and(eq(brands.userId, userId), isNull(brands.deletedAt)))
          .orderBy(asc(brands.createdAt), asc(brands.id));
      let rows = await live();
      if (rows.length === 0) {
        // Accounts from before brands existed get their default on first use.
        await ensureDefaultBrand(userId);
        rows = await live();
      }
      return rows.map(toBrand);
    },

    async createBrand(userId: string, name: string): Promise<Brand> {
      if ((await countLiveBrands(userId)) >= MAX_BRANDS_PER_USER) {
        throw new AppError(409, 'CONFLICT', `You can have up to ${MAX_BRANDS_PER_USER} brands.`);
      }
      const [row] = await db.insert(brands).values({ userId, name }).returning();
      if (!row) throw new Error('insert returned no row');
      return toBrand(row);
    },

    async renameBrand(userId: string, brandId: string, name: string): Promise<Brand> {
      await requireBrandRow(userId, brandId);
      const [row] = await db.update(brands).set({ name }).where(eq(brands.id, brandId)).returning();
      if (!row) throw notFound('That brand');
      return toBrand(row);
    },

    /**
     * Soft delete; its items go with it and are purged with it after the retention period. Their
     * passages stay with them until that purge (the foreign key cascades); every search joins the
     * brand and skips deleted ones, so none of it is found meanwhile.
     */
    async deleteBrand(userId: string, brandId: string): Promise<void> {
      await requireBrandRow(userId, brandId);
      if ((await countLiveBrands(userId)) <= 1) {
        throw new AppError(
          409,
          'CONFLICT',
          'Keep at least one brand: create another before deleting this one.',
        );
      }
      await db
        .update(brands)
        .set({ deletedAt: new Date() })
        .where(and(eq(brands.id, brandId), isNull(brands.deletedAt)));
    },

    async requireBrand(userId: string, brandId: string): Promise<Brand> {
      return toBrand(await requireBrandRow(userId, brandId));
    },

    async getItem(userId: string, itemId: string): Promise<WorkspaceItem> {
      return toItem(await requireItemRow(userId, itemId));
    },

    /** A singleton of the brand; never saved → its empty form at version 0. */
    async getSingleton(userId: string, brandId: string, kind: SingletonKind): Promise<WorkspaceItem> {
      await requireBrandRow(userId, brandId);
      const row = await singletonRow(brandId, kind);
      return row ? toItem(row) : neverSaved(brandId, kind);
    },

    async saveSingleton(
      userId: string,
      brandId: string,
      kind: SingletonKind,
      body: SaveItemBody,
      origin: RevisionOrigin = 'edit',
    ): Promise<SaveItemResponse> {
      const mine = { data: validData(kind, body.data), sources: body.sources ?? {} };
      await requireBrandRow(userId, brandId);
      let existing = await singletonRow(brandId, kind);
      if (!existing) {
        if (body.baseVersion !== 0) {
          // The client saw a version that no longer exists (deleted meanwhile): start over from empty.
          throw conflict(neverSaved(brandId, kind));
        }
        try {
          const created = await insertItem(userId, brandId, kind, mine.data, mine.sources, 'create');
          return { item: toItem(created), mergedFields: [] };
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          // Two first saves raced and the other one created it: merge on top of it, from empty.
          existing = await singletonRow(brandId, kind);
          if (!existing) throw conflict(neverSaved(brandId, kind));
        }
      }
      return saveMerging(existing, body.baseVersion, mine, origin);
    },

    async listCollection(userId: string, brandId: string, kind: CollectionKind): Promise<WorkspaceItem[]> {
      await requireBrandRow(userId, brandId);
      const rows = await db
        .select()
        .from(workspaceItems)
        .where(
          and(
            eq(workspaceItems.brandId, brandId),
            eq(workspaceItems.kind, kind),
            isNull(workspaceItems.deletedAt),
          ),
        )
        .orderBy(asc(workspaceItems.createdAt), asc(workspaceItems.id))
        .limit(MAX_COLLECTION_ITEMS);
      return rows.map(toItem);
    },

    async createInCollection(
      userId: string,
      brandId: string,
      kind: CollectionKind,
      body: { data: Record<string, unknown>; sources?: FieldSources },
    ): Promise<WorkspaceItem> {
      const data = validData(kind, body.data);
      await requireBrandRow(userId, brandId);
      const [count] = await db
        .select({ count: sql<number>`count(*)::int` })
        .from(workspaceItems)
        .where(
          and(
            eq(workspaceItems.brandId, brandId),
            eq(workspaceItems.kind, kind),
            isNull(workspaceItems.deletedAt),
          ),
        );
      if ((count?.count ?? 0) >= MAX_COLLECTION_ITEMS) {
        throw new AppError(409, 'CONFLICT', `A brand can hold up to ${MAX_COLLECTION_ITEMS} of these.`);
      }
      return toItem(await insertItem(userId, brandId, kind, data, body.sources ?? {}, 'create'));
    },

    async saveItem(
      userId: string,
      itemId: string,
      body: SaveItemBody,
      origin: RevisionOrigin = 'edit',
    ): Promise<SaveItemResponse> {
      const known = knownItems.get(itemId);
      if (known && known.userId === userId) {
        // The common case, nobody else saved since `baseVersion`: one statement.
        const data = validData(known.kind as ItemKind, body.data);
        const base: ItemRow = {
          ...known,
          version: body.baseVersion,
          data,
          sources: body.sources ?? {},
          deletedAt: null,
          updatedAt: known.createdAt,
        };
        const written = await writeOnTop(base, body.baseVersion, data, base.sources, origin);
        if (written) return { item: toItem(written), mergedFields: [] };
      }
      const existing = await requireItemRow(userId, itemId);
      const data = validData(existing.kind as ItemKind, body.data);
      return saveMerging(existing, body.baseVersion, { data, sources: body.sources ?? {} }, origin);
    },

    async deleteItem(userId: string, itemId: string): Promise<void> {
      const existing = await requireItemRow(userId, itemId);
      const sourceType = itemSourceType(existing.kind);
      await db.transaction(async (tx) => {
        await tx
          .update(workspaceItems)
          .set({ deletedAt: new Date() })
          .where(and(eq(workspaceItems.id, itemId), isNull(workspaceItems.deletedAt)));
        // A deleted item is never restored, so its passages go now rather than at the purge.
        if (sourceType) await knowledge.removeSource(tx, { sourceType, sourceId: itemId });
      });
    },

    async duplicateItem(userId: string, itemId: string): Promise<WorkspaceItem> {
      const existing = await requireItemRow(userId, itemId);
      if (isSingletonKind(existing.kind)) {
        throw new AppError(400, 'BAD_REQUEST', 'Only avatars can be duplicated; a brand has one of these.');
      }
      const data = structuredClone(existing.data);
      if (typeof data.name === 'string') data.name = `${data.name} (copy)`.slice(0, 80);
      const copy = await insertItem(
        userId,
        existing.brandId,
        existing.kind as ItemKind,
        data,
        existing.sources,
        'duplicate',
      );
      return toItem(copy);
    },

    async listRevisions(userId: string, itemId: string) {
      await requireItemRow(userId, itemId);
      const rows = await db
        .select({
          version: workspaceItemRevisions.version,
          createdAt: workspaceItemRevisions.createdAt,
          origin: workspaceItemRevisions.origin,
        })
        .from(workspaceItemRevisions)
        .where(eq(workspaceItemRevisions.itemId, itemId))
        .orderBy(desc(workspaceItemRevisions.version))
        .limit(REVISIONS_KEPT);
      return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
    },

    async getRevision(userId: string, itemId: string, version: number) {
      await requireItemRow(userId, itemId);
      const [row] = await db
        .select()
        .from(workspaceItemRevisions)
        .where(and(eq(workspaceItemRevisions.itemId, itemId), eq(workspaceItemRevisions.version, version)));
      if (!row) throw notFound('That revision');
      return {
        version: row.version,
        createdAt: row.createdAt.toISOString(),
        origin: row.origin,
        data: row.data,
        sources: row.sources,
      };
    },

    /** Restoring is itself a save: a new version whose content is the old one's. */
    async restoreRevision(userId: string, itemId: string, version: number, baseVersion: number) {
      const existing = await requireItemRow(userId, itemId);
      const [revision] = await db
        .select()
        .from(workspaceItemRevisions)
        .where(and(eq(workspaceItemRevisions.itemId, itemId), eq(workspaceItemRevisions.version, version)));
      if (!revision) throw notFound('That revision');
      // Re-validate: a schema may have tightened since the revision was written.
      const data = validData(existing.kind as ItemKind, revision.data);
      // Restoring means "make it exactly this version again", so it is never merged: a stale
      // `baseVersion` is a plain conflict, and the user restores again from the newer copy.
      if (existing.version !== baseVersion) throw conflict(toItem(existing));
      const written = await writeOnTop(existing, baseVersion, data, revision.sources, 'restore');
      if (!written) throw conflict(toItem(await reloadItem(existing.id)));
      return toItem(written);
    },
  };
}

export type WorkspaceStore = ReturnType<typeof createWorkspaceStore>;
