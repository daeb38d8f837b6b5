/**
 * What the admin System page may show of an address or an error message. Pure, shared by the server
 * (which redacts before storing or sending) and its tests. No zod here, so the web page can use the
 * helpers without loading the contracts chunk.
 */

const EMAIL = /[^\s@"'<>()[\]{},;:]+@([^\s@"'<>()[\]{},;:]+\.[A-Za-z]{2,})/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
/** Four or more digits: phone numbers, card numbers, ids, amounts — never needed to diagnose a bug. */
const DIGIT_RUN = /\d{4,}/g;

export const ERROR_MESSAGE_MAX = 300;

/** `ada@example.com` → `a***@example.com`; anything that is not an address becomes `***`. */
export function maskEmailAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1 || at === address.length - 1) return '***';
  return `${address.slice(0, 1)}***@${address.slice(at + 1)}`;
}

/**
 * An error message fit to keep: email addresses, UUIDs and runs of four or more digits masked,
 * whitespace collapsed, and cut to `max` characters (with an ellipsis when cut).
 */
export function redactErrorMessage(message: string, max = ERROR_MESSAGE_MAX): string {
  const masked = message
    .replace(EMAIL, '[email]')
    .replace(UUID, '[id]')
    .replace(DIGIT_RUN, '#')
    .replace(/\s+/g, ' ')
    .trim();
  return masked.length <= max ? masked : `${masked.slice(0, max - 1)}…`;
}

/**
 * The top stack frame as `file:line`, with the path made relative to `root` (the working
 * directory) so no home directory or deployment path leaks; null when the stack has no frame.
 */
export function topFrameOf(stack: string | undefined, root: string): string | null {
  if (!stack) return null;
  for (const line of stack.split('\n')) {
    const match = /^\s*at (?:.*? \()?(.+?):(\d+):\d+\)?\s*$/.exec(line);
    if (!match?.[1] || !match[2]) continue;
    let file = match[1].replace(/^file:\/\//, '');
    const prefix = root.endsWith('/') ? root : `${root}/`;
    if (file.startsWith(prefix)) file = file.slice(prefix.length);
    else if (file.startsWith('/')) file = file.slice(file.lastIndexOf('/') + 1);
    return `${file}:${match[2]}`.slice(0, 200);
  }
  return null;
}
