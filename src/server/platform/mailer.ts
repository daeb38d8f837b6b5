/**
 * Outgoing email. With `SMTP_URL` set, mail goes out through nodemailer; without it (development and
 * tests) it lands in the database outbox and the log, so sign-up works on a laptop with no mail server.
 */

import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import type { AppConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { outboxEmails } from '../db/schema.ts';

export interface EmailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: EmailAttachment[];
  /** Extra headers; marketing mail carries `List-Unsubscribe` and `List-Unsubscribe-Post` here. */
  headers?: Record<string, string>;
}

export interface Mailer {
  readonly transport: 'smtp' | 'outbox';
  /**
   * Sends now; if the SMTP server fails and a retry queue is attached, the message is queued for
   * retry instead. Rejects only when it can be neither sent nor queued.
   */
  send(message: EmailMessage): Promise<void>;
  /** One attempt, no retry queue: the retry job itself calls this and lets the queue back off. */
  sendNow(message: EmailMessage): Promise<void>;
  /** Attaches the retry queue (the job queue is built after the mailer). */
  deferFailuresTo(defer: (message: EmailMessage, error: unknown) => Promise<void>): void;
  close(): void;
}

export function createMailer(config: AppConfig['mail'], database: Database, log: FastifyBaseLogger): Mailer {
  if (config.smtpUrl) {
    const transporter = nodemailer.createTransport(config.smtpUrl);
    let defer: ((message: EmailMessage, error: unknown) => Promise<void>) | undefined;
    async function sendNow(message: EmailMessage): Promise<void> {
      await transporter.sendMail({ from: config.from, ...message });
      log.info({ to: message.to, subject: message.subject }, 'email sent');
    }
    return {
      transport: 'smtp',
      async send(message) {
        try {
          await sendNow(message);
        } catch (error) {
          if (!defer) throw error;
          // A mail server outage must not lose the message: the queue retries it with backoff.
          await defer(message, error);
          log.warn(
            { err: error, to: message.to, subject: message.subject },
            'email send failed; queued for retry',
          );
        }
      },
      sendNow,
      deferFailuresTo(handler) {
        defer = handler;
      },
      close: () => transporter.close(),
    };
  }
  async function store(message: EmailMessage): Promise<void> {
    await database.db.insert(outboxEmails).values({
      toAddress: message.to,
      subject: message.subject,
      textBody: message.text,
      htmlBody: message.html,
      headers: message.headers ?? {},
    });
    // The text body carries the action link; logging it is what makes local sign-up usable.
    log.info({ to: message.to, subject: message.subject, text: message.text }, 'email stored in dev outbox');
  }
  return {
    transport: 'outbox',
    send: store,
    sendNow: store,
    // The outbox is the database itself; there is no separate server to wait for.
    deferFailuresTo: () => {},
    close: () => {},
  };
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

export interface ActionEmail {
  to: string;
  subject: string;
  greetingName: string;
  intro: string;
  actionLabel: string;
  actionUrl: string;
  outro: string;
  /** Further paragraphs between the greeting and the button (the first is `intro`). */
  moreParagraphs?: readonly string[];
  /** Marketing mail only: where the reader stops it (a page that works without signing in). */
  unsubscribeUrl?: string;
}

/**
 * The product's one email layout: a greeting, a paragraph, one button, a closing line. Every piece of
 * text is escaped, including values that came from users (their name).
 */
export function renderActionEmail(email: ActionEmail): EmailMessage {
  const paragraphs = [email.intro, ...(email.moreParagraphs ?? [])];
  const text = [
    `Hi ${email.greetingName},`,
    '',
    ...paragraphs.flatMap((paragraph) => [paragraph, '']),
    `${email.actionLabel}: ${email.actionUrl}`,
    '',
    email.outro,
    '',
    '— IDEA Brand Coach',
    ...(email.unsubscribeUrl ? ['', `Unsubscribe: ${email.unsubscribeUrl}`] : []),
  ].join('\n');
  const html = `<!doctype html>
<html lang="en"><body style="font-family:system-ui,sans-serif;color:#1f2937;line-height:1.5;max-width:560px;margin:0 auto;padding:24px">
<p>Hi ${escapeHtml(email.greetingName)},</p>
${paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n')}
<p><a href="${escapeHtml(email.actionUrl)}" style="display:inline-block;background:#4338ca;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(email.actionLabel)}</a></p>
<p style="font-size:14px;color:#4b5563">Or paste this link into your browser: ${escapeHtml(email.actionUrl)}</p>
<p>${escapeHtml(email.outro)}</p>
<p>— IDEA Brand Coach</p>${
    email.unsubscribeUrl
      ? `\n<p style="font-size:13px;color:#4b5563"><a href="${escapeHtml(email.unsubscribeUrl)}" style="color:#4b5563">Unsubscribe</a> from these emails.</p>`
      : ''
  }
</body></html>`;
  return { to: email.to, subject: email.subject, text, html };
}
