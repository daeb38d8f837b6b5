/**
 * The persistence model for everything a user writes in the workspace (see
 * docs/decisions/0015-workspace-persistence.md). Every piece of work is an *item* of a kind, owned
 * by a brand: singleton kinds (one per brand: the four IDEA worksheets, the canvas, learning
 * progress, the trigger assessment) and collection kinds (avatars). Each item carries a version —
 * a save names the version it was based on and a stale one gets 409 with the server's copy — a
 * revision history, and per-field sources (typed by the user or accepted from the coach).
 */
import { z } from 'zod';
import { idParam, int4, integerParam } from '../http/params.ts';
import { avatarDataSchema } from './avatar.ts';
import { canvasDataSchema } from './canvas.ts';
import { BRAND_NAME_MAX } from './limits.ts';
import {
  authenticDataSchema,
  distinctiveDataSchema,
  empatheticDataSchema,
  insightDataSchema,
  learningDataSchema,
  triggerAssessmentDataSchema,
} from './modules.ts';

export const ITEM_DATA_SCHEMAS = {
  insight: insightDataSchema,
  distinctive: distinctiveDataSchema,
  empathetic: empatheticDataSchema,
  authentic: authenticDataSchema,
  'trigger-assessment': triggerAssessmentDataSchema,
  learning: learningDataSchema,
  canvas: canvasDataSchema,
  avatar: avatarDataSchema,
} as const;

export type ItemKind = keyof typeof ITEM_DATA_SCHEMAS;
export const ITEM_KINDS = Object.keys(ITEM_DATA_SCHEMAS) as ItemKind[];
export type ItemData<K extends ItemKind> = z.output<(typeof ITEM_DATA_SCHEMAS)[K]>;

/** Kinds a brand has at most one of; the rest are collections. */
export const SINGLETON_KINDS = [
  'insight',
  'distinctive',
  'empathetic',
  'authentic',
  'trigger-assessment',
  'learning',
  'canvas',
] as const satisfies readonly ItemKind[];
export type SingletonKind = (typeof SINGLETON_KINDS)[number];
export const COLLECTION_KINDS = ['avatar'] as const satisfies readonly ItemKind[];
export type CollectionKind = (typeof COLLECTION_KINDS)[number];

export function isSingletonKind(kind: string): kind is SingletonKind {
  return (SINGLETON_KINDS as readonly string[]).includes(kind);
}

/** What made a revision; `coach` is a proposal from the coach's chat, accepted by the owner. */
export const REVISION_ORIGINS = ['edit', 'restore', 'import', 'create', 'duplicate', 'coach'] as const;
export type RevisionOrigin = (typeof REVISION_ORIGINS)[number];

/** How many revisions of one item are kept (older ones are pruned on save). */
export const REVISIONS_KEPT = 50;

export const FIELD_SOURCES = ['user', 'ai'] as const;
export type FieldSource = (typeof FIELD_SOURCES)[number];

/**
 * Which fields hold text accepted from the coach. Keys are field paths as the page names them
 * (e.g. `purpose`, `story.origin`); a field not listed was typed by the user.
 */
export const fieldSourcesSchema = z
  .record(z.string().min(1).max(120), z.enum(FIELD_SOURCES))
  .refine((sources) => Object.keys(sources).length <= 200, 'Too many field sources')
  .default({});
export type FieldSources = z.output<typeof fieldSourcesSchema>;

const idSchema = idParam();

export const brandIdParamsSchema = z.strictObject({ brandId: idSchema });
export const itemIdParamsSchema = z.strictObject({ itemId: idSchema });
export const singletonParamsSchema = z.strictObject({
  brandId: idSchema,
  kind: z.enum(SINGLETON_KINDS, { message: `Kind must be one of: ${SINGLETON_KINDS.join(', ')}` }),
});
export const collectionParamsSchema = z.strictObject({
  brandId: idSchema,
  kind: z.enum(COLLECTION_KINDS, { message: `Kind must be one of: ${COLLECTION_KINDS.join(', ')}` }),
});
export const revisionParamsSchema = z.strictObject({
  itemId: idSchema,
  version: integerParam(),
});

