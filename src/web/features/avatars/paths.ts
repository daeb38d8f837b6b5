/** Where the avatar pages live (also listed in src/web/app/routes.ts and workspace-areas.ts). */
export const AVATARS_PATH = '/app/avatars';

export function avatarPath(itemId: string): string {
  return `${AVATARS_PATH}/${encodeURIComponent(itemId)}`;
}
