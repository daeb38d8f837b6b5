/**
 * The brand workspace as the coach reads it: the canvas, the four IDEA worksheets and the avatars of
 * the one brand the request names (already checked to be the user's own). The offline coach gets a
 * summary; a provider gets three sections the budget ranks — the brand profile (name and canvas), the
 * avatars the request is most about with their reviews and review analysis, then the worksheets.
 */
import { renderAvatars, renderBrandProfile, renderWorksheets } from '../../../core/ai/brand-context.ts';
import type { ContextSection } from '../../../core/ai/context.ts';
import { CONTEXT_SECTIONS } from '../../../core/ai/context-sections.ts';
import { summariseWorkspace, type WorkspaceSnapshot } from '../../../core/ai/workspace-context.ts';
import type { ItemData } from '../../../core/workspace/items.ts';
import type { ContextSource, SourceRequest } from '../../ai/context.ts';
import type { BrandWorkspace } from '../../platform/workspace-store.ts';

/** The request's own words (its message, question or notes), which may name an avatar. */
function requestWords(input: Record<string, unknown>): string {
  return Object.entries(input)
    .filter(([key, value]) => key !== 'brandId' && typeof value === 'string')
    .map(([, value]) => value as string)
    .join(' ');
}

/**
 * `brandWorkspace` reads the request's brand with its live items (a 404 when it is not the user's);
 * the app passes the coach's shared brand read (ai/brand-reads.ts).
 */
export function workspaceContextSource(
  brandWorkspace: (request: SourceRequest & { brandId: string }) => Promise<BrandWorkspace>,
): ContextSource {
  return async (request) => {
    const { brandId, input } = request;
    if (!brandId) return { coach: { brand: null }, section: null };
    const workspace = await brandWorkspace({ ...request, brandId });
    const saved = <K extends 'canvas' | 'insight' | 'distinctive' | 'empathetic' | 'authentic'>(kind: K) =>
      (workspace.singletons[kind]?.data as ItemData<K> | undefined) ?? null;
    const snapshot: WorkspaceSnapshot = {
      brandName: workspace.brand.name,
      canvas: saved('canvas'),
      insight: saved('insight'),
      distinctive: saved('distinctive'),
      empathetic: saved('empathetic'),
      authentic: saved('authentic'),
      avatars: workspace.avatars.map((avatar) => avatar.data as ItemData<'avatar'>),
    };
    const sections: ContextSection[] = [
      { ...CONTEXT_SECTIONS.profile, text: renderBrandProfile(snapshot.brandName, snapshot.canvas) },
    ];
    const avatars = renderAvatars(snapshot.avatars, requestWords(input));
    if (avatars) sections.push({ ...CONTEXT_SECTIONS.avatars, text: avatars });
    const worksheets = renderWorksheets(snapshot);
    if (worksheets) sections.push({ ...CONTEXT_SECTIONS.worksheets, text: worksheets });
    return { coach: { brand: summariseWorkspace(snapshot) }, section: sections };
  };
}
