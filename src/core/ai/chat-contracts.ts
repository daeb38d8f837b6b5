/**
 * Chat sessions and their server-sent events, shared by the server (validation, serialisation) and
 * the web app (parsing the stream).
 */
import { z } from 'zod';
import { chatProposalSchema } from '../coach/proposal-contracts.ts';
import { idParam } from '../http/params.ts';
import { citationSchema } from '../knowledge/contracts.ts';
import { CHAT_MESSAGE_MAX, CHAT_SEARCH_MAX, CHAT_TITLE_MAX } from './chat-limits.ts';
import { AI_NOTICES } from './contracts.ts';

export { CHAT_MESSAGE_MAX, CHAT_TITLE_MAX };

const title = z.string().trim().min(1, 'Must not be empty').max(CHAT_TITLE_MAX);

export const chatSessionSchema = z.object({
  id: z.uuid(),
  /** The brand the conversation is about (the coach reads that brand's workspace only). */
  brandId: z.uuid(),
  title: z.string(),
  createdAt: z.iso.datetime(),
  lastMessageAt: z.iso.datetime(),
});
export type ChatSession = z.infer<typeof chatSessionSchema>;

export const chatSessionListSchema = z.object({ sessions: z.array(chatSessionSchema) });
export type ChatSessionList = z.infer<typeof chatSessionListSchema>;

export const chatSessionQuerySchema = z.strictObject({
  q: z.string().trim().max(CHAT_SEARCH_MAX).optional(),
  /** Only this brand's conversations. */
  brandId: idParam().optional(),
});
export const chatSessionParamsSchema = z.strictObject({ id: idParam() });
export const createChatSessionSchema = z.strictObject({
  title: title.optional(),
  /** The brand the conversation is about; one of the user's own. */
  brandId: idParam('Choose one of your brands'),
});
export const renameChatSessionSchema = z.strictObject({ title });
export const chatTurnSchema = z.strictObject({
  content: z.string().trim().min(1, 'Must not be empty').max(CHAT_MESSAGE_MAX),
});
export type ChatTurn = z.infer<typeof chatTurnSchema>;

const providerSchema = z.enum(['offline', 'openai-compatible']);
const noticeSchema = z.object({ code: z.enum(AI_NOTICES), message: z.string() });

export const chatMessageSchema = z.object({
  id: z.uuid(),
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  followUps: z.array(z.string()),
  provider: providerSchema.nullable(),
  promptVersion: z.number().int().nullable(),
  notice: noticeSchema.nullable(),
  /** The sources an assistant message cites, numbered as its `[n]` markers (empty for the user's). */
  citations: z.array(citationSchema),
  /** Edits the coach proposed in this answer, each with its state (pending, accepted, dismissed). */
  proposals: z.array(chatProposalSchema).default([]),
  createdAt: z.iso.datetime(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;
export const chatMessageListSchema = z.object({ messages: z.array(chatMessageSchema) });

/** The events of `POST /api/ai/chat/sessions/:id/messages` (`event: <name>`, `data: <json>`). */
export const chatDeltaEventSchema = z.object({ text: z.string() });
export const chatDoneEventSchema = z.object({
  messageId: z.uuid(),
  /**
   * The answer as stored: the streamed text with citation markers checked (a number the coach was not
   * given is removed, the rest renumbered in order of use). It replaces what the deltas built up.
   */
  text: z.string(),
  citations: z.array(citationSchema),
  followUps: z.array(z.string()),
  provider: providerSchema,
  notice: noticeSchema.optional(),
  /** Edits the coach proposes to the owner's fields, as stored (cards; written only on Accept). */
  proposals: z.array(chatProposalSchema).default([]),
  /**
   * A fact the owner's message stated about the brand, which the coach offers to remember; nothing
   * is stored unless the owner saves it (brand memory).
   */
  rememberSuggestion: z.object({ text: z.string() }).optional(),
});
export const chatErrorEventSchema = z.object({ code: z.string(), message: z.string() });
export type ChatStreamEvent =
  | { event: 'delta'; data: z.infer<typeof chatDeltaEventSchema> }
  | { event: 'done'; data: z.infer<typeof chatDoneEventSchema> }
  | { event: 'error'; data: z.infer<typeof chatErrorEventSchema> };
