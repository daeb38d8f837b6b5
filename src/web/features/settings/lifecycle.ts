/**
 * Copies of two small values from src/core/account/lifecycle-contracts.ts. That module builds zod
 * schemas as it loads, and importing it here would put zod into this page's initial code;
 * lifecycle.test.ts keeps the copies equal to the originals.
 */
export const DELETION_CONFIRMATION_WORD = 'DELETE';

/** The export's name when the server does not send one: `idea-brand-coach-export-2026-11-26.zip`. */
export function fallbackExportFilename(at: Date): string {
  return `idea-brand-coach-export-${at.toISOString().slice(0, 10)}.zip`;
}
