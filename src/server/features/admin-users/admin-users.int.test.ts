/**
 * The admin Users actions over real HTTP: every one is for admins only, recorded in the audit log with
 * the state before and after, and refuses what would lock the operator out. Disabling sign-in ends
 * the user's sessions at once on the instance that did it and within the session cache's window on
 * another (ADR 0044), like every other revocation.
 */
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import type { AccountDeletionResponse } from '../../../core/account/lifecycle-contracts.ts';
import type { AuditLogPage } from '../../../core/admin/audit-contracts.ts';
import type {
  AdminUserActionResponse,
  AdminUserDetail,
  AdminUserList,
} from '../../../core/admin/user-contracts.ts';
import { CURRENT_BETA_CONSENT } from '../../../core/beta/journey.ts';
import { grantAdminRole } from '../../platform/auth/admin-bootstrap.ts';
import { SESSION_CACHE_TTL_MS } from '../../platform/auth/session-cache.ts';
import {
  describeOnEachDatabase,
  type ErrorBody,
  STRONG_PASSWORD,
  signUp,
  startTestApp,
  type TestApp,
  TestClient,
  uniqueEmail,
} from '../../testing/harness.ts';

async function adminClient(testApp: TestApp, name = 'Console Admin') {
  const client = testApp.client();
  const { email, user } = await signUp(client, { name });
  await grantAdminRole(testApp.database, email);
  return { client, email, user };
}

async function auditOf(admin: TestClient, targetId: string, action: string) {
  const page = await admin.get<AuditLogPage>(
    `/api/admin/audit-log?targetType=user&targetId=${targetId}&action=${action}`,
  );
  expect(page.status).toBe(200);
  return page.body.entries;
}

async function signIn(client: TestClient, email: string, password = STRONG_PASSWORD) {
  return client.post<ErrorBody>('/api/auth/sign-in', { email, password });
}

