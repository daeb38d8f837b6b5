import { describe, expect, it } from 'vitest';
import type { AvatarData } from './avatar.ts';
import type { CanvasData } from './canvas.ts';
import { emptyItemData } from './items.ts';
import { applyChoices, type ItemDocument, mergeItemData, sameValue } from './merge.ts';

function canvas(fields: Partial<CanvasData>, sources: Record<string, 'ai'> = {}): ItemDocument {
  return { data: { ...emptyItemData('canvas'), ...fields }, sources };
}

const base = canvas({ mission: 'Old mission', valueProposition: 'Old promise', values: ['Care'] });

describe('mergeItemData', () => {
  it('merges edits to different fields and says which side each came from', () => {
    const mine = canvas({ mission: 'Old mission', valueProposition: 'New promise', values: ['Care'] });
    const theirs = canvas({ mission: 'New mission', valueProposition: 'Old promise', values: ['Care'] });
    const result = mergeItemData('canvas', base, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.merged.data).toMatchObject({ mission: 'New mission', valueProposition: 'New promise' });
    expect(result.fromTheirs).toEqual(['mission']);
    expect(result.fromMine).toEqual(['valueProposition']);
  });

  it('merges a field both sides changed to the same value', () => {
    const mine = canvas({ mission: 'Same words', valueProposition: 'Old promise', values: ['Care'] });
    const theirs = canvas({ mission: 'Same words', valueProposition: 'Old promise', values: ['Care'] });
    const result = mergeItemData('canvas', base, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.merged.data.mission).toBe('Same words');
  });

  it('reports a field both sides changed differently, with all three values, and nothing else', () => {
    const mine = canvas({ mission: 'Mine', valueProposition: 'Old promise', values: ['Care', 'Joy'] });
    const theirs = canvas({ mission: 'Theirs', valueProposition: 'Old promise', values: ['Care'] });
    const result = mergeItemData('canvas', base, mine, theirs);
    expect(result.conflicts).toEqual([
      { path: 'mission', base: 'Old mission', mine: 'Mine', theirs: 'Theirs' },
    ]);
    // The edit that does not conflict is already in the merged copy.
    expect(result.merged.data.values).toEqual(['Care', 'Joy']);

    const keepMine = applyChoices(result, mine, theirs, { mission: 'mine' });
    expect(keepMine.data).toMatchObject({ mission: 'Mine', values: ['Care', 'Joy'] });
    const useTheirs = applyChoices(result, mine, theirs, { mission: 'theirs' });
    expect(useTheirs.data).toMatchObject({ mission: 'Theirs', values: ['Care', 'Joy'] });
    expect(() => applyChoices(result, mine, theirs, {})).toThrow(/mission/);
  });

  it('treats an array as one field: row edits on both sides conflict, on one side merge', () => {
    const rowsBase: ItemDocument = {
      data: {
        ...emptyItemData('distinctive'),
        assets: [{ type: 'colour', description: 'Teal', consistency: 'always' }],
      },
      sources: {},
    };
    const addedRow = structuredClone(rowsBase);
    (addedRow.data.assets as unknown[]).push({ type: 'sound', description: 'Chime', consistency: 'mostly' });
    const editedRow = structuredClone(rowsBase);
    (editedRow.data.assets as { description: string }[])[0] = {
      ...(editedRow.data.assets as { description: string }[])[0],
      description: 'Deep teal',
    } as { description: string };
    const positioned = structuredClone(rowsBase);
    positioned.data.positioning = 'For tired parents';

    const oneSide = mergeItemData('distinctive', rowsBase, addedRow, positioned);
    expect(oneSide.conflicts).toEqual([]);
    expect(oneSide.merged.data.assets).toHaveLength(2);
    expect(oneSide.merged.data.positioning).toBe('For tired parents');

    const bothSides = mergeItemData('distinctive', rowsBase, addedRow, editedRow);
    expect(bothSides.conflicts.map((conflict) => conflict.path)).toEqual(['assets']);
  });

  it('merges nested objects leaf by leaf (avatars), and keeps atomic values whole', () => {
    const avatarBase: ItemDocument = {
      data: emptyItemData('avatar') as AvatarData & Record<string, unknown>,
      sources: {},
    };
    const mine = structuredClone(avatarBase);
    (mine.data.demographics as AvatarData['demographics']).ageBand = '25-34';
    const theirs = structuredClone(avatarBase);
    (theirs.data.demographics as AvatarData['demographics']).occupation = 'Nurse';
    const result = mergeItemData('avatar', avatarBase, mine, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.merged.data.demographics).toMatchObject({ ageBand: '25-34', occupation: 'Nurse' });
    expect(result.fromMine).toEqual(['demographics.ageBand']);
    expect(result.fromTheirs).toEqual(['demographics.occupation']);

    const sameLeaf = structuredClone(avatarBase);
    (sameLeaf.data.demographics as AvatarData['demographics']).ageBand = '45-54';
    expect(mergeItemData('avatar', avatarBase, mine, sameLeaf).conflicts).toEqual([
      { path: 'demographics.ageBand', base: null, mine: '25-34', theirs: '45-54' },
    ]);

    const analysis = (summary: string) => ({
      summary,
      sentiment: { positive: 1, neutral: 0, negative: 0 },
      keyPhrases: [],
      triggers: [],
      quotes: [],
    });
    const analysedBase = structuredClone(avatarBase);
    (analysedBase.data.voice as Record<string, unknown>).analysis = analysis('First');
    const analysedMine = structuredClone(analysedBase);
    (analysedMine.data.voice as Record<string, unknown>).analysis = analysis('Mine');
    const analysedTheirs = structuredClone(analysedBase);
    (analysedTheirs.data.voice as Record<string, unknown>).analysis = analysis('Theirs');
    expect(
      mergeItemData('avatar', analysedBase, analysedMine, analysedTheirs).conflicts.map(
        (conflict) => conflict.path,
      ),
    ).toEqual(['voice.analysis']);
  });

  it('merges record keys added on each side (assessment answers)', () => {
    const answersBase: ItemDocument = { data: { answers: {} }, sources: {} };
    const result = mergeItemData(
      'trigger-assessment',
      answersBase,
      { data: { answers: { q1: 2 } }, sources: {} },
      { data: { answers: { q2: 0 } }, sources: {} },
    );
    expect(result.conflicts).toEqual([]);
    expect(result.merged.data).toEqual({ answers: { q1: 2, q2: 0 } });
  });

  it('moves ai markers with their field', () => {
    const mine = canvas(
      { mission: 'Old mission', valueProposition: 'Coach wording', values: ['Care'] },
      {
        mission: 'ai',
        valueProposition: 'ai',
      },
    );
    const theirs = canvas({ mission: 'Typed mission', valueProposition: 'Old promise', values: ['Care'] });
    const fromMine = mergeItemData('canvas', { ...base, sources: { mission: 'ai' } }, mine, theirs);
    expect(fromMine.conflicts).toEqual([]);
    // Their typed mission drops the marker it had; my accepted suggestion brings its marker.
    expect(fromMine.merged.sources).toEqual({ valueProposition: 'ai' });

    // Accepting the coach's text only flips the marker: still a change of that field.
    const marked = canvas(
      { mission: 'Old mission', valueProposition: 'Old promise', values: ['Care'] },
      {
        mission: 'ai',
      },
    );
    const other = canvas({ mission: 'Old mission', valueProposition: 'New promise', values: ['Care'] });
    const result = mergeItemData('canvas', base, marked, other);
    expect(result.merged.sources).toEqual({ mission: 'ai' });
    expect(result.merged.data.valueProposition).toBe('New promise');

    // A conflict settled with "theirs" takes their marker too.
    const conflicting = canvas({ mission: 'From the coach', values: ['Care'] }, { mission: 'ai' });
    const typed = canvas({ mission: 'Typed elsewhere', values: ['Care'] });
    const clash = mergeItemData('canvas', base, conflicting, typed);
    expect(applyChoices(clash, conflicting, typed, { mission: 'theirs' }).sources).toEqual({});
    expect(applyChoices(clash, conflicting, typed, { mission: 'mine' }).sources).toEqual({ mission: 'ai' });
  });

  it('without a base, every differing field is a conflict and equal ones merge', () => {
    const mine = canvas({ mission: 'A', purpose: 'Same' });
    const theirs = canvas({ mission: 'B', purpose: 'Same' });
    const result = mergeItemData('canvas', null, mine, theirs);
    expect(result.conflicts.map((conflict) => conflict.path)).toEqual(['mission']);
    expect(result.merged.data.purpose).toBe('Same');
  });
});

describe('sameValue', () => {
  it('compares JSON structurally, ignoring key order', () => {
    expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: undefined }, {})).toBe(true);
    expect(sameValue(null, {})).toBe(false);
  });
});
