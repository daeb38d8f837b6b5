/**
 * What changed between an earlier saved version of an item and the current one, field by field, for
 * the revision history. Text is compared word by word; tag lists by which tags came and went; rows
 * and other structured values by their readable text. Pure, so the page only renders it.
 */
import { humanise, valueText } from './value-text.ts';

export type Segment = { kind: 'same' | 'removed' | 'added'; text: string };

export type FieldDiff =
  | { key: string; label: string; kind: 'unchanged' }
  | { key: string; label: string; kind: 'text'; segments: Segment[] }
  | { key: string; label: string; kind: 'tags'; removed: string[]; added: string[]; kept: string[] };

/** Beyond this many words on a side, a changed text is shown as replaced whole (the diff is quadratic). */
const MAX_WORDS = 600;

function words(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

function merge(segments: Segment[]): Segment[] {
  const merged: Segment[] = [];
  for (const segment of segments) {
    const last = merged.at(-1);
    if (last && last.kind === segment.kind) last.text += segment.text;
    else merged.push({ ...segment });
  }
  return merged;
}

/** A word-level diff of `before` → `after` (longest common subsequence of words and spaces). */
export function diffWords(before: string, after: string): Segment[] {
  if (before === after) return before ? [{ kind: 'same', text: before }] : [];
  const a = words(before);
  const b = words(after);
  if (a.length > MAX_WORDS || b.length > MAX_WORDS) {
    return [
      ...(before ? [{ kind: 'removed' as const, text: before }] : []),
      ...(after ? [{ kind: 'added' as const, text: after }] : []),
    ];
  }
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      const row = lengths[i] as number[];
      row[j] =
        a[i] === b[j]
          ? ((lengths[i + 1] as number[])[j + 1] as number) + 1
          : Math.max((lengths[i + 1] as number[])[j] as number, row[j + 1] as number);
    }
  }
  const segments: Segment[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      segments.push({ kind: 'same', text: a[i] as string });
      i += 1;
      j += 1;
    } else if (((lengths[i + 1] as number[])[j] as number) >= ((lengths[i] as number[])[j + 1] as number)) {
      segments.push({ kind: 'removed', text: a[i] as string });
      i += 1;
    } else {
      segments.push({ kind: 'added', text: b[j] as string });
      j += 1;
    }
  }
  for (; i < a.length; i += 1) segments.push({ kind: 'removed', text: a[i] as string });
  for (; j < b.length; j += 1) segments.push({ kind: 'added', text: b[j] as string });
  // Whitespace alone between two changes reads better as part of them.
  return merge(
    segments.map((segment, index) =>
      segment.kind === 'same' &&
      /^\s+$/.test(segment.text) &&
      segments[index - 1]?.kind !== 'same' &&
      segments[index + 1]?.kind !== 'same'
        ? { kind: segments[index - 1]?.kind ?? 'same', text: segment.text }
        : segment,
    ),
  );
}

function isTagList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}

/**
 * Every field of either copy, in the current copy's order (the page's; stored versions come back in
 * the database's key order), with how it changed since the earlier version.
 */
export function versionDiff(earlier: Record<string, unknown>, current: Record<string, unknown>): FieldDiff[] {
  const keys = [...new Set([...Object.keys(current), ...Object.keys(earlier)])];
  return keys.map((key): FieldDiff => {
    const label = humanise(key);
    const before = earlier[key];
    const after = current[key];
    if (JSON.stringify(before) === JSON.stringify(after)) return { key, label, kind: 'unchanged' };
    if ((isTagList(before) || before === undefined) && (isTagList(after) || after === undefined)) {
      const was = before ?? [];
      const now = after ?? [];
      return {
        key,
        label,
        kind: 'tags',
        removed: was.filter((tag) => !now.includes(tag)),
        added: now.filter((tag) => !was.includes(tag)),
        kept: now.filter((tag) => was.includes(tag)),
      };
    }
    const textOf = (value: unknown) =>
      value === undefined || valueText(value) === '(empty)' ? '' : valueText(value);
    const segments = diffWords(textOf(before), textOf(after));
    return segments.every((segment) => segment.kind === 'same')
      ? { key, label, kind: 'unchanged' }
      : { key, label, kind: 'text', segments };
  });
}
