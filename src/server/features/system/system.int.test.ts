import type { FastifyInstance } from 'fastify';
import { expect, it } from 'vitest';
import type { SystemStatus } from '../../../core/system/contracts.ts';
import { recordBackupRun } from '../../operations/backups/runs.ts';
import { grantAdminRole } from '../../platform/auth/admin-bootstrap.ts';
import { multipartBody, pdfWithoutText } from '../../testing/fixtures/documents.ts';
import {
  defaultBrandId,
  describeOnEachDatabase,
  type ErrorBody,
  runRetention,
  signUp,
  type TestClient,
  uniqueEmail,
} from '../../testing/harness.ts';
import { pollUntil } from '../../testing/poll.ts';

const SECRET_STORY = 'Our secret positioning: hand-dyed linen for night-shift nurses';
const FAILING_JOB = 'test.always-fails';

/** A route that fails like a bug (quoting the user's email), and a job that always fails. */
function extend(app: FastifyInstance) {
  app.post('/api/__test/explode/:itemId', async (request) => {
    throw new TypeError(`cannot save item for ${request.user?.email ?? 'nobody'} (card 4111111111111111)`);
  });
  app.services.jobs.register({
    name: FAILING_JOB,
    maxAttempts: 1,
    handler: async () => {
      throw new Error('delivery to zed@example.com refused');
    },
  });
}

async function signedIn(client: TestClient, admin: boolean, grant: (email: string) => Promise<boolean>) {
  const { email, user } = await signUp(client, { email: uniqueEmail(admin ? 'sysadmin' : 'sysuser') });
  if (admin) await grant(email);
  return { email, user };
}

