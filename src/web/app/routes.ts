/**
 * The one list of pages. The router builds its routes from it and scripts/check-bundle.ts measures
 * each page's initial JavaScript from it, so a page cannot be added to one and forgotten in the other.
 * The paths themselves are named in src/core/navigation/pages.ts (links and the server use them too).
 * It imports nothing else, so plain Node can read it.
 */
import { PAGE_PATHS } from '../../core/navigation/pages.ts';

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
  { path: PAGE_PATHS.home, module: 'features/landing/landing-page.tsx', access: 'public' },
  { path: PAGE_PATHS.diagnostic, module: 'features/diagnostic/diagnostic-page.tsx', access: 'public' },
  {
    path: `${PAGE_PATHS.diagnosticResults}/:id`,
    module: 'features/diagnostic/results-page.tsx',
    access: 'public',
  },
  { path: PAGE_PATHS.signIn, module: 'features/auth/sign-in-page.tsx', access: 'guest' },
  { path: PAGE_PATHS.signUp, module: 'features/auth/sign-up-page.tsx', access: 'guest' },
  { path: PAGE_PATHS.forgotPassword, module: 'features/auth/forgot-password-page.tsx', access: 'guest' },
  { path: PAGE_PATHS.resetPassword, module: 'features/auth/reset-password-page.tsx', access: 'public' },
  { path: PAGE_PATHS.verifyEmail, module: 'features/auth/verify-email-page.tsx', access: 'public' },
  { path: PAGE_PATHS.dashboard, module: 'features/dashboard/dashboard-page.tsx', access: 'signed-in' },
  { path: PAGE_PATHS.diagnosticHistory, module: 'features/diagnostic/history-page.tsx', access: 'signed-in' },
  { path: PAGE_PATHS.brands, module: 'features/brands/brands-page.tsx', access: 'signed-in' },
  { path: `${PAGE_PATHS.coach}/:sessionId?`, module: 'features/coach/coach-page.tsx', access: 'signed-in' },
  {
    path: PAGE_PATHS.brandMemory,
    module: 'features/brand-memory/brand-memory-page.tsx',
    access: 'signed-in',
  },
  { path: PAGE_PATHS.admin, module: 'features/admin/admin-page.tsx', access: 'admin' },
  { path: PAGE_PATHS.adminPrompts, module: 'features/admin/prompts-page.tsx', access: 'admin' },
  { path: PAGE_PATHS.adminSystem, module: 'features/admin/system-page.tsx', access: 'admin' },
  { path: PAGE_PATHS.adminUsers, module: 'features/admin/users-page.tsx', access: 'admin' },
  { path: `${PAGE_PATHS.adminUsers}/:userId`, module: 'features/admin/user-page.tsx', access: 'admin' },
  { path: PAGE_PATHS.adminAuditLog, module: 'features/admin/audit-log-page.tsx', access: 'admin' },
  { path: PAGE_PATHS.adminLeads, module: 'features/admin/leads-page.tsx', access: 'admin' },
  { path: PAGE_PATHS.adminBeta, module: 'features/admin/beta-page.tsx', access: 'admin' },
  { path: PAGE_PATHS.adminFeedback, module: 'features/admin/feedback-page.tsx', access: 'admin' },
  { path: PAGE_PATHS.settings, module: 'features/settings/settings-page.tsx', access: 'signed-in' },
  { path: PAGE_PATHS.beta, module: 'features/beta/beta-page.tsx', access: 'signed-in' },
  { path: PAGE_PATHS.accountDeleted, module: 'features/settings/account-deleted-page.tsx', access: 'public' },
  { path: PAGE_PATHS.unsubscribe, module: 'features/email-consent/unsubscribe-page.tsx', access: 'public' },
  { path: PAGE_PATHS.privacy, module: 'features/legal/privacy-page.tsx', access: 'public' },
  { path: PAGE_PATHS.terms, module: 'features/legal/terms-page.tsx', access: 'public' },
  { path: PAGE_PATHS.contact, module: 'features/legal/contact-page.tsx', access: 'public' },
  { path: PAGE_PATHS.ideaHub, module: 'features/idea/idea-hub-page.tsx', access: 'signed-in' },
  { path: PAGE_PATHS.insightModule, module: 'features/idea/insight-page.tsx', access: 'signed-in' },
  { path: PAGE_PATHS.distinctiveModule, module: 'features/idea/distinctive-page.tsx', access: 'signed-in' },
  { path: PAGE_PATHS.empatheticModule, module: 'features/idea/empathetic-page.tsx', access: 'signed-in' },
  { path: PAGE_PATHS.authenticModule, module: 'features/idea/authentic-page.tsx', access: 'signed-in' },
  { path: PAGE_PATHS.avatars, module: 'features/avatars/avatars-page.tsx', access: 'signed-in' },
  { path: `${PAGE_PATHS.avatars}/:itemId`, module: 'features/avatars/avatar-page.tsx', access: 'signed-in' },
  { path: PAGE_PATHS.canvas, module: 'features/canvas/canvas-page.tsx', access: 'signed-in' },
  { path: PAGE_PATHS.valueLens, module: 'features/value-lens/value-lens-page.tsx', access: 'signed-in' },
  { path: PAGE_PATHS.knowledge, module: 'features/knowledge/knowledge-page.tsx', access: 'signed-in' },
  {
    path: `${PAGE_PATHS.knowledge}/documents/:documentId`,
    module: 'features/knowledge/document-page.tsx',
    access: 'signed-in',
  },
  { path: PAGE_PATHS.research, module: 'features/research/research-page.tsx', access: 'signed-in' },
  {
    path: PAGE_PATHS.researchIntent,
    module: 'features/research-intent/research-intent-page.tsx',
    access: 'signed-in',
  },
  {
    path: PAGE_PATHS.researchReviews,
    module: 'features/research-reviews/research-reviews-page.tsx',
    access: 'signed-in',
  },
  { path: PAGE_PATHS.surveys, module: 'features/surveys/surveys-page.tsx', access: 'signed-in' },
  {
    path: `${PAGE_PATHS.surveys}/:surveyId`,
    module: 'features/surveys/survey-builder-page.tsx',
    access: 'signed-in',
  },
  {
    path: `${PAGE_PATHS.surveys}/:surveyId/results`,
    module: 'features/surveys/survey-results-page.tsx',
    access: 'signed-in',
  },
  // Answered by anyone with the link, at phone width, with as little JavaScript as possible.
  {
    path: `${PAGE_PATHS.publicSurvey}/:slug`,
    module: 'features/surveys/public-survey-page.tsx',
    access: 'public',
  },
  { path: '*', module: 'features/not-found/not-found-page.tsx', access: 'public' },
] as const satisfies readonly RouteDefinition[];
