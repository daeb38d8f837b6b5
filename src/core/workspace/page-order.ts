/**
 * An item's data with its fields in the order its page shows them (the order its schema lists them;
 * a worksheet row's in ROW_FIELD_ORDER), whatever order it arrived in. Stored JSON comes back with
 * its keys in the database's own order, and a client may send them in any: what is read or indexed
 * from an item — the coach's profile, its passages — must not depend on either.
 */
import { emptyItemData, ITEM_KINDS, type ItemKind } from './items.ts';

/** The fields of a worksheet row, in the order its page shows them. */
const ROW_FIELD_ORDER = [
  'value',
  'proof',
  'type',
  'description',
  'consistency',
  'competitor',
  'difference',
  'touchpoint',
  'consistent',
  'note',
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` with its keys in the order of `template`; rows of a list in ROW_FIELD_ORDER. */
function ordered(value: unknown, template: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map((row) =>
      isRecord(row)
        ? Object.fromEntries(
            Object.entries(row).sort(
              ([a], [b]) =>
                (ROW_FIELD_ORDER.indexOf(a) >>> 0) - (ROW_FIELD_ORDER.indexOf(b) >>> 0) || a.localeCompare(b),
            ),
          )
        : row,
    );
  }
  if (!isRecord(value)) return value;
  const known = isRecord(template) ? Object.keys(template) : [];
  const keys = [
    ...known.filter((key) => key in value),
    ...Object.keys(value).filter((key) => !known.includes(key)),
  ];
  return Object.fromEntries(
    keys.map((key) => [key, ordered(value[key], isRecord(template) ? template[key] : undefined)]),
  );
}

// Built once per kind: every save of an indexed item orders its data.
const templates = new Map<string, unknown>();

function templateOf(kind: string): unknown {
  if (!templates.has(kind)) {
    templates.set(
      kind,
      (ITEM_KINDS as readonly string[]).includes(kind) ? emptyItemData(kind as ItemKind) : null,
    );
  }
  return templates.get(kind);
}

/** `data` in its page's order; a kind this version does not know keeps its fields' order. */
export function inPageOrder(kind: string, data: Record<string, unknown>): Record<string, unknown> {
  return ordered(data, templateOf(kind)) as Record<string, unknown>;
}
