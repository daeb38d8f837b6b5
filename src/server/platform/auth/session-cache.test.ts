import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import { type CachedSession, createSessionCache, SESSION_CACHE_TTL_MS } from './session-cache.ts';

const COOKIE = 'ibc.session_token=token-a.signature-a';

function session(clock: ManualClock, overrides: Partial<CachedSession> = {}): CachedSession {
  const now = clock.now().getTime();
  return {
    user: { id: 'user-1', name: 'Ada', email: 'ada@example.com', emailVerified: true, role: 'user' },
    sessionId: 'session-1',
    token: 'token-a',
    expiresAt: now + 60 * 60_000,
    refreshDueAt: now + 30 * 60_000,
    ...overrides,
  };
}

describe('session cache', () => {
  it('answers within its time to live and forgets after it', () => {
    const clock = new ManualClock();
    const cache = createSessionCache({ clock });
    cache.set(COOKIE, session(clock), cache.begin());
    clock.advance(SESSION_CACHE_TTL_MS - 1);
    expect(cache.get(COOKIE)?.sessionId).toBe('session-1');
    clock.advance(1);
    expect(cache.get(COOKIE)).toBeUndefined();
  });

  it('keeps an entry past its time to live as stale, for a re-check, until the session ends', () => {
    const clock = new ManualClock();
    const cache = createSessionCache({ clock });
    const now = clock.now().getTime();
    cache.set(COOKIE, session(clock, { expiresAt: now + 60_000, refreshDueAt: now + 30_000 }), cache.begin());
    expect(cache.stale(COOKIE)).toBeUndefined();
    clock.advance(SESSION_CACHE_TTL_MS);
    expect(cache.get(COOKIE)).toBeUndefined();
    expect(cache.stale(COOKIE)?.token).toBe('token-a');
    // Set again (the re-check found the session): fresh, not stale.
    cache.set(COOKIE, session(clock, { expiresAt: now + 60_000, refreshDueAt: now + 30_000 }), cache.begin());
    expect(cache.get(COOKIE)?.token).toBe('token-a');
    expect(cache.stale(COOKIE)).toBeUndefined();
    // Due the sliding refresh: neither — only better-auth may answer it.
    clock.advance(30_000);
    expect(cache.get(COOKIE)).toBeUndefined();
    expect(cache.stale(COOKIE)).toBeUndefined();
    // A revoked session is not kept as stale either.
    cache.set('phone', session(clock, { token: 'token-b' }), cache.begin());
    clock.advance(SESSION_CACHE_TTL_MS);
    cache.forgetSession('token-b');
    expect(cache.stale('phone')).toBeUndefined();
  });

  it('never answers past the session expiry or once the sliding refresh is due', () => {
    const clock = new ManualClock();
    const cache = createSessionCache({ clock });
    const now = clock.now().getTime();
    cache.set(COOKIE, session(clock, { expiresAt: now + 1000 }), cache.begin());
    cache.set('other', session(clock, { token: 'token-b', refreshDueAt: now + 2000 }), cache.begin());
    clock.advance(1000);
    expect(cache.get(COOKIE)).toBeUndefined();
    expect(cache.get('other')).toBeDefined();
    clock.advance(1000);
    expect(cache.get('other')).toBeUndefined();
  });

  it('forgets by session token and by user, and drops a lookup that raced a revocation', () => {
    const clock = new ManualClock();
    const cache = createSessionCache({ clock });
    cache.set(COOKIE, session(clock), cache.begin());
    cache.set('phone', session(clock, { token: 'token-b', sessionId: 'session-2' }), cache.begin());
    cache.forgetSession('token-a');
    expect(cache.get(COOKIE)).toBeUndefined();
    expect(cache.get('phone')).toBeDefined();
    cache.forgetUser('user-1');
    expect(cache.get('phone')).toBeUndefined();

    const mark = cache.begin();
    cache.forgetSession('token-a');
    cache.set(COOKIE, session(clock), mark);
    expect(cache.get(COOKIE)).toBeUndefined();
  });

  it('keeps a bounded number of entries, oldest out first', () => {
    const clock = new ManualClock();
    const cache = createSessionCache({ clock });
    for (let index = 0; index <= 20_000; index += 1)
      cache.set(`cookie-${index}`, session(clock), cache.begin());
    expect(cache.size()).toBe(20_000);
    expect(cache.get('cookie-0')).toBeUndefined();
    expect(cache.get('cookie-20000')).toBeDefined();
  });
});
