/**
 * The shape of a coach proposal: an edit the coach suggests to one of the owner's fields, shown in
 * the chat as a card and written only when the owner accepts it (docs/decisions/0038). Kept free of
 * the AI contracts so the chat contracts can carry proposals without an import cycle; the rules that
 * build and check proposals are in proposals.ts.
 */
import { z } from 'zod';
import { idParam } from '../http/params.ts';
import { WORKSHEET_TEXT_FIELDS } from '../workspace/worksheet-text-fields.ts';

/**
 * The canvas fields a proposal may rewrite: the free-text ones. Values and personality are tag lists,
 * which a sentence of coach text does not fit.
 */
export const PROPOSAL_CANVAS_FIELDS = [
  'purpose',
  'vision',
  'mission',
  'positioning',
  'valueProposition',
  'tagline',
  'voice',
] as const;
export type ProposalCanvasField = (typeof PROPOSAL_CANVAS_FIELDS)[number];

/** Worksheet answers a proposal may rewrite, as `<worksheet>.<path>` (the text answers of each module). */
export const PROPOSAL_WORKSHEET_FIELDS = WORKSHEET_TEXT_FIELDS;
export type ProposalWorksheetField = (typeof PROPOSAL_WORKSHEET_FIELDS)[number];

/** An avatar's free-text fields, by path in the avatar's data. */
export const PROPOSAL_AVATAR_FIELDS = ['name', 'demographics.occupation', 'demographics.lifestyle'] as const;
export type ProposalAvatarField = (typeof PROPOSAL_AVATAR_FIELDS)[number];

/** Upper bound of any proposed text; each field's own, smaller limit is checked in proposals.ts. */
export const PROPOSAL_TEXT_MAX = 2000;
export const PROPOSAL_REASON_MAX = 500;
export const PROPOSAL_LABEL_MAX = 120;
/** Proposals one assistant message may carry (tool calls and offline copy together). */
export const CHAT_PROPOSALS_MAX = 6;

export const proposalTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('canvas'), field: z.enum(PROPOSAL_CANVAS_FIELDS) }),
  z.strictObject({ kind: z.literal('worksheet'), field: z.enum(PROPOSAL_WORKSHEET_FIELDS) }),
  z.strictObject({
    kind: z.literal('avatar'),
    /** The avatar item; must be one of the conversation's brand's avatars. */
    itemId: idParam('Must be the id of one of the brand’s avatars'),
    field: z.enum(PROPOSAL_AVATAR_FIELDS),
  }),
]);
export type ProposalTarget = z.infer<typeof proposalTargetSchema>;

const proposedText = z
  .string()
  .trim()
  .min(1, 'Must not be empty')
  .max(PROPOSAL_TEXT_MAX, `Keep this under ${PROPOSAL_TEXT_MAX.toLocaleString('en')} characters`);
const reason = z.string().trim().min(1, 'Say why').max(PROPOSAL_REASON_MAX);

/**
 * A proposal as the coach makes it (offline copy answer or a `propose_edit` tool call), before the
 * server stores it with an id and the version of the item it was based on.
 */
export const proposalDraftSchema = z.object({
  target: proposalTargetSchema,
  /** The field as the owner knows it ("Value proposition", "Maya: occupation"). */
  label: z.string().min(1).max(PROPOSAL_LABEL_MAX),
  /** The field's text as the coach saw it when proposing. */
  currentText: z.string().max(PROPOSAL_TEXT_MAX),
  proposedText,
  reason,
});
export type ProposalDraft = z.infer<typeof proposalDraftSchema>;

export const PROPOSAL_STATUSES = ['pending', 'accepted', 'dismissed'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** A proposal as stored with its assistant message and shown as a card. */
export const chatProposalSchema = proposalDraftSchema.extend({
  id: z.uuid(),
  /** The item's version when the coach read it (0: never saved); Accept saves against it. */
  baseVersion: z.number().int().min(0),
  status: z.enum(PROPOSAL_STATUSES),
  /** The text that was saved: the proposal, or the owner's edit of it. Null until accepted. */
  acceptedText: z.string().nullable(),
  resolvedAt: z.iso.datetime().nullable(),
});
export type ChatProposal = z.infer<typeof chatProposalSchema>;

/** The arguments of the `propose_edit` tool, as a provider sends them. */
export const proposeEditArgsSchema = z.strictObject({
  target: proposalTargetSchema,
  proposedText,
  reason,
});
export type ProposeEditArgs = z.infer<typeof proposeEditArgsSchema>;

// ------------------------------------------------------------------------------------- the API

/** `POST /api/ai/chat/messages/:messageId/proposals/:proposalId/(accept|dismiss)`. */
export const proposalParamsSchema = z.strictObject({ messageId: idParam(), proposalId: idParam() });

/** Accept saves the proposed text, or the owner's edit of it when `text` is given. */
export const acceptProposalBodySchema = z
  .strictObject({
    text: proposedText.optional(),
    /**
     * The field's text the owner agreed to replace, after a conflict showed them a newer one; by
     * default, the text the coach read. The save goes ahead only if the field still says it.
     */
    currentText: z.string().max(PROPOSAL_TEXT_MAX).optional(),
  })
  .default({});
export type AcceptProposalBody = z.output<typeof acceptProposalBodySchema>;

export const proposalResponseSchema = z.object({ proposal: chatProposalSchema });
export type ProposalResponse = z.infer<typeof proposalResponseSchema>;

/**
 * The error envelope's `current` on the 409 an Accept gets when the field changed after the coach
 * read it: nothing was written; the card shows the field's text now.
 */
export const proposalConflictDetailsSchema = z.object({ currentText: z.string(), version: z.number().int() });
export type ProposalConflictDetails = z.infer<typeof proposalConflictDetailsSchema>;
