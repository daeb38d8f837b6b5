import { startMailCapture } from './support/mail.ts';

/** Runs once before the suite: the SMTP capture the end-to-end server sends its mail to. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  return startMailCapture();
}
