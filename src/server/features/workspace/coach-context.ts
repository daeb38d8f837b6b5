/**
 * The brand workspace as the coach reads it: the canvas, the four IDEA worksheets and the avatars of
 * the one brand the request names (already checked to be the user's own).
 */
import {
  renderWorkspace,
  summariseWorkspace,
  type WorkspaceSnapshot,
} from '../../../core/ai/workspace-context.ts';
import type { ItemData } from '../../../core/workspace/items.ts';
import type { ContextSource } from '../../ai/context.ts';
import type { WorkspaceStore } from '../../platform/workspace-store.ts';

export function workspaceContextSource(store: WorkspaceStore): ContextSource {
  return async ({ userId, brandId }) => {
    if (!brandId) return { coach: { brand: null }, section: null };
    const [owned, workspace] = await Promise.all([
      store.requireBrand(userId, brandId),
      store.brandWorkspace(userId, brandId),
    ]);
    const saved = <K extends 'canvas' | 'insight' | 'distinctive' | 'empathetic' | 'authentic'>(kind: K) =>
      (workspace.singletons[kind]?.data as ItemData<K> | undefined) ?? null;
    const snapshot: WorkspaceSnapshot = {
      brandName: owned.name,
      canvas: saved('canvas'),
      insight: saved('insight'),
      distinctive: saved('distinctive'),
      empathetic: saved('empathetic'),
      authentic: saved('authentic'),
      avatars: workspace.avatars.map((avatar) => avatar.data as ItemData<'avatar'>),
    };
    return {
      coach: { brand: summariseWorkspace(snapshot) },
      section: { name: 'Brand workspace', priority: 20, text: renderWorkspace(snapshot) },
    };
  };
}
