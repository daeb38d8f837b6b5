/**
 * A real SMTP server on loopback that keeps every message it receives, parsed. A message is recorded
 * before the server acknowledges it, so once the app's `mailer.send` has resolved, the message is
 * already in `messages`: a test that awaited the request which sent it can assert right away.
 */
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { Arrivals } from './arrivals.ts';

export interface CapturedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
  /** Every header as sent, by lower-case name, folded lines joined (e.g. `list-unsubscribe`). */
  headers: Record<string, string>;
}

function rawHeaders(parsed: ParsedMail): Record<string, string> {
  return Object.fromEntries(
    parsed.headerLines.map(({ key, line }) => [
      key.toLowerCase(),
      line
        .slice(line.indexOf(':') + 1)
        .replace(/\r?\n[ \t]+/g, ' ')
        .trim(),
    ]),
  );
}

export interface TestSmtpServer {
  url: string;
  messages: CapturedMail[];
  /** Resolves as soon as a matching message has arrived (or already had); rejects after `timeoutMs`. */
  waitForMessage(predicate: (mail: CapturedMail) => boolean, timeoutMs?: number): Promise<CapturedMail>;
  close(): Promise<void>;
}

function addresses(parsed: ParsedMail): string[] {
  const field = parsed.to;
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((group) => group.value.map((entry) => entry.address ?? ''));
}

export interface SmtpServerOptions {
  /**
   * How long the server takes to accept each message, imitating a real mail server's latency (a
   * remote SMTP round trip is hundreds of milliseconds), e.g. to show that a request does not wait
   * for it.
   */
  acceptDelayMs?: number;
}

export async function startSmtpServer(options: SmtpServerOptions = {}): Promise<TestSmtpServer> {
  const received = new Arrivals<CapturedMail>();
  const acceptDelayMs = options.acceptDelayMs ?? 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          if (acceptDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, acceptDelayMs));
          received.record({
            to: addresses(parsed),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            attachments: parsed.attachments.map((attachment) => ({
              filename: attachment.filename ?? '',
              contentType: attachment.contentType,
              content: attachment.content,
            })),
            headers: rawHeaders(parsed),
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('SMTP server has no port');
  return {
    url: `smtp://127.0.0.1:${address.port}?ignoreTLS=true`,
    messages: received.items,
    waitForMessage: (predicate, timeoutMs = 5000) => received.waitFor(predicate, timeoutMs, 'email'),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Pulls the one-time token out of a link in an email body. */
export function tokenFromMail(mail: CapturedMail, pathname: string): string {
  const match = mail.text.match(new RegExp(`https?://[^\\s]*${pathname}\\?token=([^\\s&]+)`));
  if (!match?.[1]) throw new Error(`no ${pathname} link in email`);
  return decodeURIComponent(match[1]);
}
