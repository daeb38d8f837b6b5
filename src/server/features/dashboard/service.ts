/** Assembles a brand's progress for the dashboard from stored items and the latest diagnostic. */
import type { DiagnosticResult } from '../../../core/diagnostic/contracts.ts';
import { scoresFrom } from '../../../core/diagnostic/scoring.ts';
import type { ItemData, SingletonKind } from '../../../core/workspace/items.ts';
import { type BrandProgress, brandProgress } from '../../../core/workspace/progress.ts';
import type { WorkspaceStore } from '../../platform/workspace-store.ts';

export interface DashboardDeps {
  workspace: WorkspaceStore;
  /** The brand's latest diagnostic result (the diagnostic feature's, passed in by the app). */
  latestDiagnostic(userId: string, brandId: string): Promise<DiagnosticResult | null>;
}

export function createDashboardService(deps: DashboardDeps) {
  return {
    async progress(userId: string, brandId: string): Promise<BrandProgress> {
      // The brand check comes first: the diagnostic read trusts it.
      const workspace = await deps.workspace.brandWorkspace(userId, brandId);
      const latest = await deps.latestDiagnostic(userId, brandId);
      const saved = <K extends SingletonKind>(kind: K): ItemData<K> | undefined =>
        workspace.singletons[kind]?.data as ItemData<K> | undefined;
      const [learning, insight, assessment, distinctive, empathetic, authentic, canvas] = [
        saved('learning'),
        saved('insight'),
        saved('trigger-assessment'),
        saved('distinctive'),
        saved('empathetic'),
        saved('authentic'),
        saved('canvas'),
      ];
      const avatars = workspace.avatars;
      const diagnostic = latest
        ? scoresFrom(latest.scores.overall, {
            insight: latest.scores.dimensions.insight.score,
            distinctive: latest.scores.dimensions.distinctive.score,
            empathetic: latest.scores.dimensions.empathetic.score,
            authentic: latest.scores.dimensions.authentic.score,
          })
        : null;
      return brandProgress({
        learning,
        insight,
        'trigger-assessment': assessment,
        distinctive,
        empathetic,
        authentic,
        canvas,
        avatarNames: avatars.map((avatar) => String(avatar.data.name)),
        diagnostic,
      });
    },
  };
}
export type DashboardService = ReturnType<typeof createDashboardService>;
