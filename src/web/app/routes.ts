/**
 * The one list of pages. The router builds its routes from it and scripts/check-bundle.ts measures
 * each page's initial JavaScript from it, so a page cannot be added to one and forgotten in the other.
 * Kept free of imports so plain Node can read it.
 */
export type RouteAccess =
  /** Anyone. */
  | 'public'
  /** Visitors only: a signed-in user is sent on to `?next=` (or the dashboard). */
  | 'guest'
  /** Signed-in users only: visitors are sent to sign-in with `?next=` set to this page. */
  | 'signed-in'
  /** Admins only: like `signed-in`, and other users see a "for administrators only" page. */
  | 'admin';

export interface RouteDefinition {
  /** Absolute path pattern as React Router matches it; `*` is the not-found page. */
  readonly path: string;
  /** The page module relative to src/web; it default-exports the page component. */
  readonly module: string;
  readonly access: RouteAccess;
}

export const routeTable = [
  { path: '/', module: 'features/landing/landing-page.tsx', access: 'public' },
  { path: '/diagnostic', module: 'features/diagnostic/diagnostic-page.tsx', access: 'public' },
  { path: '/diagnostic/results/:id', module: 'features/diagnostic/results-page.tsx', access: 'public' },
  { path: '/auth/sign-in', module: 'features/auth/sign-in-page.tsx', access: 'guest' },
  { path: '/auth/sign-up', module: 'features/auth/sign-up-page.tsx', access: 'guest' },
  { path: '/auth/forgot-password', module: 'features/auth/forgot-password-page.tsx', access: 'guest' },
  { path: '/auth/reset-password', module: 'features/auth/reset-password-page.tsx', access: 'public' },
  { path: '/auth/verify-email', module: 'features/auth/verify-email-page.tsx', access: 'public' },
  { path: '/app', module: 'features/dashboard/dashboard-page.tsx', access: 'signed-in' },
  { path: '/app/diagnostic', module: 'features/diagnostic/history-page.tsx', access: 'signed-in' },
  { path: '/app/brands', module: 'features/workspace/brands-page.tsx', access: 'signed-in' },
  { path: '/app/coach/:sessionId?', module: 'features/coach/coach-page.tsx', access: 'signed-in' },
  { path: '/app/admin', module: 'features/admin/admin-page.tsx', access: 'admin' },
  { path: '/app/admin/prompts', module: 'features/admin/prompts-page.tsx', access: 'admin' },
  { path: '/app/admin/system', module: 'features/admin/system-page.tsx', access: 'admin' },
  { path: '/app/settings', module: 'features/settings/settings-page.tsx', access: 'signed-in' },
  { path: '/account/deleted', module: 'features/settings/account-deleted-page.tsx', access: 'public' },
  { path: '/app/idea', module: 'features/idea/idea-hub-page.tsx', access: 'signed-in' },
  { path: '/app/idea/insight', module: 'features/idea/insight-page.tsx', access: 'signed-in' },
  { path: '/app/idea/distinctive', module: 'features/idea/distinctive-page.tsx', access: 'signed-in' },
  { path: '/app/idea/empathetic', module: 'features/idea/empathetic-page.tsx', access: 'signed-in' },
  { path: '/app/idea/authentic', module: 'features/idea/authentic-page.tsx', access: 'signed-in' },
  { path: '/app/avatars', module: 'features/avatars/avatars-page.tsx', access: 'signed-in' },
  { path: '/app/avatars/:itemId', module: 'features/avatars/avatar-page.tsx', access: 'signed-in' },
  { path: '/app/canvas', module: 'features/canvas/canvas-page.tsx', access: 'signed-in' },
  { path: '/app/value-lens', module: 'features/value-lens/value-lens-page.tsx', access: 'signed-in' },
  { path: '*', module: 'features/not-found/not-found-page.tsx', access: 'public' },
] as const satisfies readonly RouteDefinition[];