describeOnEachDatabase('admin users', (getApp, kind) => {
  it('every route is for admins only: 401 signed out, 403 for a user, and nothing changes', async () => {
    const testApp = getApp();
    const user = testApp.client();
    const { user: victim } = await signUp(user);
    const anonymous = testApp.client();
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/admin/users'],
      ['GET', `/api/admin/users/${victim.id}`],
      ['POST', `/api/admin/users/${victim.id}/role`, { role: 'admin' }],
      ['POST', `/api/admin/users/${victim.id}/sign-in`, { enabled: false }],
      ['POST', `/api/admin/users/${victim.id}/resend-verification`, {}],
      ['POST', `/api/admin/users/${victim.id}/restore`, {}],
    ];
    for (const [method, path, json] of calls) {
      const options = json === undefined ? {} : { json };
      expect((await anonymous.request(method, path, options)).status, path).toBe(401);
      const forbidden = await user.request<ErrorBody>(method, path, options);
      expect(forbidden.status, path).toBe(403);
      expect(forbidden.body.error.code).toBe('FORBIDDEN');
    }
    // The user tried to make themselves an admin and to disable themselves: neither happened.
    expect((await user.get('/api/admin/users')).status).toBe(403);
    expect((await user.get('/api/brands')).status).toBe(200);
  });

  it('grants and revokes admin, audited with before/after; never removes the last admin', async () => {
    const testApp = getApp();
    // Start from a database where this test's admin is the only one.
    await testApp.database.query(`update users set role = 'user' where role = 'admin'`);
    const { client: admin, user: adminUser } = await adminClient(testApp);
    const other = testApp.client();
    const { user: colleague } = await signUp(other, { name: 'Colleague' });

    // The only admin cannot give up their own role, and a second request changes nothing either.
    const selfRevoke = await admin.post<ErrorBody>(`/api/admin/users/${adminUser.id}/role`, { role: 'user' });
    expect(selfRevoke.status).toBe(409);
    expect(selfRevoke.body.error.message).toMatch(/only admin/);
    expect(await auditOf(admin, adminUser.id, 'users.revoke-admin')).toEqual([]);

    const granted = await admin.post<AdminUserActionResponse>(`/api/admin/users/${colleague.id}/role`, {
      role: 'admin',
    });
    expect(granted.status).toBe(200);
    expect(granted.body.user).toMatchObject({ id: colleague.id, role: 'admin' });
    // The new admin's next request sees the role (this instance forgot the cached session).
    expect((await other.get('/api/admin/users')).status).toBe(200);
    const [grant] = await auditOf(admin, colleague.id, 'users.grant-admin');
    expect(grant).toMatchObject({
      actorId: adminUser.id,
      before: { role: 'user' },
      after: { role: 'admin' },
    });

    // Granting again is a no-op: no second entry.
    await admin.post(`/api/admin/users/${colleague.id}/role`, { role: 'admin' });
    expect(await auditOf(admin, colleague.id, 'users.grant-admin')).toHaveLength(1);

    // With two admins, one may step down; then the other is the last and cannot.
    const stepDown = await other.post<AdminUserActionResponse>(`/api/admin/users/${colleague.id}/role`, {
      role: 'user',
    });
    expect(stepDown.status).toBe(200);
    expect(stepDown.body.user.role).toBe('user');
    expect((await other.get('/api/admin/users')).status).toBe(403);
    const [revoke] = await auditOf(admin, colleague.id, 'users.revoke-admin');
    expect(revoke).toMatchObject({
      actorId: colleague.id,
      before: { role: 'admin' },
      after: { role: 'user' },
    });
    expect((await admin.post(`/api/admin/users/${adminUser.id}/role`, { role: 'user' })).status).toBe(409);

    // Hostile bodies and ids: 400s naming the field, 404 for an unknown account.
    expect(
      (await admin.post<ErrorBody>(`/api/admin/users/${colleague.id}/role`, { role: 'owner' })).status,
    ).toBe(400);
    expect(
      (await admin.post<ErrorBody>(`/api/admin/users/${colleague.id}/role`, { role: 'admin', extra: 1 }))
        .status,
    ).toBe(400);
    expect((await admin.post<ErrorBody>(`/api/admin/users/not-a-uuid/role`, { role: 'admin' })).status).toBe(
      400,
    );
    const missing = await admin.post<ErrorBody>(
      '/api/admin/users/00000000-0000-4000-8000-000000000000/role',
      {
        role: 'admin',
      },
    );
    expect(missing.status).toBe(404);
  });

  it('disables sign-in: the open session gets 401 at once, sign-in is refused, enabling lets them back', async () => {
    const testApp = getApp();
    const { client: admin, user: adminUser } = await adminClient(testApp);
    const browser = testApp.client();
    const { email, user } = await signUp(browser, { name: 'Soon Disabled' });
    expect((await browser.get('/api/brands')).status).toBe(200);

    const disabled = await admin.post<AdminUserActionResponse>(`/api/admin/users/${user.id}/sign-in`, {
      enabled: false,
    });
    expect(disabled.status).toBe(200);
    expect(disabled.body.user.signInDisabled).toBe(true);
    expect((await browser.get('/api/brands')).status).toBe(401);
    const [entry] = await auditOf(admin, user.id, 'users.disable-sign-in');
    expect(entry).toMatchObject({
      actorId: adminUser.id,
      before: { signInDisabled: false },
      after: { signInDisabled: true, sessionsEnded: 1 },
    });

    // The right password learns why; a wrong one learns nothing.
    const refused = await signIn(testApp.client(), email);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/disabled by an administrator/);
    expect((await signIn(testApp.client(), email, 'Wrong-Password-99')).status).toBe(401);

    // An admin cannot disable themselves.
    const self = await admin.post<ErrorBody>(`/api/admin/users/${adminUser.id}/sign-in`, { enabled: false });
    expect(self.status).toBe(409);
    expect((await admin.get('/api/admin/users')).status).toBe(200);

    const listed = await admin.get<AdminUserList>(
      `/api/admin/users?disabled=true&q=${encodeURIComponent(email)}`,
    );
    expect(listed.body.users.map((row) => row.id)).toEqual([user.id]);

    const enabled = await admin.post<AdminUserActionResponse>(`/api/admin/users/${user.id}/sign-in`, {
      enabled: true,
    });
    expect(enabled.body.user.signInDisabled).toBe(false);
    expect(await auditOf(admin, user.id, 'users.enable-sign-in')).toEqual([
      expect.objectContaining({ before: { signInDisabled: true }, after: { signInDisabled: false } }),
    ]);
    const again = testApp.client();
    expect((await signIn(again, email)).status).toBe(200);
    expect((await again.get('/api/brands')).status).toBe(200);
  });

  it('resends the verification email to an unverified address, audited; a verified one is 409', async () => {
    const testApp = getApp();
    const { client: admin, user: adminUser } = await adminClient(testApp);
    const { email, user } = await signUp(testApp.client());
    const count = async () =>
      (await testApp.database.query('select 1 from outbox_emails where to_address = $1', [email])).length;
    const before = await count();
    const sent = await admin.post<AdminUserActionResponse>(`/api/admin/users/${user.id}/resend-verification`);
    expect(sent.status).toBe(200);
    expect(await count()).toBe(before + 1);
    expect(await auditOf(admin, user.id, 'users.resend-verification')).toEqual([
      expect.objectContaining({ actorId: adminUser.id, before: { emailVerified: false } }),
    ]);
    await testApp.database.query('update users set email_verified = true where id = $1', [user.id]);
    expect((await admin.post(`/api/admin/users/${user.id}/resend-verification`)).status).toBe(409);
  });

  it('restores an account pending deletion: audited, and the user can sign in again', async () => {
    const testApp = getApp();
    const { client: admin, user: adminUser } = await adminClient(testApp);
    const browser = testApp.client();
    const { email, user } = await signUp(browser);
    const deletion = await browser.post<AccountDeletionResponse>('/api/account/deletion', {
      password: STRONG_PASSWORD,
      confirmation: 'DELETE',
    });
    expect(deletion.status).toBe(200);
    expect((await signIn(testApp.client(), email)).status).toBe(403);

    const pending = await admin.get<AdminUserList>(
      `/api/admin/users?pendingDeletion=true&q=${encodeURIComponent(email)}`,
    );
    expect(pending.body.users).toEqual([
      expect.objectContaining({ id: user.id, pendingDeletionPurgeAfter: deletion.body.purgeAfter }),
    ]);

    expect((await admin.post(`/api/admin/users/${user.id}/restore`)).status).toBe(200);
    expect(await auditOf(admin, user.id, 'users.restore')).toEqual([
      expect.objectContaining({
        actorId: adminUser.id,
        before: expect.objectContaining({ pendingDeletion: true, purgeAfter: deletion.body.purgeAfter }),
        after: { pendingDeletion: false },
      }),
    ]);
    // A second restore is a 409 and writes no second entry.
    expect((await admin.post(`/api/admin/users/${user.id}/restore`)).status).toBe(409);
    expect(await auditOf(admin, user.id, 'users.restore')).toHaveLength(1);
    expect((await signIn(testApp.client(), email)).status).toBe(200);
  });

  it('searches and filters users, pages them, and shows one user’s brands, usage and sessions', async () => {
    const testApp = getApp();
    const { client: admin } = await adminClient(testApp);
    const marker = `zq${Date.now().toString(36)}`;
    const browser = testApp.client();
    const { user: first } = await signUp(browser, { name: `${marker} First`, email: uniqueEmail(marker) });
    const { user: second } = await signUp(testApp.client(), { name: `${marker}% Second` });
    await testApp.database.query('update users set email_verified = true where id = $1', [first.id]);

    const all = await admin.get<AdminUserList>(`/api/admin/users?q=${marker}`);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(2);
    expect(all.body.users.map((row) => row.id)).toEqual([second.id, first.id]);
    // `%` is a literal character, not a wildcard.
    const literal = await admin.get<AdminUserList>(`/api/admin/users?q=${encodeURIComponent(`${marker}%`)}`);
    expect(literal.body.users.map((row) => row.id)).toEqual([second.id]);
    const verified = await admin.get<AdminUserList>(`/api/admin/users?q=${marker}&verified=true`);
    expect(verified.body.users.map((row) => row.id)).toEqual([first.id]);
    const paged = await admin.get<AdminUserList>(`/api/admin/users?q=${marker}&limit=1&offset=1`);
    expect(paged.body).toMatchObject({ total: 2, users: [expect.objectContaining({ id: first.id })] });
    const beyond = await admin.get<AdminUserList>(`/api/admin/users?q=${marker}&limit=1&offset=5`);
    expect(beyond.body).toEqual({ users: [], total: 2 });
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const createdLater = await admin.get<AdminUserList>(`/api/admin/users?q=${marker}&createdFrom=${future}`);
    expect(createdLater.body.total).toBe(0);
    const activeSince = await admin.get<AdminUserList>(
      `/api/admin/users?q=${marker}&activeFrom=${new Date(Date.now() - 3_600_000).toISOString()}`,
    );
    expect(activeSince.body.users.length).toBe(2);
    expect(all.body.users[0]?.lastActiveAt).not.toBeNull();
    const admins = await admin.get<AdminUserList>(`/api/admin/users?role=admin&q=${marker}`);
    expect(admins.body.total).toBe(0);

    for (const query of [
      'role=owner',
      'verified=yes',
      'limit=0',
      'limit=101',
      'offset=-1',
      'createdFrom=tomorrow',
      `activeFrom=${future}&activeTo=2020-01-01T00:00:00Z`,
      `q=${'x'.repeat(201)}`,
      'sort=email',
    ]) {
      expect((await admin.get<ErrorBody>(`/api/admin/users?${query}`)).status, query).toBe(400);
    }

    // The first user joins the beta programme: their page shows the membership and the journey.
    const joined = await browser.post('/api/beta/membership', {
      consent: true,
      textVersion: CURRENT_BETA_CONSENT.version,
    });
    expect(joined.status).toBe(200);
    const detail = await admin.get<AdminUserDetail>(`/api/admin/users/${first.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.user).toMatchObject({ id: first.id, emailVerified: true, role: 'user' });
    expect(detail.body.brands).toEqual([expect.objectContaining({ isDefault: true, deletedAt: null })]);
    expect(detail.body.usage).toMatchObject({ days: 30, calls: 0, costMicros: 0 });
    expect(detail.body.sessions).toHaveLength(1);
    expect(detail.body.beta.membership?.textVersion).toBe(CURRENT_BETA_CONSENT.version);
    expect(detail.body.beta.journey.length).toBeGreaterThan(0);
    const notTester = await admin.get<AdminUserDetail>(`/api/admin/users/${second.id}`);
    expect(notTester.body.beta).toEqual({ membership: null, journey: [] });
    expect((await admin.get(`/api/admin/users/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await admin.get(`/api/admin/users/${encodeURIComponent("1' or '1'='1")}`)).status).toBe(400);
  });

  describeSecondInstance(getApp, kind);
});

