/**
 * What an error report may carry, shared by the server and browser SDKs' `beforeSend`: the error
 * (type, message, stack), the request id and route as tags, and the user's id — never an email
 * address, IP address, cookie, header, request body, query string or anything the user wrote.
 * The SDKs are configured not to collect those in the first place; this is the last line that
 * holds even if an integration or a future change adds them.
 */

/** The parts of an SDK event that scrubbing touches; the SDKs' own event types fit this shape. */
export interface ScrubbableEvent {
  message?: string | undefined;
  exception?: { values?: { value?: string | undefined; stacktrace?: { frames?: { vars?: unknown }[] } }[] };
  request?: { url?: string | undefined };
  user?: { id?: string | number | undefined; ip_address?: string | null | undefined };
  breadcrumbs?: unknown[] | undefined;
  extra?: Record<string, unknown> | undefined;
  contexts?: Record<string, unknown> | undefined;
}

const EMAIL = /[^\s@"'<>()[\]{},;:]+@[^\s@"'<>()[\]{},;:]+\.[A-Za-z]{2,}/g;

/** Contexts that describe the runtime or the code (React's component stack), not the user or request. */
const SAFE_CONTEXTS = new Set(['trace', 'runtime', 'os', 'app', 'device', 'browser', 'culture', 'react']);

export function maskEmails(text: string): string {
  return text.replace(EMAIL, '[email]');
}

/** The URL without its query string and fragment, where one-time tokens and searches travel. */
function pathOnly(url: string): string {
  const cut = url.search(/[?#]/);
  return cut === -1 ? url : url.slice(0, cut);
}

export function scrubEvent<Event extends ScrubbableEvent>(event: Event): Event {
  const scrubbed: Event = { ...event };
  if (scrubbed.message) scrubbed.message = maskEmails(scrubbed.message);
  if (scrubbed.exception?.values) {
    scrubbed.exception = {
      ...scrubbed.exception,
      values: scrubbed.exception.values.map((value) => ({
        ...value,
        ...(value.value ? { value: maskEmails(value.value) } : {}),
        ...(value.stacktrace?.frames
          ? {
              stacktrace: {
                ...value.stacktrace,
                frames: value.stacktrace.frames.map(({ vars: _vars, ...frame }) => frame),
              },
            }
          : {}),
      })),
    };
  }
  const url = scrubbed.request?.url;
  if (scrubbed.request) delete scrubbed.request;
  if (url) scrubbed.request = { url: pathOnly(url) };
  const userId = scrubbed.user?.id;
  if (scrubbed.user) delete scrubbed.user;
  // An explicit null stops the receiving side from filling the address in from the connection.
  scrubbed.user = { ...(userId !== undefined ? { id: String(userId) } : {}), ip_address: null };
  delete scrubbed.breadcrumbs;
  delete scrubbed.extra;
  if (scrubbed.contexts) {
    scrubbed.contexts = Object.fromEntries(
      Object.entries(scrubbed.contexts).filter(([name]) => SAFE_CONTEXTS.has(name)),
    );
  }
  return scrubbed;
}
