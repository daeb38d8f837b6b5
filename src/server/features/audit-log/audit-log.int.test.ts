import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { AuditLogPage } from '../../../core/admin/audit-contracts.ts';
import { adminAuditLog } from '../../db/schema.ts';
import { AUDIT_LOG_RETENTION_DAYS, auditLogRetentionRule } from '../../platform/audit-log.ts';
import { grantAdminRole } from '../../platform/auth/admin-bootstrap.ts';
import { describeOnEachDatabase, type ErrorBody, signUp, type TestApp } from '../../testing/harness.ts';

async function adminClient(testApp: TestApp) {
  const client = testApp.client();
  const { email, user } = await signUp(client, { name: 'Audit Admin' });
  await grantAdminRole(testApp.database, email);
  return { client, user };
}

describeOnEachDatabase('admin audit log', (getApp) => {
  it('is for admins only: 401 signed out, 403 for a user', async () => {
    const testApp = getApp();
    expect((await testApp.client().get<ErrorBody>('/api/admin/audit-log')).status).toBe(401);
    const user = testApp.client();
    await signUp(user);
    const forbidden = await user.get<ErrorBody>('/api/admin/audit-log');
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('FORBIDDEN');
  });

  it('lists entries newest first with before/after, filtered by actor, action, target and dates, page by page', async () => {
    const testApp = getApp();
    const { client, user: admin } = await adminClient(testApp);
    const auditLog = testApp.app.services.auditLog;
    const target = randomUUID();
    const otherActor = randomUUID();
    for (let index = 0; index < 5; index += 1) {
      await auditLog.record({
        actorId: admin.id,
        action: 'test.toggle',
        targetType: 'widget',
        targetId: target,
        before: { on: index % 2 === 0 },
        after: { on: index % 2 !== 0 },
      });
      // Entries are ordered by their millisecond; two in the same one are simultaneous, and then the
      // order between them is arbitrary. Let the clock move so "newest" names one entry.
      const recordedAt = Date.now();
      while (Date.now() === recordedAt) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await auditLog.record({
      actorId: otherActor,
      action: 'test.other',
      targetType: 'gadget',
      targetId: 'g-1',
    });

    const byTarget = await client.get<AuditLogPage>(
      `/api/admin/audit-log?targetType=widget&targetId=${target}`,
    );
    expect(byTarget.status).toBe(200);
    expect(byTarget.body.entries).toHaveLength(5);
    expect(byTarget.body.entries[0]).toMatchObject({
      actorId: admin.id,
      actorEmail: expect.stringContaining('@example.com'),
      action: 'test.toggle',
      before: { on: true },
      after: { on: false },
    });
    const times = byTarget.body.entries.map((entry) => entry.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    // Paging: two at a time covers all five exactly once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `targetId=${target}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await client.get<AuditLogPage>(`/api/admin/audit-log?${query}`);
      expect(page.status).toBe(200);
      expect(page.body.entries.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.entries.map((entry) => entry.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(5);
    expect(seen).toEqual(byTarget.body.entries.map((entry) => entry.id));

    const byActor = await client.get<AuditLogPage>(`/api/admin/audit-log?actorId=${otherActor}`);
    expect(byActor.body.entries).toEqual([
      expect.objectContaining({ action: 'test.other', actorEmail: null, before: null, after: null }),
    ]);
    const byAction = await client.get<AuditLogPage>('/api/admin/audit-log?action=test.other');
    expect(byAction.body.entries.every((entry) => entry.action === 'test.other')).toBe(true);

    const future = new Date(Date.now() + 60_000).toISOString();
    const none = await client.get<AuditLogPage>(`/api/admin/audit-log?targetId=${target}&from=${future}`);
    expect(none.body).toEqual({ entries: [], nextCursor: null });
    const past = new Date(Date.now() - 60_000).toISOString();
    const within = await client.get<AuditLogPage>(
      `/api/admin/audit-log?targetId=${target}&from=${past}&to=${future}`,
    );
    expect(within.body.entries).toHaveLength(5);
  });

  it('commits an entry with its caller’s transaction, and never without it', async () => {
    const testApp = getApp();
    const { client, user: admin } = await adminClient(testApp);
    const target = randomUUID();
    await expect(
      testApp.database.db.transaction(async (tx) => {
        await testApp.app.services.auditLog.record(
          { actorId: admin.id, action: 'test.rolled-back', targetType: 'widget', targetId: target },
          tx,
        );
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    const page = await client.get<AuditLogPage>(`/api/admin/audit-log?targetId=${target}`);
    expect(page.body.entries).toEqual([]);
    await expect(
      testApp.app.services.auditLog.record({ actorId: 'nobody', action: '', targetType: 'x', targetId: 'y' }),
    ).rejects.toThrow(/Invalid audit log entry/);
  });

  it('answers bad filters with 400 naming the field', async () => {
    const testApp = getApp();
    const { client } = await adminClient(testApp);
    const cases: [string, string][] = [
      ['actorId=not-a-uuid', 'actorId'],
      ['from=yesterday', 'from'],
      ['from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z', 'from'],
      ['limit=1000', 'limit'],
      ['limit=-1', 'limit'],
      ['cursor=%27%3B%20drop%20table%20admin_audit_log%3B--', 'cursor'],
      [`action=${'a'.repeat(101)}`, 'action'],
      ['unknown=1', ''],
    ];
    for (const [query, field] of cases) {
      const response = await client.get<ErrorBody>(`/api/admin/audit-log?${query}`);
      expect(response.status, query).toBe(400);
      if (field) expect(JSON.stringify(response.body.error.details), query).toContain(field);
    }
  });

  it('keeps entries for the retention period only: the retention rule removes older ones', async () => {
    const testApp = getApp();
    const target = randomUUID();
    const actor = randomUUID();
    const now = new Date();
    const day = 24 * 60 * 60 * 1000;
    for (const ageDays of [AUDIT_LOG_RETENTION_DAYS + 1, AUDIT_LOG_RETENTION_DAYS - 1]) {
      await testApp.database.db.insert(adminAuditLog).values({
        actorId: actor,
        action: 'test.aged',
        targetType: 'widget',
        targetId: target,
        createdAt: new Date(now.getTime() - ageDays * day),
      });
    }
    expect(await auditLogRetentionRule(testApp.database).run(now)).toBeGreaterThanOrEqual(1);
    const left = await testApp.database.query<{ created_at: Date }>(
      'select created_at from admin_audit_log where target_id = $1',
      [target],
    );
    expect(left).toHaveLength(1);
  });

  it('is append-only: the API has no way to change or remove an entry', () => {
    const routes = getApp().app.routeTable.filter((route) => route.url.startsWith('/api/admin/audit-log'));
    expect(routes.map((route) => route.method).sort()).toEqual(['GET', 'HEAD']);
  });
});
