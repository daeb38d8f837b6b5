import type { ErrorDetail } from '../../core/http/envelope.ts';
import { isApiError } from './api-client.ts';

export interface MappedFieldErrors<Field extends string> {
  fieldErrors: Partial<Record<Field, string>>;
  /** Details that name no field on this form; show them with the form's general error. */
  unmatched: ErrorDetail[];
}

/**
 * Turns the server's `details[]` into per-field messages. Paths may arrive as `email`, `body.email`
 * or `/email`; `aliases` maps server names onto this form's (e.g. `password` → `newPassword`).
 */
export function mapErrorDetails<Field extends string>(
  error: unknown,
  fields: readonly Field[],
  aliases: Partial<Record<string, Field>> = {},
): MappedFieldErrors<Field> {
  const result: MappedFieldErrors<Field> = { fieldErrors: {}, unmatched: [] };
  if (!isApiError(error)) return result;
  for (const detail of error.details) {
    const last = detail.path.split(/[./]/).filter(Boolean).at(-1) ?? '';
    const field = aliases[last] ?? fields.find((candidate) => candidate === last);
    if (field && !result.fieldErrors[field]) result.fieldErrors[field] = detail.message;
    else if (!field) result.unmatched.push(detail);
  }
  return result;
}
