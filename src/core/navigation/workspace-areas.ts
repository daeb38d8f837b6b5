import { PAGE_PATHS } from './pages.ts';

/**
 * Parts of the workspace that diagnostic actions (and later the coach) can point to. Only areas with
 * a path here are linked: a page that does not exist yet is never linked to. Add the path when the
 * page ships.
 */
export const WORKSPACE_AREAS = [
  'insight-module',
  'distinctive-module',
  'empathetic-module',
  'authentic-module',
  'avatars',
  'brand-canvas',
  'value-lens',
  'buyer-intent',
  'review-analyzer',
  'surveys',
] as const;
export type WorkspaceArea = (typeof WORKSPACE_AREAS)[number];

export const WORKSPACE_AREA_LABELS: Record<WorkspaceArea, string> = {
  'insight-module': 'Insight module',
  'distinctive-module': 'Distinctive module',
  'empathetic-module': 'Empathetic module',
  'authentic-module': 'Authentic module',
  avatars: 'Customer avatars',
  'brand-canvas': 'Brand canvas',
  'value-lens': 'Value Lens copy generator',
  'buyer-intent': 'Buyer-intent research',
  'review-analyzer': 'Review analyzer',
  surveys: 'Surveys',
};

export const AVAILABLE_WORKSPACE_PATHS: Partial<Record<WorkspaceArea, string>> = {
  'insight-module': PAGE_PATHS.insightModule,
  'distinctive-module': PAGE_PATHS.distinctiveModule,
  'empathetic-module': PAGE_PATHS.empatheticModule,
  'authentic-module': PAGE_PATHS.authenticModule,
  avatars: PAGE_PATHS.avatars,
  'brand-canvas': PAGE_PATHS.canvas,
  'value-lens': PAGE_PATHS.valueLens,
  'buyer-intent': PAGE_PATHS.researchIntent,
  'review-analyzer': PAGE_PATHS.researchReviews,
  surveys: PAGE_PATHS.surveys,
};

export function workspacePath(area: WorkspaceArea): string | undefined {
  return AVAILABLE_WORKSPACE_PATHS[area];
}