/** The body of every save: the new data, its field sources and the version it was based on. */
export const saveItemBodySchema = z.strictObject({
  /** 0 when the item has never been saved. */
  baseVersion: int4({ min: 0 }),
  data: z.record(z.string(), z.unknown()),
  sources: fieldSourcesSchema,
});
export type SaveItemBody = z.input<typeof saveItemBodySchema>;

export const createItemBodySchema = z.strictObject({
  data: z.record(z.string(), z.unknown()),
  sources: fieldSourcesSchema,
});
export type CreateItemBody = z.input<typeof createItemBodySchema>;

export const restoreRevisionBodySchema = z.strictObject({
  baseVersion: int4({ min: 0 }),
});

export const itemSchema = z.object({
  /** Null for a singleton that has never been saved. */
  id: z.uuid().nullable(),
  brandId: z.uuid(),
  kind: z.enum(ITEM_KINDS as [ItemKind, ...ItemKind[]]),
  version: z.number().int().min(0),
  data: z.record(z.string(), z.unknown()),
  sources: z.record(z.string(), z.enum(FIELD_SOURCES)),
  updatedAt: z.iso.datetime().nullable(),
});
export type WorkspaceItem = z.infer<typeof itemSchema>;
export const itemResponseSchema = z.object({ item: itemSchema });

/**
 * The answer to a save. When another tab or device saved after `baseVersion` and the two changed
 * different fields, the server merges them (src/core/workspace/merge.ts): `item` is the merged copy
 * and `mergedFields` lists the fields that came from the other copy. Empty when the save applied
 * directly. Fields changed on both sides get 409 CONFLICT with `current` and `conflicts` instead.
 */
export const saveItemResponseSchema = z.object({
  item: itemSchema,
  mergedFields: z.array(z.string()),
});
export type SaveItemResponse = z.infer<typeof saveItemResponseSchema>;

export const itemListResponseSchema = z.object({ items: z.array(itemSchema) });

export const revisionSummarySchema = z.object({
  version: z.number().int().min(1),
  createdAt: z.iso.datetime(),
  /**
   * What the save was: typed, restored from an older version, imported, created, duplicated, or a
   * coach proposal the owner accepted in chat (`coach`).
   */
  origin: z.enum(REVISION_ORIGINS),
});
export const revisionListResponseSchema = z.object({ revisions: z.array(revisionSummarySchema) });
export const revisionResponseSchema = z.object({
  revision: revisionSummarySchema.extend({
    data: z.record(z.string(), z.unknown()),
    sources: z.record(z.string(), z.enum(FIELD_SOURCES)),
  }),
});

// ------------------------------------------------------------------------------------- brands

export const brandNameSchema = requiredBrandName();
function requiredBrandName() {
  return z
    .string()
    .trim()
    .min(1, 'Give the brand a name')
    .max(BRAND_NAME_MAX, `Keep the name under ${BRAND_NAME_MAX} characters`);
}

export const brandSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Brand = z.infer<typeof brandSchema>;
export const brandBodySchema = z.strictObject({ name: brandNameSchema });
export const brandResponseSchema = z.object({ brand: brandSchema });
export const brandListResponseSchema = z.object({ brands: z.array(brandSchema) });

/** Validates `data` for a kind; the server calls it on every save, the web app before sending. */
export function parseItemData<K extends ItemKind>(kind: K, data: unknown) {
  return ITEM_DATA_SCHEMAS[kind].safeParse(data);
}

/** A fresh item's data: every field at its default. */
export function emptyItemData<K extends ItemKind>(kind: K): ItemData<K> {
  const parsed = ITEM_DATA_SCHEMAS[kind].safeParse({});
  if (!parsed.success) throw new Error(`The ${kind} schema needs defaults for every field`);
  return parsed.data as ItemData<K>;
}
