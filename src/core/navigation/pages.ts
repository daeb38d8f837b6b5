/**
 * Every page's path, written once. src/web/app/routes.ts gives each page its module and access level
 * (adding the `:param` segments); links, redirects, the sitemap and the suggested next steps all name
 * pages from here. No imports, so plain Node, the server and the web app can all read it.
 */
export const PAGE_PATHS = {
  home: '/',
  diagnostic: '/diagnostic',
  /** One result: `diagnosticResultPath(id)`. */
  diagnosticResults: '/diagnostic/results',
  signIn: '/auth/sign-in',
  signUp: '/auth/sign-up',
  forgotPassword: '/auth/forgot-password',
  resetPassword: '/auth/reset-password',
  verifyEmail: '/auth/verify-email',
  accountDeleted: '/account/deleted',
  /** Where a marketing email's unsubscribe link leads (`?token=`); works signed out (ADR 0047). */
  unsubscribe: '/email/unsubscribe',
  /** What this site stores and for how long, and the outside services it uses (ADR 0046). */
  privacy: '/privacy',
  terms: '/terms',
  /** The operator's contact details, as configured. */
  contact: '/contact',
  dashboard: '/app',
  diagnosticHistory: '/app/diagnostic',
  brands: '/app/brands',
  /** The conversations; one conversation: `coachSessionPath(id)`. */
  coach: '/app/coach',
  admin: '/app/admin',
  adminPrompts: '/app/admin/prompts',
  adminSystem: '/app/admin/system',
  /** Users: search and filters; one user's page: `adminUserPath(id)`. */
  adminUsers: '/app/admin/users',
  /** Every admin action, who did it and the state before and after (ADR 0052). */
  adminAuditLog: '/app/admin/audit-log',
  /** Report-by-email leads: consent, source result, status; CSV export; delete on request. */
  adminLeads: '/app/admin/leads',
  /** The beta programme's cohort and the funnel of its journey steps. */
  adminBeta: '/app/admin/beta',
  /** The feedback inbox and the ratings of AI answers per prompt version (ADR 0051). */
  adminFeedback: '/app/admin/feedback',
  settings: '/app/settings',
  /** The beta programme: what it is, joining with consent, the journey checklist, leaving (ADR 0053). */
  beta: '/beta',
  ideaHub: '/app/idea',
  insightModule: '/app/idea/insight',
  distinctiveModule: '/app/idea/distinctive',
  empatheticModule: '/app/idea/empathetic',
  authenticModule: '/app/idea/authentic',
  /** The avatar list; one avatar: `avatarPath(itemId)`. */
  avatars: '/app/avatars',
  canvas: '/app/canvas',
  valueLens: '/app/value-lens',
  /** Documents and the search over everything the owner wrote; one document: `documentPath(id)`. */
  knowledge: '/app/knowledge',
  /** What the coach remembers: the facts the owner confirmed about the current brand. */
  brandMemory: '/app/brand-memory',
  /** The Research area: the review analyser, buyer-intent research and surveys. */
  research: '/app/research',
  /** Buyer-intent research: search terms classified by intent and grouped by theme, saved runs. */
  researchIntent: '/app/research/intent',
  /** The review analyser: reviews read into themes, quotes, trend and mismatches, saved runs. */
  researchReviews: '/app/research/reviews',
  /** A brand's surveys; one survey's builder: `surveyBuilderPath(id)`, its results: `surveyResultsPath(id)`. */
  surveys: '/app/research/surveys',
  /** A survey's public link, answered without an account: `publicSurveyPath(slug)`. */
  publicSurvey: '/s',
} as const;

export function adminUserPath(userId: string): string {
  return `${PAGE_PATHS.adminUsers}/${encodeURIComponent(userId)}`;
}

export function diagnosticResultPath(resultId: string): string {
  return `${PAGE_PATHS.diagnosticResults}/${encodeURIComponent(resultId)}`;
}

export function coachSessionPath(sessionId: string): string {
  return `${PAGE_PATHS.coach}/${encodeURIComponent(sessionId)}`;
}

/** One remembered fact on the brand memory page. */
export function brandMemoryPath(memoryId: string): string {
  return `${PAGE_PATHS.brandMemory}#memory-${encodeURIComponent(memoryId)}`;
}

export function avatarPath(itemId: string): string {
  return `${PAGE_PATHS.avatars}/${encodeURIComponent(itemId)}`;
}

/** A document in the viewer, optionally at a page and with one passage highlighted. */
export function documentPath(documentId: string, at: { page?: number; chunk?: string } = {}): string {
  const query = new URLSearchParams();
  if (at.page) query.set('page', String(at.page));
  if (at.chunk) query.set('passage', at.chunk);
  const search = query.toString();
  return `${PAGE_PATHS.knowledge}/documents/${encodeURIComponent(documentId)}${search ? `?${search}` : ''}`;
}

export function surveyBuilderPath(surveyId: string): string {
  return `${PAGE_PATHS.surveys}/${encodeURIComponent(surveyId)}`;
}

export function surveyResultsPath(surveyId: string): string {
  return `${surveyBuilderPath(surveyId)}/results`;
}

/** The public link to a survey, relative to the site (prefix the origin to share it). */
export function publicSurveyPath(slug: string): string {
  return `${PAGE_PATHS.publicSurvey}/${encodeURIComponent(slug)}`;
}
