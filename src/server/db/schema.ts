/**
 * The database schema: one file per area under `schema/`, gathered here for drizzle-kit, the
 * migration runner and the data lifecycle's table discovery. Conventions for every table (see
 * docs/decisions/0004-database.md): uuid `id`, `created_at` / `updated_at` timestamps, `deleted_at` on
 * user content (soft delete), and an index on every foreign key. Schema files import each other
 * only downwards (auth ← workspace ← the rest), never in a circle.
 */
export * from './schema/account-lifecycle.ts';
export * from './schema/admin.ts';
export * from './schema/ai.ts';
export * from './schema/auth.ts';
export * from './schema/backups.ts';
export * from './schema/beta.ts';
export * from './schema/brand-memory.ts';
export * from './schema/coach.ts';
export * from './schema/diagnostic.ts';
export * from './schema/email-consent.ts';
export * from './schema/feedback.ts';
export * from './schema/idea.ts';
export * from './schema/jobs.ts';
export * from './schema/knowledge.ts';
export * from './schema/platform.ts';
export * from './schema/research.ts';
export * from './schema/research-reviews.ts';
export * from './schema/surveys.ts';
export * from './schema/system.ts';
export * from './schema/value-lens.ts';
export * from './schema/workspace.ts';
