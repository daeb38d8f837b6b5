/**
 * The tools the coach may call in chat when the provider supports tool calls
 * (docs/decisions/0038-coach-tools-and-proposals.md): their names, what the model is told about them,
 * and the arguments each accepts. A provider's arguments are checked here before anything runs; a
 * call that does not fit gets an error result the model can read, and the answer goes on.
 *
 * Pure: the server runs the tools; the definitions and the checks are shared and unit-tested.
 */
import { z } from 'zod';
import { valueLensBriefSchema } from '../value-lens/contracts.ts';
import { proposeEditArgsSchema } from './proposal-contracts.ts';

export const COACH_TOOL_NAMES = [
  'search_brand_knowledge',
  'read_diagnostic',
  'generate_copy',
  'propose_edit',
] as const;
export type CoachToolName = (typeof COACH_TOOL_NAMES)[number];

/** Rounds of tool calls one answer may take; the round after the last must answer in words. */
export const MAX_TOOL_ROUNDS = 3;
/** Calls one round may make; the rest get an error result (each call is answered, as the protocol needs). */
export const MAX_TOOL_CALLS_PER_ROUND = 4;
export const TOOL_QUERY_MAX = 200;

const searchArgsSchema = z.strictObject({
  query: z.string().trim().min(1, 'Must not be empty').max(TOOL_QUERY_MAX),
});

const diagnosticArgsSchema = z.strictObject({});

/**
 * A Value Lens brief, as the Value Lens form sends one: the product, its features, the format; the
 * server adds the brand canvas and, when named, one of the brand's avatars.
 */
const generateCopyArgsSchema = valueLensBriefSchema.extend({
  /** One of the brand's avatars to write for. */
  avatarId: z.uuid('Must be the id of one of the brand’s avatars').optional(),
});

export const COACH_TOOL_ARGS = {
  search_brand_knowledge: searchArgsSchema,
  read_diagnostic: diagnosticArgsSchema,
  generate_copy: generateCopyArgsSchema,
  propose_edit: proposeEditArgsSchema,
} as const satisfies Record<CoachToolName, z.ZodType>;

export type CoachToolArgs<N extends CoachToolName> = z.output<(typeof COACH_TOOL_ARGS)[N]>;

const DESCRIPTIONS: Record<CoachToolName, string> = {
  search_brand_knowledge:
    'Search everything the owner wrote for this brand (canvas, worksheets, avatars, reviews, diagnostics, uploaded documents). Returns numbered passages, numbered after the ones you already have; cite one as [n] right after the sentence that uses it.',
  read_diagnostic:
    'Read the latest IDEA diagnostic of this brand: overall and per-dimension scores and bands, and the weakest dimension. Returns null when the brand has none.',
  generate_copy:
    'Write copy with the Value Lens in one of its formats (amazon-bullets, product-description, ad-headline, social-caption, email-subject, video-hook, landing-hero), using the brand canvas and optionally one avatar. Returns the variants, each within the format’s length limit; they are also kept in the Value Lens history.',
  propose_edit:
    'Propose new text for one of the owner’s fields: a canvas field (purpose, vision, mission, positioning, valueProposition, tagline, voice), a worksheet answer (e.g. insight.buyerMotivation, authentic.promise) or an avatar field (name, demographics.occupation, demographics.lifestyle, with the avatar’s itemId). The owner sees it as a card and decides; nothing is saved unless they accept. Use it only when you have a concrete, better text for that exact field.',
};

export interface CoachToolDefinition {
  name: CoachToolName;
  description: string;
  /** JSON Schema of the arguments, as the provider's `tools[].function.parameters`. */
  parameters: Record<string, unknown>;
}

export const COACH_TOOL_DEFINITIONS: readonly CoachToolDefinition[] = COACH_TOOL_NAMES.map((name) => {
  const { $schema: _dialect, ...parameters } = z.toJSONSchema(COACH_TOOL_ARGS[name], { io: 'input' });
  return { name, description: DESCRIPTIONS[name], parameters };
});

export function isCoachToolName(name: string): name is CoachToolName {
  return (COACH_TOOL_NAMES as readonly string[]).includes(name);
}

export type ParsedToolCall =
  | { [N in CoachToolName]: { ok: true; name: N; args: CoachToolArgs<N> } }[CoachToolName]
  | { ok: false; error: string };

/** Longest error a model is sent back: enough to fix the call, never a dump of its input. */
const ERROR_MAX = 600;

/**
 * Checks a tool call as the provider sent it. `input` is the parsed JSON (or, when it was not JSON,
 * the raw text with `unreadable` set). Errors name the tool and each bad argument, so the model can
 * call again correctly.
 */
export function parseToolCall(name: string, input: unknown, unreadable = false): ParsedToolCall {
  if (!isCoachToolName(name)) {
    return {
      ok: false,
      error: `There is no tool called "${name.slice(0, 60)}". Use one of: ${COACH_TOOL_NAMES.join(', ')}.`,
    };
  }
  if (unreadable) return { ok: false, error: `The arguments for ${name} were not valid JSON.` };
  // Some providers send `null` or nothing for a tool without arguments.
  const parsed = COACH_TOOL_ARGS[name].safeParse(input ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'arguments'}: ${issue.message}`)
      .join('; ');
    return { ok: false, error: `Invalid arguments for ${name}: ${problems}`.slice(0, ERROR_MAX) };
  }
  return { ok: true, name, args: parsed.data } as ParsedToolCall;
}
