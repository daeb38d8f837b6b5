/**
 * A short-lived, in-process memory of who a session cookie belongs to, so a signed-in request does
 * not cost a session lookup (ADR 0044). better-auth stays the authority: every miss goes through its
 * `getSession`, which verifies the cookie's signature, rejects expired sessions and slides the expiry
 * forward (with the `Set-Cookie` that goes with it). An entry is only ever the answer better-auth gave
 * for exactly the same `Cookie` header a few seconds earlier.
 *
 * Revocation: the instance that ends a session (sign-out, revoking a device, a password change or
 * reset, account deletion) forgets it at once; every other instance forgets it when the entry's
 * time to live runs out — the revocation window, `SESSION_CACHE_TTL_MS`.
 *
 * Past its time to live an entry is kept as *stale*: the next request re-reads the session row and
 * its user in one prepared statement (sessions.ts) instead of a whole better-auth lookup — the
 * header's signature was already verified, the row is what can have changed. No row (revoked,
 * expired, user deleted) sends the request through better-auth, which answers as it always did.
 */
import type { SessionUser } from '../../../core/auth/contracts.ts';
import { type Clock, SECOND_MS } from '../clock.ts';

/**
 * How long an instance may keep answering from its memory after a session was ended elsewhere (or
 * its user changed). Five seconds: revocation on another instance lands before a person could
 * switch devices and try, while a session making requests still costs its instance at most one
 * lookup per five seconds.
 */
export const SESSION_CACHE_TTL_MS = 5 * SECOND_MS;

/** Entries kept at most; the oldest go first. Bounds memory whatever the number of sessions. */
const MAX_ENTRIES = 20_000;

/**
 * Longer `Cookie` headers are looked up every time rather than kept as keys: a browser's cookies for
 * this site fit easily, and a caller padding its header cannot make the cache hold more than about
 * MAX_ENTRIES × 1 KB (~20 MB).
 */
const MAX_KEY_LENGTH = 1024;

export interface CachedSession {
  user: SessionUser;
  sessionId: string;
  token: string;
  /** When the session ends (ms since the epoch). */
  expiresAt: number;
  /** From when better-auth would slide the expiry forward, which only a real lookup does. */
  refreshDueAt: number;
}

interface Entry extends CachedSession {
  storedAt: number;
}

export interface SessionCache {
  /** The session a `Cookie` header was found to carry, while still fresh, unexpired and not due a refresh. */
  get(cookieHeader: string): CachedSession | undefined;
  /**
   * An entry past its time to live but otherwise good (unexpired, not due a refresh): better-auth
   * verified exactly this `Cookie` header's signature, so the session row is all left to re-check.
   */
  stale(cookieHeader: string): CachedSession | undefined;
  /**
   * Marks the start of a lookup; `set` with the mark it returned stores nothing when something was
   * forgotten in between (so a lookup that raced a sign-out cannot bring the session back).
   */
  begin(): number;
  set(cookieHeader: string, session: CachedSession, mark: number): void;
  /** Forgets one session by its token (it was revoked or signed out). */
  forgetSession(token: string): void;
  /** Forgets every session of a user (sessions revoked together, or the user changed). */
  forgetUser(userId: string): void;
  size(): number;
}

export function createSessionCache({
  clock,
  ttlMs = SESSION_CACHE_TTL_MS,
}: {
  clock: Clock;
  ttlMs?: number;
}): SessionCache {
  const entries = new Map<string, Entry>();
  let generation = 0;

  function forgetWhere(matches: (entry: Entry) => boolean): void {
    generation += 1;
    // Revocations are rare and the map is bounded, so a scan beats keeping indexes in step.
    for (const [key, entry] of entries) if (matches(entry)) entries.delete(key);
  }

  /** The entry for a header while its session is unexpired and not due a refresh; else forgets it. */
  function usable(cookieHeader: string, now: number): Entry | undefined {
    const entry = entries.get(cookieHeader);
    if (!entry) return undefined;
    if (now >= entry.expiresAt || now >= entry.refreshDueAt) {
      entries.delete(cookieHeader);
      return undefined;
    }
    return entry;
  }

  return {
    get(cookieHeader) {
      const now = clock.now().getTime();
      const entry = usable(cookieHeader, now);
      return entry && now - entry.storedAt < ttlMs ? entry : undefined;
    },
    stale(cookieHeader) {
      const now = clock.now().getTime();
      const entry = usable(cookieHeader, now);
      return entry && now - entry.storedAt >= ttlMs ? entry : undefined;
    },
    begin: () => generation,
    set(cookieHeader, session, mark) {
      if (mark !== generation || cookieHeader.length > MAX_KEY_LENGTH) return;
      entries.delete(cookieHeader);
      entries.set(cookieHeader, { ...session, storedAt: clock.now().getTime() });
      if (entries.size > MAX_ENTRIES) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
    },
    forgetSession(token) {
      forgetWhere((entry) => entry.token === token);
    },
    forgetUser(userId) {
      forgetWhere((entry) => entry.user.id === userId);
    },
    size: () => entries.size,
  };
}
