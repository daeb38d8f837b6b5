/**
 * Holds AI copy to its format's length limit, whatever produced it: a provider may ignore the
 * limit the prompt states, so every variant is checked here before it is stored or shown. Blank
 * variants are dropped; over-long ones are shortened on a word boundary and the notes say so.
 */
import type { AiTaskOutput, CopyFormat } from '../ai/contracts.ts';
import { COPY_LIMITS, clipCopy, copyLength } from '../ai/copy-limits.ts';
import { countOf, plural } from '../text/plural.ts';

export interface LimitedCopy {
  format: CopyFormat;
  variants: string[];
  notes: string[];
  limit: number;
  /** How many variants had to be shortened. */
  clipped: number;
}

export function enforceCopyLimits(output: AiTaskOutput<'value-lens-copy'>, format: CopyFormat): LimitedCopy {
  const limit = COPY_LIMITS[format];
  let clipped = 0;
  const variants = output.variants
    .map((variant) => variant.trim())
    .filter((variant) => variant.length > 0)
    .map((variant) => {
      if (copyLength(variant) <= limit) return variant;
      clipped += 1;
      return clipCopy(variant, limit);
    });
  const notes = output.notes.map((note) => note.trim()).filter(Boolean);
  if (clipped > 0)
    notes.push(
      `${clipped === 1 ? 'One variant' : countOf(clipped, 'variant')} ${plural(clipped, 'was', 'were')} shortened to fit the ${limit}-character limit; reread ${plural(clipped, 'it', 'them')} before use.`,
    );
  return { format, variants, notes: notes.slice(0, 6), limit, clipped };
}

export function isWithinLimit(text: string, format: CopyFormat): boolean {
  return copyLength(text) <= COPY_LIMITS[format];
}
