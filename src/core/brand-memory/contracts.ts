/**
 * Brand memory: facts the owner confirmed about a brand ("our customers are mostly nurses"), which
 * the coach reads with every answer about that brand. The owner lists, adds, edits and deletes them;
 * a fact the coach suggested is stored only when the owner saves it.
 */
import { z } from 'zod';
import { idParam } from '../http/params.ts';
import {
  BRAND_MEMORY_MAX_PER_BRAND,
  BRAND_MEMORY_SOURCES,
  BRAND_MEMORY_TEXT_MAX,
  normaliseFact,
} from './limits.ts';

export { BRAND_MEMORY_MAX_PER_BRAND, BRAND_MEMORY_SOURCES, BRAND_MEMORY_TEXT_MAX };

const factText = z
  .string()
  .transform(normaliseFact)
  .pipe(
    z
      .string()
      .min(1, 'Write the fact the coach should remember')
      .max(BRAND_MEMORY_TEXT_MAX, `Keep a fact under ${BRAND_MEMORY_TEXT_MAX} characters`),
  );

export const brandMemorySchema = z.object({
  id: z.uuid(),
  brandId: z.uuid(),
  text: z.string(),
  source: z.enum(BRAND_MEMORY_SOURCES),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type BrandMemory = z.infer<typeof brandMemorySchema>;

export const brandMemoryListSchema = z.object({
  memories: z.array(brandMemorySchema),
  /** How many facts a brand may hold. */
  limit: z.number().int().positive(),
});
export type BrandMemoryList = z.infer<typeof brandMemoryListSchema>;

export const brandMemoryResponseSchema = z.object({ memory: brandMemorySchema });

export const createBrandMemorySchema = z.strictObject({
  text: factText,
  /** `coach-suggested` when the owner saves a fact the coach offered to remember. */
  source: z.enum(BRAND_MEMORY_SOURCES, { message: 'Unknown source' }).default('owner'),
});
export type CreateBrandMemory = z.input<typeof createBrandMemorySchema>;

export const updateBrandMemorySchema = z.strictObject({ text: factText });

export const brandMemoryParamsSchema = z.strictObject({ memoryId: idParam() });
