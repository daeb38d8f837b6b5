import { describe, expect, it } from 'vitest';
import {
  dayKey,
  isoWeekKey,
  monthKey,
  planOwnRotation,
  planRotation,
  type RotationCandidate,
} from './rotation.ts';

const POLICY = { daily: 7, weekly: 4, monthly: 12 };

/** One backup a day at 02:00 UTC for `days` days ending on `last`. */
function dailyBackups(last: string, days: number): RotationCandidate[] {
  const end = new Date(`${last}T02:00:00Z`).getTime();
  return Array.from({ length: days }, (_, index) => {
    const createdAt = new Date(end - index * 86_400_000);
    return { name: `backup-${createdAt.toISOString()}`, createdAt };
  });
}

const names = (backups: RotationCandidate[]) =>
  backups.map((backup) => backup.createdAt.toISOString().slice(0, 10));

describe('backup rotation', () => {
  it('computes ISO weeks across year boundaries', () => {
    expect(isoWeekKey(new Date('2026-11-26T12:00:00Z'))).toBe('2026-W48');
    // 2021-01-03 (Sunday) still belongs to ISO week 53 of 2020; 2024-12-30 (Monday) to week 1 of 2025.
    expect(isoWeekKey(new Date('2021-01-03T23:59:59Z'))).toBe('2020-W53');
    expect(isoWeekKey(new Date('2021-01-04T00:00:00Z'))).toBe('2021-W01');
    expect(isoWeekKey(new Date('2024-12-30T00:00:00Z'))).toBe('2025-W01');
    expect(dayKey(new Date('2026-03-01T00:30:00Z'))).toBe('2026-03-01');
    expect(monthKey(new Date('2026-03-01T00:30:00Z'))).toBe('2026-03');
  });

  it('keeps nothing extra when there are fewer backups than the policy allows', () => {
    const backups = dailyBackups('2026-11-26', 3);
    const plan = planRotation(backups, POLICY);
    expect(plan.remove).toEqual([]);
    expect(plan.keep).toHaveLength(3);
  });

  it('keeps 7 daily, 4 weekly and 12 monthly backups out of a year and a half of dailies', () => {
    const backups = dailyBackups('2026-11-26', 540);
    const plan = planRotation(backups, POLICY);
    const kept = names(plan.keep);
    // The last seven days.
    expect(kept.slice(0, 7)).toEqual([
      '2026-11-26',
      '2026-11-25',
      '2026-11-24',
      '2026-11-23',
      '2026-11-22',
      '2026-11-21',
      '2026-11-20',
    ]);
    // Newest of each of the last four ISO weeks: Sundays before the current week (Mon 23rd – Thu 26th).
    for (const sunday of ['2026-11-22', '2026-11-15', '2026-11-08']) expect(kept).toContain(sunday);
    // Newest of each of the last twelve months: month ends, back to December 2025.
    for (const monthEnd of ['2026-10-31', '2026-01-31', '2025-12-31']) expect(kept).toContain(monthEnd);
    expect(kept).not.toContain('2025-11-30');
    // 7 days + 2 older weeks (the current and previous weeks are already among the days) + 11 older months.
    expect(plan.keep).toHaveLength(7 + 2 + 11);
    expect(plan.keep.length + plan.remove.length).toBe(540);
    expect(names(plan.remove)).not.toContain('2026-11-26');
  });

  it('keeps the newest backup of a day when several were taken', () => {
    const morning = { name: 'a', createdAt: new Date('2026-11-26T02:00:00Z') };
    const evening = { name: 'b', createdAt: new Date('2026-11-26T20:00:00Z') };
    const plan = planRotation([morning, evening], { daily: 1, weekly: 0, monthly: 0 });
    expect(plan.keep).toEqual([evening]);
    expect(plan.remove).toEqual([morning]);
  });

  it('counts days that have backups, so a long pause does not delete the last good ones', () => {
    const old = dailyBackups('2026-01-10', 10);
    const plan = planRotation(old, { daily: 7, weekly: 0, monthly: 0 });
    expect(plan.keep).toHaveLength(7);
    expect(names(plan.keep)[0]).toBe('2026-01-10');
  });

  it('always keeps the newest backup, and is deterministic on equal times', () => {
    const at = new Date('2026-11-26T02:00:00Z');
    const plan = planRotation(
      [
        { name: 'x', createdAt: at },
        { name: 'y', createdAt: at },
      ],
      { daily: 0, weekly: 0, monthly: 0 },
    );
    expect(plan.keep.map((backup) => backup.name)).toEqual(['y']);
  });
});

describe('rotation with several databases in one folder', () => {
  const ours = '6c1f6d0e-7a53-4f0f-9d7e-2f4b8d5a9c01';
  const theirs = '0a8e3c44-91b2-4c3d-8e5f-6a7b8c9d0e1f';
  const tagged = (backups: RotationCandidate[], databaseId: string | null) =>
    backups.map((backup) => ({ ...backup, name: `${databaseId ?? 'legacy'}-${backup.name}`, databaseId }));

  it('rotates only its own backups and leaves another database’s and unidentified ones alone', () => {
    const own = tagged(dailyBackups('2026-11-26', 30), ours);
    const other = tagged(dailyBackups('2026-11-26', 30), theirs);
    const legacy = tagged(dailyBackups('2026-10-01', 20), null);
    const plan = planOwnRotation([...other, ...own, ...legacy], { daily: 3, weekly: 0, monthly: 0 }, ours);
    expect(plan.keep.map((backup) => backup.databaseId)).toEqual([ours, ours, ours]);
    expect(plan.remove).toHaveLength(27);
    expect(plan.remove.every((backup) => backup.databaseId === ours)).toBe(true);
    expect(plan.untouched).toHaveLength(50);
    expect(new Set(plan.untouched.map((backup) => backup.databaseId))).toEqual(new Set([theirs, null]));
  });

  it('plans the same for its own backups as when they are alone in the folder', () => {
    const own = tagged(dailyBackups('2026-11-26', 400), ours);
    const mixed = planOwnRotation([...own, ...tagged(dailyBackups('2026-11-26', 400), theirs)], POLICY, ours);
    const alone = planRotation(own, POLICY);
    expect(mixed.keep).toEqual(alone.keep);
    expect(mixed.remove).toEqual(alone.remove);
  });

  it('removes nothing when the folder holds no backup of its own', () => {
    const plan = planOwnRotation(tagged(dailyBackups('2026-11-26', 10), theirs), POLICY, ours);
    expect(plan).toMatchObject({ keep: [], remove: [] });
    expect(plan.untouched).toHaveLength(10);
  });
});