/** A second instance sharing the database; time moves with faked `Date`, as in the session-cache test. */
function describeSecondInstance(getApp: () => TestApp, kind: 'pglite' | 'postgres') {
  let second: TestApp | undefined;
  beforeAll(async () => {
    const first = getApp();
    second =
      kind === 'postgres' && first.config.database.kind === 'postgres'
        ? await startTestApp('postgres', {
            env: { DATABASE_URL: first.config.database.url, DATABASE_POOL_MAX: '4' },
          })
        : await startTestApp('pglite', { database: first.database });
  });
  afterAll(async () => {
    await second?.close();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('disabling on one instance ends the session on another within the session cache window', async () => {
    const instanceB = second;
    if (!instanceB) throw new Error('second instance is not running');
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const testApp = getApp();
    const { client: admin } = await adminClient(testApp);
    const onA = testApp.client();
    const { user } = await signUp(onA);
    const onB = new TestClient(instanceB.baseUrl);
    for (const [name, value] of onA.cookies) onB.cookies.set(name, value);
    expect((await onB.get('/api/brands')).status).toBe(200);

    expect((await admin.post(`/api/admin/users/${user.id}/sign-in`, { enabled: false })).status).toBe(200);
    expect((await onA.get('/api/brands')).status).toBe(401);
    vi.setSystemTime(Date.now() + SESSION_CACHE_TTL_MS);
    expect((await onB.get('/api/brands')).status).toBe(401);
  });
}
