/** Assembles a brand's progress for the dashboard from stored items and the latest diagnostic. */
import { scoresFrom } from '../../../core/diagnostic/scoring.ts';
import { type ItemData, isSingletonKind, type SingletonKind } from '../../../core/workspace/items.ts';
import { type BrandProgress, brandProgress } from '../../../core/workspace/progress.ts';
import { AppError } from '../../platform/errors.ts';
import { MAX_COLLECTION_ITEMS } from '../../platform/workspace-store.ts';
import type { DashboardQueries } from './queries.ts';

export interface DashboardDeps {
  queries: DashboardQueries;
}

export function createDashboardService(deps: DashboardDeps) {
  return {
    async progress(userId: string, brandId: string): Promise<BrandProgress> {
      // The brand check, its items and the latest diagnostic are one read.
      const rows = await deps.queries.progressRows(userId, brandId);
      const [first] = rows;
      if (!first) throw new AppError(404, 'NOT_FOUND', 'That brand was not found.');
      const singletons: Partial<Record<SingletonKind, Record<string, unknown>>> = {};
      const avatarNames: string[] = [];
      for (const row of rows) {
        if (!row.data) continue;
        if (row.singletonKey && isSingletonKind(row.singletonKey)) singletons[row.singletonKey] = row.data;
        else if (row.kind === 'avatar' && avatarNames.length < MAX_COLLECTION_ITEMS)
          avatarNames.push(String(row.data.name));
      }
      const saved = <K extends SingletonKind>(kind: K): ItemData<K> | undefined =>
        singletons[kind] as ItemData<K> | undefined;
      const latest = first.latestScores;
      const diagnostic = latest
        ? scoresFrom(latest[0], {
            insight: latest[1],
            distinctive: latest[2],
            empathetic: latest[3],
            authentic: latest[4],
          })
        : null;
      return brandProgress({
        learning: saved('learning'),
        insight: saved('insight'),
        'trigger-assessment': saved('trigger-assessment'),
        distinctive: saved('distinctive'),
        empathetic: saved('empathetic'),
        authentic: saved('authentic'),
        canvas: saved('canvas'),
        avatarNames,
        diagnostic,
      });
    },
  };
}
export type DashboardService = ReturnType<typeof createDashboardService>;
