import { describe, expect, it } from 'vitest';
import { maskEmails, type ScrubbableEvent, scrubEvent } from './scrub-event.ts';

describe('scrubEvent', () => {
  const event = {
    message: 'could not notify jane.doe+coach@example.co.uk',
    exception: {
      values: [
        {
          type: 'Error',
          value: 'duplicate key: (lower(email))=(Jane@Example.com)',
          stacktrace: { frames: [{ filename: 'service.ts', vars: { password: 'hunter2' } }] },
        },
      ],
    },
    request: {
      url: 'https://coach.example.com/reset-password?token=abc123#top',
      method: 'POST',
      cookies: { 'ibc.session_token': 'secret-session' },
      headers: { cookie: 'ibc.session_token=secret-session', 'user-agent': 'x' },
      data: { story: 'my brand story' },
      query_string: 'token=abc123',
    },
    user: { id: 'user-1', email: 'jane@example.com', ip_address: '203.0.113.7', username: 'jane' },
    breadcrumbs: [{ message: 'typed my brand story' }],
    extra: { body: 'my brand story' },
    contexts: { runtime: { name: 'node' }, response: { body: 'x' }, state: { form: 'y' } },
    tags: { requestId: 'req-1' },
  };

  it('keeps the error, the ids and the runtime, and drops everything personal', () => {
    const scrubbed = scrubEvent(structuredClone(event));
    expect(scrubbed.user).toEqual({ id: 'user-1', ip_address: null });
    expect(scrubbed.request).toEqual({ url: 'https://coach.example.com/reset-password' });
    expect(scrubbed.breadcrumbs).toBeUndefined();
    expect(scrubbed.extra).toBeUndefined();
    expect(scrubbed.contexts).toEqual({ runtime: { name: 'node' } });
    expect(scrubbed.tags).toEqual({ requestId: 'req-1' });
    expect(scrubbed.message).toBe('could not notify [email]');
    expect(scrubbed.exception.values[0]?.value).toBe('duplicate key: (lower(email))=([email])');
    expect(scrubbed.exception.values[0]?.stacktrace.frames).toEqual([{ filename: 'service.ts' }]);
    const serialised = JSON.stringify(scrubbed);
    for (const secret of ['secret-session', 'brand story', 'abc123', '203.0.113.7', 'jane', 'hunter2']) {
      expect(serialised, secret).not.toContain(secret);
    }
  });

  it('does not change the event it was given', () => {
    const original = structuredClone(event);
    scrubEvent(original);
    expect(original).toEqual(event);
  });

  it('sends no user id when there is none', () => {
    const event: ScrubbableEvent = { message: 'boom' };
    expect(scrubEvent(event).user).toEqual({ ip_address: null });
  });
});

describe('maskEmails', () => {
  it('masks addresses but not other at-signs', () => {
    expect(maskEmails('to a.b@c.io and x@y.example.org, not @handle or a@b')).toBe(
      'to [email] and [email], not @handle or a@b',
    );
  });
});