describeOnEachDatabase(
  'admin System page API',
  (getApp, kind) => {
    it('is for admins only', async () => {
      const testApp = getApp();
      expect((await testApp.client().get<ErrorBody>('/api/admin/system')).status).toBe(401);
      const user = testApp.client();
      await signedIn(user, false, (email) => grantAdminRole(testApp.database, email));
      const forbidden = await user.get<ErrorBody>('/api/admin/system');
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.error.code).toBe('FORBIDDEN');
    });

    it('gives an admin health, backups, jobs, outbox and errors', async () => {
      const testApp = getApp();
      const admin = testApp.client();
      await signedIn(admin, true, (email) => grantAdminRole(testApp.database, email));
      const response = await admin.get<SystemStatus>('/api/admin/system');
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      const { health, backups, jobs, outbox, errors, knowledge } = response.body;
      expect(health.status).toBe('ready');
      expect(health.database).toMatchObject({ kind, reachable: true });
      expect(health.database.latencyMs).toBeGreaterThanOrEqual(0);
      expect(health.migrations.applied).toBe(health.migrations.expected);
      expect(health.nodeVersion).toBe(process.version);
      expect(health.version).toMatch(/^\d+\.\d+\.\d+/);
      expect(health.pool.max).toBeGreaterThanOrEqual(1);
      expect(backups).toEqual({ lastSuccess: null, runs: [] });
      expect(jobs.schedulerEnabled).toBe(false);
      const retention = jobs.summary.find((job) => job.name === 'retention.daily');
      expect(retention).toMatchObject({ schedule: 'daily', lastRunAt: null, lastOutcome: null });
      // Never run: its current slot is due at the next tick.
      expect(retention?.nextRunAt).not.toBeNull();
      // Sign-up sent a verification email to the dev outbox: listed masked, without its body.
      expect(outbox.transport).toBe('outbox');
      expect(outbox.count).toBeGreaterThanOrEqual(1);
      expect(outbox.recent[0]?.to).toMatch(/^s\*\*\*@example\.com$/);
      expect(JSON.stringify(outbox)).not.toContain('verify-email?token=');
      expect(errors.recent).toEqual(expect.any(Array));
      // The queue's depth is the sum over its jobs.
      const sum = (pick: (job: (typeof jobs.summary)[number]) => number) =>
        jobs.summary.reduce((total, job) => total + pick(job), 0);
      expect(jobs.depth).toEqual({
        queued: sum((job) => job.pending),
        running: sum((job) => job.running),
        failed: sum((job) => job.failed),
      });
      // No embedding model here: words only, saying why; pgvector is looked for but never created.
      const serverHasVector =
        (await testApp.database.query("select 1 from pg_available_extensions where name = 'vector'")).length >
        0;
      expect(kind === 'postgres' || serverHasVector).toBe(true);
      expect(knowledge.search).toMatchObject({
        mode: 'full-text',
        embeddingModel: null,
        vectorExtension: { status: serverHasVector ? 'available' : 'not-installed', version: null },
        passages: null,
      });
      expect(knowledge.search.reasons.map((reason) => reason.code)).toEqual(
        serverHasVector ? ['no-embedding-model'] : ['no-embedding-model', 'extension-not-installed'],
      );
      expect(knowledge.search.reasons[0]?.message).toMatch(/AI_EMBEDDING_MODEL/);
      const [created] = await testApp.database.query<{ count: number }>(
        "select count(*)::int as count from pg_extension where extname = 'vector'",
      );
      expect(created?.count).toBe(0);
    });

    it('counts failed document extractions and lists the newest with their reason, never their name', async () => {
      const testApp = getApp();
      const owner = testApp.client();
      await signUp(owner);
      const brandId = await defaultBrandId(owner);
      const { contentType, body } = multipartBody({
        bytes: await pdfWithoutText(1),
        fileName: 'Confidential launch plan.pdf',
      });
      const uploaded = await fetch(new URL(`/api/brands/${brandId}/documents`, owner.baseUrl), {
        method: 'POST',
        headers: { cookie: owner.cookieHeader(), 'content-type': contentType },
        body: new Uint8Array(body),
      });
      expect(uploaded.status).toBe(201);
      const { document } = (await uploaded.json()) as { document: { id: string } };
      const admin = testApp.client();
      await signedIn(admin, true, (email) => grantAdminRole(testApp.database, email));
      const before = (await admin.get<SystemStatus>('/api/admin/system')).body;
      expect(before.jobs.depth.queued).toBeGreaterThanOrEqual(1);

      await testApp.app.services.jobs.tick();
      const status = (await admin.get<SystemStatus>('/api/admin/system')).body;
      const failures = status.knowledge.failedExtractions;
      expect(failures.count).toBeGreaterThanOrEqual(1);
      expect(failures.recent[0]).toMatchObject({ id: document.id, format: 'pdf' });
      expect(failures.recent[0]?.reason).toMatch(/no text layer/);
      expect(failures.recent[0]?.sizeBytes).toBeGreaterThan(0);
      expect(JSON.stringify(status.knowledge)).not.toContain('Confidential');
    });

    it('lists a 500 with its route pattern and a redacted message, never the request’s content', async () => {
      const testApp = getApp();
      const user = testApp.client();
      const { email } = await signedIn(user, false, (address) => grantAdminRole(testApp.database, address));
      const failed = await user.post<ErrorBody>('/api/__test/explode/item-12345678?token=tok-secret', {
        story: SECRET_STORY,
      });
      expect(failed.status).toBe(500);
      const requestId = failed.body.error.requestId;

      const admin = testApp.client();
      await signedIn(admin, true, (address) => grantAdminRole(testApp.database, address));
      const status = await pollUntil(
        async () => (await admin.get<SystemStatus>('/api/admin/system')).body,
        (body) => body.errors.recent.some((error) => error.requestId === requestId),
      );
      const recorded = status.errors.recent.find((error) => error.requestId === requestId);
      expect(recorded).toMatchObject({
        method: 'POST',
        route: '/api/__test/explode/:itemId',
        errorName: 'TypeError',
        message: 'cannot save item for [email] (card #)',
      });
      expect(recorded?.location).toMatch(/system\.int\.test\.ts:\d+$/);
      const text = JSON.stringify(status.errors);
      for (const forbidden of [
        email,
        SECRET_STORY,
        'hand-dyed',
        'tok-secret',
        '12345678',
        '4111111111111111',
      ]) {
        expect(text, forbidden).not.toContain(forbidden);
      }
    });

    it('shows recorded backups with the newest successful one and a failed job with its error', async () => {
      const testApp = getApp();
      const now = Date.now();
      await recordBackupRun(testApp.database, {
        startedAt: new Date(now - 3_600_000),
        finishedAt: new Date(now - 3_600_000 + 1_500),
        durationMs: 1_500,
        outcome: 'success',
        trigger: 'job',
        databaseKind: kind,
        fileName: 'ibc-2026-11-26T01-00-00Z.backup',
        sizeBytes: 4_096,
        sha256: 'ab'.repeat(32),
        encrypted: true,
      });
      await recordBackupRun(testApp.database, {
        startedAt: new Date(now - 60_000),
        finishedAt: new Date(now - 59_000),
        durationMs: 1_000,
        outcome: 'failure',
        trigger: 'cli',
        databaseKind: kind,
        error: 'pg_dump exited with code 1',
      });
      const jobs = testApp.app.services.jobs;
      await jobs.enqueue(FAILING_JOB, {});
      await jobs.tick();

      const admin = testApp.client();
      await signedIn(admin, true, (email) => grantAdminRole(testApp.database, email));
      const { body } = await admin.get<SystemStatus>('/api/admin/system');
      expect(body.backups.runs.map((run) => run.outcome)).toEqual(['failure', 'success']);
      expect(body.backups.lastSuccess?.run).toMatchObject({
        fileName: 'ibc-2026-11-26T01-00-00Z.backup',
        sizeBytes: 4_096,
        sha256: 'ab'.repeat(32),
        durationMs: 1_500,
        encrypted: true,
      });
      expect(body.backups.lastSuccess?.ageSeconds).toBeGreaterThanOrEqual(3_590);

      const failing = body.jobs.summary.find((job) => job.name === FAILING_JOB);
      expect(failing).toMatchObject({
        schedule: null,
        lastOutcome: 'failed',
        failuresLast24h: 1,
        pending: 0,
        failed: 1,
      });
      expect(body.jobs.depth.failed).toBeGreaterThanOrEqual(1);
      const failure = body.jobs.recentFailures.find((run) => run.name === FAILING_JOB);
      expect(failure).toMatchObject({
        attempts: 1,
        maxAttempts: 1,
        error: 'Error: delivery to [email] refused',
      });
      // The tick also ran the daily retention job, which now has a last run and its next slot.
      const retention = body.jobs.summary.find((job) => job.name === 'retention.daily');
      expect(retention?.lastOutcome).toBe('succeeded');
      expect(new Date(retention?.nextRunAt ?? 0).getTime()).toBeGreaterThan(Date.now());
    });

    it('keeps recorded errors for 30 days (retention job)', async () => {
      const testApp = getApp();
      const insert = `insert into server_errors (request_id, method, route, error_name, message, created_at)
        values ($1, 'GET', '/api/x', 'Error', 'old or new', now() - make_interval(days => $2))`;
      await testApp.database.query(insert, ['req-old', 31]);
      await testApp.database.query(insert, ['req-recent', 29]);
      const report = await runRetention(testApp);
      expect(report.deleted['old:server_errors']).toBe(1);
      const left = await testApp.database.query<{ request_id: string }>(
        "select request_id from server_errors where request_id like 'req-%'",
      );
      expect(left.map((row) => row.request_id)).toEqual(['req-recent']);
    });
  },
  { extend },
);
