import { describe, expect, it } from 'vitest';
import { diffWords, versionDiff } from './version-diff.ts';

describe('diffWords', () => {
  it('marks the words removed and added, keeping the rest', () => {
    expect(diffWords('Calm mornings for busy parents.', 'Calm mornings for every busy family.')).toEqual([
      { kind: 'same', text: 'Calm mornings for ' },
      { kind: 'added', text: 'every ' },
      { kind: 'same', text: 'busy ' },
      { kind: 'removed', text: 'parents.' },
      { kind: 'added', text: 'family.' },
    ]);
    expect(diffWords('', 'New text')).toEqual([{ kind: 'added', text: 'New text' }]);
    expect(diffWords('Old text', '')).toEqual([{ kind: 'removed', text: 'Old text' }]);
    expect(diffWords('Same', 'Same')).toEqual([{ kind: 'same', text: 'Same' }]);
  });

  it('shows a very long change as replaced whole', () => {
    const long = Array.from({ length: 700 }, (_, index) => `w${index}`).join(' ');
    expect(diffWords(long, `${long} more`)).toEqual([
      { kind: 'removed', text: long },
      { kind: 'added', text: `${long} more` },
    ]);
  });
});

describe('versionDiff', () => {
  it('lists the fields in the current copy’s order', () => {
    const diff = versionDiff({ voice: 'a', purpose: 'b' }, { purpose: 'b', vision: 'c', voice: 'a' });
    expect(diff.map((field) => field.key)).toEqual(['purpose', 'vision', 'voice']);
  });

  it('compares an earlier version with the current one field by field', () => {
    const earlier = {
      purpose: 'Calm mornings for busy parents.',
      vision: 'Unchanged vision.',
      values: ['Honesty', 'Quality'],
      story: { origin: 'A kitchen table', mission: '' },
    };
    const current = {
      purpose: 'Calm mornings for every busy family.',
      vision: 'Unchanged vision.',
      values: ['Honesty', 'Care'],
      story: { origin: 'A kitchen table in Leeds', mission: '' },
    };
    const diff = versionDiff(earlier, current);
    expect(diff.map((field) => [field.key, field.kind])).toEqual([
      ['purpose', 'text'],
      ['vision', 'unchanged'],
      ['values', 'tags'],
      ['story', 'text'],
    ]);
    expect(diff[0]).toMatchObject({ label: 'Purpose' });
    expect(diff[2]).toEqual({
      key: 'values',
      label: 'Values',
      kind: 'tags',
      removed: ['Quality'],
      added: ['Care'],
      kept: ['Honesty'],
    });
    const story = diff[3];
    expect(story?.kind === 'text' && story.segments.filter((segment) => segment.kind === 'added')).toEqual([
      { kind: 'added', text: ' in Leeds' },
    ]);
  });
});
