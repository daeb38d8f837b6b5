/** The review-import request and answer (see avatar-reviews.ts for the rules). */
import { z } from 'zod';
import { MAX_IMPORT_CHARACTERS } from './avatar-reviews.ts';

export const REVIEW_IMPORT_FORMATS = ['text', 'csv'] as const;

export const reviewImportBodySchema = z.strictObject({
  /** `text`: one review per line, or reviews separated by blank lines. `csv`: a file with a header row. */
  format: z.enum(REVIEW_IMPORT_FORMATS, { message: 'Format must be text or csv' }),
  text: z
    .string()
    .max(
      MAX_IMPORT_CHARACTERS,
      `Keep the reviews under ${MAX_IMPORT_CHARACTERS.toLocaleString('en')} characters`,
    ),
  /** CSV only: the header of the column that holds the review text (otherwise it is found). */
  column: z.string().trim().min(1).max(200).optional(),
});
export type ReviewImportBody = z.input<typeof reviewImportBodySchema>;

export const reviewImportResponseSchema = z.object({
  reviews: z.array(z.string()),
  /** CSV: the header row, so the user can choose another column. Empty for pasted text. */
  columns: z.array(z.string()),
  /** CSV: the column the reviews were read from. */
  column: z.string().nullable(),
  /** Reviews found but left out to stay within one analysis's limits. */
  omitted: z.number().int().min(0),
});
export type ReviewImport = z.infer<typeof reviewImportResponseSchema>;
