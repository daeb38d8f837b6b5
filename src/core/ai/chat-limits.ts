/**
 * Chat limits without zod, so pages can show them (counters, field limits) without loading the
 * contracts chunk; chat-contracts.ts builds its schemas from the same numbers.
 */
export const CHAT_MESSAGE_MAX = 4000;
export const CHAT_TITLE_MAX = 120;
/** A search of the conversations' titles and messages. */
export const CHAT_SEARCH_MAX = 200;
