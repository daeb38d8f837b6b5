/**
 * When each session was last used, so Settings can say "2 minutes ago" about another device rather
 * than when it signed in. better-auth touches a session row only when it slides the expiry forward
 * (at most daily), so every request that presents a session records its use in the row's
 * `updated_at` — at most once a minute per session, since "last active" needs no finer grain and a
 * write per request would be waste. The in-memory map only saves repeated writes on this instance;
 * the database row is the truth, and the conditional update keeps instances from writing back and
 * forth.
 */
import type { Database } from '../../db/client.ts';
import { type Clock, MINUTE_MS } from '../clock.ts';

/** How stale a session's recorded use may get before a request refreshes it. */
export const SESSION_USE_RESOLUTION_MS = MINUTE_MS;

/** Sessions remembered as recently written; the oldest entries go first beyond this. */
const REMEMBERED_SESSIONS = 10_000;

export type RecordSessionUse = (sessionId: string) => Promise<void>;

export function createSessionActivity({
  database,
  clock,
}: {
  database: Database;
  clock: Clock;
}): RecordSessionUse {
  const lastWritten = new Map<string, number>();
  return async (sessionId) => {
    const now = clock.now();
    const written = lastWritten.get(sessionId);
    if (written !== undefined && now.getTime() - written < SESSION_USE_RESOLUTION_MS) return;
    await database.query(
      `update sessions set updated_at = $1
       where id = $2 and updated_at < $3`,
      [now, sessionId, new Date(now.getTime() - SESSION_USE_RESOLUTION_MS)],
    );
    lastWritten.delete(sessionId);
    lastWritten.set(sessionId, now.getTime());
    if (lastWritten.size > REMEMBERED_SESSIONS) {
      const oldest = lastWritten.keys().next().value;
      if (oldest !== undefined) lastWritten.delete(oldest);
    }
  };
}
