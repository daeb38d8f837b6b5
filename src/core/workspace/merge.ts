/**
 * Three-way merge of a workspace item's data (docs/decisions/0027-per-field-merge.md).
 *
 * Two copies that started from the same saved version (`base`) are combined field by field: a field
 * changed on one side only takes that side's value, a field changed to the same value on both sides
 * merges, and a field changed differently on both sides is a conflict the user decides. What counts
 * as one field:
 * - every leaf of nested objects (`story.origin`, `demographics.ageBand`, `answers.q1`);
 * - a whole array (`assets`, `values`, `emotionalTriggers`): rows have no stable ids, so two
 *   copies' rows cannot be matched safely — an edit to any row is an edit to the list;
 * - a whole value at the paths in `ATOMIC_PATHS` (an avatar's voice analysis, whose parts belong
 *   together).
 * A field's sources (`ai` markers, keyed by the field's path or a path below it) travel with its
 * value; a marker changed without its text changing counts as a change of that field. The same
 * function runs on the server (the save) and in the browser (the conflict dialog), so both always
 * agree on what conflicts.
 */
import type { FieldSources, ItemKind } from './items.ts';

/** The data and field sources of one copy of an item. */
export interface ItemDocument {
  data: Record<string, unknown>;
  sources: FieldSources;
}

export interface FieldConflict {
  /** The field's path, dot-separated (`mission`, `story.origin`). */
  path: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

export interface MergeResult {
  /**
   * The merged copy. A conflicting field holds the other copy's value until `applyChoices` settles
   * it with the user's choice.
   */
  merged: ItemDocument;
  /** Fields whose value came from the other copy (changed there, not here). */
  fromTheirs: string[];
  /** Fields whose value came from this copy (changed here, not there). */
  fromMine: string[];
  conflicts: FieldConflict[];
}

export type ConflictChoice = 'mine' | 'theirs';

/** Values that are merged as a whole even though they are objects. */
export const ATOMIC_PATHS: Partial<Record<ItemKind, readonly string[]>> = {
  avatar: ['voice.analysis'],
};

type Segments = readonly string[];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Structural equality of JSON values; object key order does not matter. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((entry, index) => sameValue(entry, b[index]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!sameValue(a[key], b[key])) return false;
    return true;
  }
  return false;
}

function valueAt(data: Record<string, unknown>, segments: Segments): unknown {
  let current: unknown = data;
  for (const segment of segments) {
    if (!isPlainObject(current)) return undefined;
    current = current[segment];
  }
  return current;
}

function setValueAt(data: Record<string, unknown>, segments: Segments, value: unknown): void {
  let parent = data;
  for (const segment of segments.slice(0, -1)) {
    const next = parent[segment];
    if (isPlainObject(next)) parent = next;
    else {
      const created: Record<string, unknown> = {};
      parent[segment] = created;
      parent = created;
    }
  }
  const last = segments[segments.length - 1];
  if (last === undefined) return;
  if (value === undefined) delete parent[last];
  else parent[last] = structuredClone(value);
}

/** Every field path of the three copies: object leaves, whole arrays, whole atomic values. */
function fieldPaths(copies: readonly Record<string, unknown>[], atomic: ReadonlySet<string>): Segments[] {
  const paths: Segments[] = [];
  const walk = (segments: Segments, values: readonly unknown[]) => {
    const present = values.filter((value) => value !== undefined);
    const isObject = present.length > 0 && present.every(isPlainObject);
    if (segments.length > 0 && (atomic.has(segments.join('.')) || !isObject)) {
      paths.push(segments);
      return;
    }
    const keys = new Set<string>();
    for (const value of present)
      for (const key of Object.keys(value as Record<string, unknown>)) keys.add(key);
    for (const key of [...keys].sort()) {
      walk(
        [...segments, key],
        values.map((value) => (isPlainObject(value) ? value[key] : undefined)),
      );
    }
  };
  walk([], copies);
  return paths;
}

/** The source markers that belong to the field at `path` (its own, and any below it). */
function sourcesOf(sources: FieldSources, path: string): Record<string, string> {
  const own: Record<string, string> = {};
  for (const [key, source] of Object.entries(sources)) {
    if (key === path || key.startsWith(`${path}.`)) own[key] = source;
  }
  return own;
}

function replaceSources(target: FieldSources, path: string, from: FieldSources): void {
  for (const key of Object.keys(sourcesOf(target, path))) delete target[key];
  Object.assign(target, sourcesOf(from, path));
}

