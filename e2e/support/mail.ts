/**
 * Mail capture for the end-to-end server: a real SMTP server (started once by Playwright's global
 * setup, e2e/global-setup.ts) that writes every message it receives as a JSON file, and helpers for
 * tests to read them. Files rather than memory because the tests run in worker processes.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** Beside the app's port, so parallel local runs on different E2E_PORTs do not meet. */
export const E2E_SMTP_PORT = Number(process.env.E2E_PORT ?? 4319) + 1000;
const MAIL_DIR = path.join(tmpdir(), `ibc-e2e-mail-${E2E_SMTP_PORT}`);

export interface CapturedEmail {
  to: string[];
  subject: string;
  text: string;
  /** By lower-case name, e.g. `list-unsubscribe`. */
  headers: Record<string, string>;
}

/** Starts the capture; returns the function that stops it. */
export async function startMailCapture(): Promise<() => Promise<void>> {
  rmSync(MAIL_DIR, { recursive: true, force: true });
  mkdirSync(MAIL_DIR, { recursive: true });
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((group) =>
            group.value.map((entry) => entry.address ?? ''),
          );
          const headers = Object.fromEntries(
            parsed.headerLines.map(({ key, line }) => [
              key.toLowerCase(),
              line.slice(line.indexOf(':') + 1).trim(),
            ]),
          );
          const mail: CapturedEmail = { to, subject: parsed.subject ?? '', text: parsed.text ?? '', headers };
          received += 1;
          writeFileSync(
            path.join(MAIL_DIR, `${String(received).padStart(6, '0')}.json`),
            JSON.stringify(mail),
          );
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(E2E_SMTP_PORT, '127.0.0.1', resolve);
  });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Every message captured so far for `address`, oldest first. */
export function mailTo(address: string): CapturedEmail[] {
  return readdirSync(MAIL_DIR)
    .sort()
    .map((file) => JSON.parse(readFileSync(path.join(MAIL_DIR, file), 'utf8')) as CapturedEmail)
    .filter((mail) => mail.to.includes(address));
}

/** Waits until a message for `address` matching `subject` has arrived, and returns it. */
export async function waitForMail(
  address: string,
  subject: RegExp,
  timeoutMs = 20_000,
): Promise<CapturedEmail> {
  let found: CapturedEmail | undefined;
  await expect
    .poll(
      () => {
        found = mailTo(address).find((mail) => subject.test(mail.subject));
        return found !== undefined;
      },
      { timeout: timeoutMs, message: `an email to ${address} with subject ${subject}` },
    )
    .toBe(true);
  if (!found) throw new Error('unreachable: poll passed without a message');
  return found;
}
