/**
 * The one "poll until a condition holds, or give up" helper for tests. Use it only for state that
 * nothing announces (a row the app writes in the background, a probe turning green, a child
 * process's output); when something can resolve a promise on arrival (the SMTP and Sentry test
 * servers do), await that instead, and when an awaited operation already guarantees the outcome,
 * assert right after it without waiting at all.
 */

export interface PollOptions {
  /** Give up after this long (default 5 s). */
  timeoutMs?: number;
  /** Time between reads (default 25 ms). */
  intervalMs?: number;
  /** What was being waited for, for the timeout error (a function is called only on timeout). */
  description?: string | (() => string);
}

/**
 * Calls `read` until `done(value)` is true and returns that value; rejects after `timeoutMs` with the
 * last value read. Without `done`, waits for a truthy value.
 */
export async function pollUntil<T>(
  read: () => T | Promise<T>,
  done: (value: T) => boolean = Boolean,
  { timeoutMs = 5000, intervalMs = 25, description = 'condition' }: PollOptions = {},
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (performance.now() >= deadline) {
      const what = typeof description === 'function' ? description() : description;
      throw new Error(`${what} not met within ${timeoutMs} ms (last value: ${preview(value)})`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function preview(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.slice(0, 200);
  } catch {
    return String(value);
  }
}