/**
 * Merges `mine` (this copy) and `theirs` (the copy saved elsewhere) against the version both
 * started from. Without a base (it is no longer kept), every field that differs is a conflict.
 */
export function mergeItemData(
  kind: ItemKind,
  base: ItemDocument | null,
  mine: ItemDocument,
  theirs: ItemDocument,
): MergeResult {
  const atomic = new Set(ATOMIC_PATHS[kind] ?? []);
  const copies = base ? [base.data, mine.data, theirs.data] : [mine.data, theirs.data];
  const paths = fieldPaths(copies, atomic);
  const merged: ItemDocument = { data: structuredClone(theirs.data), sources: { ...theirs.sources } };
  const fromTheirs: string[] = [];
  const fromMine: string[] = [];
  const conflicts: FieldConflict[] = [];
  const claimedSourceKeys = new Set<string>();

  for (const segments of paths) {
    const path = segments.join('.');
    const mineValue = valueAt(mine.data, segments);
    const theirValue = valueAt(theirs.data, segments);
    const mineSources = sourcesOf(mine.sources, path);
    const theirSources = sourcesOf(theirs.sources, path);
    for (const key of [...Object.keys(mineSources), ...Object.keys(theirSources)]) claimedSourceKeys.add(key);
    const baseValue = base ? valueAt(base.data, segments) : undefined;
    const baseSources = base ? sourcesOf(base.sources, path) : {};
    for (const key of Object.keys(baseSources)) claimedSourceKeys.add(key);
    const changedHere = !base || !sameValue(baseValue, mineValue) || !sameValue(baseSources, mineSources);
    const changedThere = !base || !sameValue(baseValue, theirValue) || !sameValue(baseSources, theirSources);
    const sameOnBoth = sameValue(mineValue, theirValue);

    if (!changedHere) {
      // `merged` starts as their copy, which already holds this field.
      if (changedThere) fromTheirs.push(path);
    } else if (!changedThere) {
      setValueAt(merged.data, segments, mineValue);
      replaceSources(merged.sources, path, mine.sources);
      fromMine.push(path);
    } else if (sameOnBoth) {
      // Both wrote the same text: nothing to ask; this copy's markers say where it came from.
      replaceSources(merged.sources, path, mine.sources);
    } else {
      conflicts.push({ path, base: baseValue, mine: mineValue, theirs: theirValue });
    }
  }

  // Markers on paths no field owns (a field since removed) merge on their own, key by key.
  const orphanKeys = new Set(
    [
      ...Object.keys(mine.sources),
      ...Object.keys(theirs.sources),
      ...Object.keys(base?.sources ?? {}),
    ].filter((key) => !claimedSourceKeys.has(key)),
  );
  for (const key of orphanKeys) {
    const before = base?.sources[key];
    const here = mine.sources[key];
    if (here !== before) {
      if (here === undefined) delete merged.sources[key];
      else merged.sources[key] = here;
    }
  }

  return { merged, fromTheirs, fromMine, conflicts };
}

/**
 * Settles every conflict of a merge with the user's choice for it; a conflict without a choice is
 * an error (the dialog only offers saving once each has one).
 */
export function applyChoices(
  result: MergeResult,
  mine: ItemDocument,
  theirs: ItemDocument,
  choices: Readonly<Record<string, ConflictChoice>>,
): ItemDocument {
  const settled: ItemDocument = {
    data: structuredClone(result.merged.data),
    sources: { ...result.merged.sources },
  };
  for (const conflict of result.conflicts) {
    const choice = choices[conflict.path];
    if (!choice) throw new Error(`No choice was made for ${conflict.path}`);
    const from = choice === 'mine' ? mine : theirs;
    setValueAt(settled.data, conflict.path.split('.'), choice === 'mine' ? conflict.mine : conflict.theirs);
    replaceSources(settled.sources, conflict.path, from.sources);
  }
  return settled;
}

/** `doc` with the fields at `paths` (and their markers) taken from `from`. */
export function withFieldsFrom(
  doc: ItemDocument,
  from: ItemDocument,
  paths: readonly string[],
): ItemDocument {
  const result: ItemDocument = { data: structuredClone(doc.data), sources: { ...doc.sources } };
  for (const path of paths) {
    setValueAt(result.data, path.split('.'), valueAt(from.data, path.split('.')));
    replaceSources(result.sources, path, from.sources);
  }
  return result;
}
