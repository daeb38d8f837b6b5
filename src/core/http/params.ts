/**
 * The shared types of ids and whole numbers in the API's contracts. Every number a route passes to
 * the database is bounded to PostgreSQL's `integer` (int4), so `version=2147483648` is a 400 naming
 * the field, never a 500 from the database (ADR 0030); every id is a UUID, like the columns.
 */
import { z } from 'zod';

/** The largest value of PostgreSQL's `integer` (int4): 2^31 − 1. */
export const INT4_MAX = 2_147_483_647;

interface IntegerBounds {
  min?: number;
  max?: number;
}

function bounded(schema: z.ZodNumber, { min = 1, max = INT4_MAX }: IntegerBounds) {
  // Range first: 2^63 is also not a safe integer, and "at most 2147483647" is the useful message.
  return schema
    .min(min, `Must be at least ${min}`)
    .max(Math.min(max, INT4_MAX), `Must be at most ${Math.min(max, INT4_MAX)}`)
    .int('Must be a whole number');
}

/** A whole number in a path or query string (text, read as a number), within int4. Default min 1. */
export function integerParam(bounds: IntegerBounds = {}) {
  return bounded(z.coerce.number({ error: 'Must be a whole number' }), bounds);
}

/** A whole number in a JSON body that reaches the database, within int4. Default min 1. */
export function int4(bounds: IntegerBounds = {}) {
  return bounded(z.number({ error: 'Must be a whole number' }), bounds);
}

/** An id in a path, query or body: ids are UUIDs everywhere. */
export function idParam(message = 'Must be a UUID') {
  return z.uuid(message);
}
