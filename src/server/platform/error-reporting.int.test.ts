import type { FastifyInstance } from 'fastify';
import { afterAll, expect, it } from 'vitest';
import { describeOnEachDatabase, type ErrorBody, signUp, uniqueEmail } from '../testing/harness.ts';
import { type ReceivedEnvelope, startSentryReceiver } from '../testing/sentry-receiver.ts';

const receiver = await startSentryReceiver();
afterAll(() => receiver.close());

const SECRET_CONTENT = 'Our secret positioning: hand-dyed linen for night-shift nurses';
const CLIENT_IP = '203.0.113.77';

/** A signed-in route that fails the way a bug would — with the user's email in the message. */
function failingRoutes(app: FastifyInstance) {
  app.post('/api/__test/explode', async (request) => {
    throw new Error(`insert failed: duplicate key for ${request.user?.email ?? 'nobody'}`);
  });
}

interface SentEvent {
  tags?: Record<string, string>;
  user?: Record<string, unknown>;
  environment?: string;
  release?: string;
  request?: unknown;
  exception?: { values?: { type?: string; value?: string }[] };
}

function eventOf(envelope: ReceivedEnvelope): SentEvent | undefined {
  const item = envelope.items.find((candidate) => candidate.header.type === 'event');
  return item?.payload as SentEvent | undefined;
}

describeOnEachDatabase(
  'error reporting with SENTRY_DSN',
  (getApp) => {
    it('reports a 500 with the request id and user id, and nothing personal', async () => {
      const client = getApp().client();
      const email = uniqueEmail('reported');
      const { user } = await signUp(client, { email });
      const sessionCookie = client.cookieHeader();
      const response = await client.request<ErrorBody>('POST', '/api/__test/explode', {
        json: { story: SECRET_CONTENT },
        headers: { 'x-forwarded-for': CLIENT_IP, 'user-agent': 'agent-with-no-business-in-a-report' },
      });
      expect(response.status).toBe(500);
      const requestId = response.body.error.requestId;

      const envelope = await receiver.waitFor(
        (candidate) => eventOf(candidate)?.tags?.requestId === requestId,
      );
      const event = eventOf(envelope);
      expect(event?.user).toEqual({ id: user.id, ip_address: null });
      expect(event?.tags).toMatchObject({ requestId, method: 'POST', route: '/api/__test/explode' });
      expect(event?.environment).toBe('reporting-test');
      expect(event?.release).toBe('ibc@1.2.3');
      expect(event?.exception?.values?.[0]?.value).toBe('insert failed: duplicate key for [email]');
      expect(event?.request).toBeUndefined();

      for (const forbidden of [
        email,
        SECRET_CONTENT,
        'hand-dyed',
        CLIENT_IP,
        'agent-with-no-business',
        'ibc.session_token',
        sessionCookie.split('=')[1] ?? 'missing-cookie-value',
      ]) {
        expect(envelope.raw, forbidden).not.toContain(forbidden);
      }
      // The receiver was addressed with the DSN's key, so the SDK really spoke the protocol.
      expect(envelope.url).toContain('sentry_key=');
    });

    it('does not report client errors', async () => {
      const reporter = getApp().app.services.errorReporter;
      const client = getApp().client();
      await signUp(client);
      const before = receiver.envelopes.length;
      const invalid = await client.request<ErrorBody>('POST', '/api/__test/explode', {
        body: '{"broken":',
        headers: { 'content-type': 'application/json' },
      });
      expect(invalid.status).toBe(400);
      const missing = await client.get<ErrorBody>('/api/no-such-route');
      expect(missing.status).toBe(404);
      // A real failure afterwards, so the flush below is seen to deliver what was captured.
      const failed = await client.post<ErrorBody>('/api/__test/explode', {});
      expect(failed.status).toBe(500);
      // Every report captured so far has now been sent and received: the 500's, and nothing else.
      expect(await reporter.flush()).toBe(true);
      const reported = receiver.envelopes.slice(before).filter((envelope) => eventOf(envelope));
      expect(reported.map((envelope) => eventOf(envelope)?.tags?.requestId)).toEqual([
        failed.body.error.requestId,
      ]);
    });

    it('lets the browser report to the DSN origin through the CSP', async () => {
      const response = await getApp().client().get('/healthz');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(new RegExp(`connect-src 'self' ${new URL(receiver.dsn).origin}(;|$)`));
    });
  },
  {
    env: {
      SENTRY_DSN: receiver.dsn,
      VITE_SENTRY_DSN: receiver.dsn,
      SENTRY_ENVIRONMENT: 'reporting-test',
      SENTRY_RELEASE: 'ibc@1.2.3',
      TRUST_PROXY: 'true',
    },
    extend: failingRoutes,
  },
);

describeOnEachDatabase(
  'error reporting without SENTRY_DSN',
  (getApp) => {
    it('sends nothing anywhere', async () => {
      expect(getApp().app.services.errorReporter.enabled).toBe(false);
      const client = getApp().client();
      await signUp(client);
      const before = receiver.envelopes.length;
      const response = await client.post<ErrorBody>('/api/__test/explode', { story: SECRET_CONTENT });
      expect(response.status).toBe(500);
      // The disabled reporter has no SDK client, so nothing can still be on its way.
      expect(await getApp().app.services.errorReporter.flush()).toBe(true);
      expect(receiver.envelopes.length).toBe(before);
      // Pages may connect to their own origin only (API answers carry a policy that loads nothing).
      const page = await client.get('/healthz');
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("connect-src 'self';");
    });
  },
  { extend: failingRoutes },
);
