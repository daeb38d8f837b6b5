/**
 * Email retries: when the SMTP server fails, the mailer hands the message here instead of losing it,
 * and the queue tries again with backoff (1 min, 2, 4, … up to an hour; about 4 hours in all). A
 * retry that succeeded but whose bookkeeping failed may send twice — the queue is at least once.
 */
import { z } from 'zod';
import { HOUR_MS, MINUTE_MS } from '../platform/clock.ts';
import type { EmailMessage, Mailer } from '../platform/mailer.ts';
import type { JobQueue } from './queue.ts';

export const EMAIL_RETRY_JOB = 'email.retry';

const storedMessageSchema = z.object({
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  attachments: z
    .array(z.object({ filename: z.string(), contentBase64: z.string(), contentType: z.string() }))
    .optional(),
  headers: z.record(z.string(), z.string()).optional(),
});
type StoredMessage = z.infer<typeof storedMessageSchema>;

export function toStoredMessage(message: EmailMessage): StoredMessage {
  return {
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    ...(message.attachments
      ? {
          attachments: message.attachments.map((attachment) => ({
            filename: attachment.filename,
            contentType: attachment.contentType,
            contentBase64: attachment.content.toString('base64'),
          })),
        }
      : {}),
    ...(message.headers ? { headers: message.headers } : {}),
  };
}

export function fromStoredMessage(stored: unknown): EmailMessage {
  const message = storedMessageSchema.parse(stored);
  return {
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    ...(message.attachments
      ? {
          attachments: message.attachments.map((attachment) => ({
            filename: attachment.filename,
            contentType: attachment.contentType,
            content: Buffer.from(attachment.contentBase64, 'base64'),
          })),
        }
      : {}),
    ...(message.headers ? { headers: message.headers } : {}),
  };
}

export function registerEmailRetries(queue: JobQueue, mailer: Mailer): void {
  queue.register<{ message: StoredMessage }>({
    name: EMAIL_RETRY_JOB,
    maxAttempts: 8,
    backoff: { baseMs: MINUTE_MS, maxMs: HOUR_MS },
    leaseMs: 5 * MINUTE_MS,
    handler: async (payload) => mailer.sendNow(fromStoredMessage(payload.message)),
  });
  mailer.deferFailuresTo(async (message) => {
    // The first retry waits a minute: an immediate one would most likely meet the same outage.
    await queue.enqueue(EMAIL_RETRY_JOB, { message: toStoredMessage(message) }, { delayMs: MINUTE_MS });
  });
}
