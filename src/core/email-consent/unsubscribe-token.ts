/**
 * The shape of the token in every unsubscribe link: `<consent id>.<signature>`, the id of the consent
 * record it withdraws and an HMAC-SHA256 over it (base64url). The shape is checked here, zod-free so
 * the unsubscribe page can check it; the signature only by the server.
 */
export const UNSUBSCRIBE_TOKEN_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[A-Za-z0-9_-]{43}$/;
