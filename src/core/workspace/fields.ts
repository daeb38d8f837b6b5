/**
 * Field builders shared by every workspace item schema, so limits and messages read the same
 * everywhere. Every text has a maximum length and every list a maximum size: one oversized request
 * can neither fill the database nor blow the coach's token budget.
 */
import { z } from 'zod';
import { TAG_MAX_LENGTH } from './limits.ts';

/** Free text that may be empty (a field the user has not filled yet). */
export const textField = (max: number) =>
  z
    .string()
    .max(max, `Keep this under ${max.toLocaleString('en')} characters`)
    .default('');

/** A required, non-blank short text (a name, a title). */
export const requiredText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'Must not be empty')
    .max(max, `Keep this under ${max.toLocaleString('en')} characters`);

/** A tag list: trimmed, non-empty, unique (case-insensitively), bounded. */
export const tagList = (maxTags: number, maxLength = TAG_MAX_LENGTH) =>
  z
    .array(requiredText(maxLength))
    .max(maxTags, `At most ${maxTags} tags`)
    .default([])
    .refine(
      (tags) => new Set(tags.map((tag) => tag.toLowerCase())).size === tags.length,
      'Each tag may appear only once',
    );

/** A bounded list of structured rows. */
export const rowList = <Row extends z.ZodType>(row: Row, maxRows: number) =>
  z.array(row).max(maxRows, `At most ${maxRows} rows`).default([]);
