/**
 * The one place request text is checked before any route sees it (ADR 0030). PostgreSQL cannot store
 * a NUL character (U+0000) in text or jsonb, and a lone UTF-16 surrogate is not Unicode at all (in
 * jsonb it is a 22P05 error; in text it would silently become U+FFFD on the way in). No honest client
 * sends either, so every string in the body, the query and the path parameters — keys included — is
 * checked once, after parsing and before schema validation, and a request holding one is refused with
 * `400 VALIDATION_FAILED` naming each field. Bodies nested deeper than any contract allows are refused
 * the same way, before a validator or a service walks them.
 *
 * A route that only reads the text it is sent, stores none of it and explains unusable text itself
 * opts out of the text check (not the depth check) with `config: TEXT_NOT_STORED`: the review import
 * recognises a binary file pasted as CSV by its NUL bytes and says so.
 *
 * Only JSON bodies are accepted (`text/plain` too would reach the schemas as a string); other media
 * types are `415 UNSUPPORTED_MEDIA_TYPE`.
 */
import type { FastifyContextConfig, FastifyInstance } from 'fastify';
import type { ErrorDetail } from '../../core/http/envelope.ts';
import { AppError } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route stores none of the text it is sent and explains unusable text itself. */
    textNotStored?: true;
  }
}

/** The route option for a route that reads text and stores none of it (see above). */
export const TEXT_NOT_STORED = { textNotStored: true } as const satisfies FastifyContextConfig;

/** Deeper than any contract's data (an avatar is four levels); the limit only stops abuse. */
export const MAX_INPUT_DEPTH = 32;
/** One request's problems are listed up to this many; the rest are the same mistake. */
const MAX_DETAILS = 20;

const NUL_MESSAGE = 'Contains a NUL character (U+0000), which cannot be stored. Remove it and try again.';
const SURROGATE_MESSAGE =
  'Contains an incomplete character (a lone UTF-16 surrogate), which is not valid text. Re-type or re-paste it.';
const KEY_NUL_MESSAGE = 'This field name contains a NUL character (U+0000).';
const KEY_SURROGATE_MESSAGE = 'This field name contains an incomplete character (a lone UTF-16 surrogate).';
const DEPTH_MESSAGE = `Nested more than ${MAX_INPUT_DEPTH} levels deep.`;

// A high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why this text cannot be accepted, or null when it can. */
export function textProblem(text: string): 'nul' | 'lone-surrogate' | null {
  if (text.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(text)) return 'lone-surrogate';
  return null;
}

/** A path segment that shows unprintable characters as `\uXXXX` instead of sending them back. */
function printable(key: string): string {
  return Array.from(key, (character) => {
    const code = character.codePointAt(0) ?? 0;
    const unprintable = code < 0x20 || code === 0x7f || (code >= 0xd800 && code <= 0xdfff);
    return unprintable ? `\\u${code.toString(16).padStart(4, '0')}` : character;
  }).join('');
}

/**
 * Every place in `value` that cannot be accepted, as envelope details (`body.brand.name`). Walks
 * objects and arrays to `MAX_INPUT_DEPTH` levels; anything deeper is one problem at that level.
 */
export function findUnsafeInput(
  value: unknown,
  path: string,
  { checkText = true }: { checkText?: boolean } = {},
): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  // Every request is walked and nearly all are clean: the path is kept as segments and only spelled
  // out (with unprintable keys escaped) for a problem, not built for every field.
  const segments: string[] = [path];
  const report = (message: string) => details.push({ path: segments.map(printable).join('.'), message });
  const visit = (node: unknown, depth: number): void => {
    if (details.length >= MAX_DETAILS) return;
    if (typeof node === 'string') {
      if (!checkText) return;
      const problem = textProblem(node);
      if (problem) report(problem === 'nul' ? NUL_MESSAGE : SURROGATE_MESSAGE);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if (depth >= MAX_INPUT_DEPTH) {
      report(DEPTH_MESSAGE);
      return;
    }
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index += 1) {
        segments.push(String(index));
        visit(node[index], depth + 1);
        segments.pop();
      }
      return;
    }
    for (const key of Object.keys(node)) {
      segments.push(key);
      const keyProblem = checkText ? textProblem(key) : null;
      if (keyProblem) {
        report(keyProblem === 'nul' ? KEY_NUL_MESSAGE : KEY_SURROGATE_MESSAGE);
        if (details.length >= MAX_DETAILS) return;
      }
      visit((node as Record<string, unknown>)[key], depth + 1);
      segments.pop();
    }
  };
  visit(value, 0);
  return details;
}

export function registerInputGuard(app: FastifyInstance): void {
  // Fastify parses text/plain by default; the API speaks JSON only, so it becomes a 415 like the rest.
  app.removeContentTypeParser('text/plain');
  // Callback style: the check is synchronous, so no promise per request.
  app.addHook('preValidation', (request, _reply, done) => {
    const options = { checkText: request.routeOptions.config.textNotStored !== true };
    const details = [
      ...findUnsafeInput(request.params, 'params', options),
      ...findUnsafeInput(request.query, 'querystring', options),
      ...findUnsafeInput(request.body, 'body', options),
    ].slice(0, MAX_DETAILS);
    if (details.length === 0) return done();
    done(
      new AppError(400, 'VALIDATION_FAILED', 'Some fields contain characters that cannot be accepted.', {
        details,
      }),
    );
  });
}
