/** Account field limits without zod, so forms can show them; contracts.ts builds its schemas from them. */
export const NAME_MAX_LENGTH = 100;
