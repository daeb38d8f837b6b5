import { expect, it } from 'vitest';
import type { AdminBeta, BetaStatus } from '../../../core/beta/contracts.ts';
import { CURRENT_BETA_CONSENT } from '../../../core/beta/journey.ts';
import type { WorkspaceItem } from '../../../core/workspace/items.ts';
import { grantAdminRole } from '../../platform/auth/admin-bootstrap.ts';
import { ownedTables, schemaTables } from '../../platform/data-lifecycle/tables.ts';
import { multipartBody, utf8 } from '../../testing/fixtures/documents.ts';
import {
  defaultBrandId,
  describeOnEachDatabase,
  type ErrorBody,
  signUp,
  type TestApp,
  type TestClient,
} from '../../testing/harness.ts';

const ANSWERS: Record<string, number> = {
  'insight-motivation': 4,
  'insight-customer-clarity': 5,
  'distinctive-difference': 2,
  'distinctive-assets': 3,
  'empathetic-bond': 3,
  'empathetic-messaging': 3,
  'authentic-transparency': 1,
  'authentic-consistency': 2,
};

const COMPLETE_CANVAS = {
  purpose: 'Make mornings calmer for busy parents.',
  vision: 'Every family starts the day unhurried.',
  mission: 'Breakfast kits ready in five minutes.',
  values: ['Honesty', 'Care'],
  positioning: 'For busy parents, Calm & Co. is the kit that takes five minutes.',
  valueProposition: 'A calm start without the rush.',
  personality: ['Warm', 'Dependable'],
  voice: 'Warm, plain and brief.',
};

const join = (client: TestClient) =>
  client.post<BetaStatus>('/api/beta/membership', {
    consent: true,
    textVersion: CURRENT_BETA_CONSENT.version,
  });

const doneSteps = (status: BetaStatus) => status.journey.filter((step) => step.done).map((step) => step.step);

async function journeyOf(client: TestClient): Promise<string[]> {
  const response = await client.get<BetaStatus>('/api/beta');
  expect(response.status).toBe(200);
  return doneSteps(response.body);
}

async function takeDiagnostic(client: TestClient) {
  const taken = await client.post('/api/diagnostic/results', { questionnaireVersion: 1, answers: ANSWERS });
  expect(taken.status).toBe(201);
}

async function saveItem(client: TestClient, brandId: string, kind: string, data: unknown) {
  const current = await client.get<{ item: WorkspaceItem }>(`/api/brands/${brandId}/items/${kind}`);
  const saved = await client.request('PUT', `/api/brands/${brandId}/items/${kind}`, {
    json: { baseVersion: current.body.item.version, data, sources: {} },
  });
  expect(saved.status, saved.text).toBe(200);
}

async function createAvatar(client: TestClient, brandId: string): Promise<string> {
  const created = await client.post<{ item: WorkspaceItem }>(`/api/brands/${brandId}/collections/avatar`, {
    data: { name: 'Busy Parent' },
    sources: {},
  });
  expect(created.status, created.text).toBe(201);
  return created.body.item.id as string;
}

async function askCoach(client: TestClient, brandId: string) {
  const session = await client.post<{ id: string }>('/api/ai/chat/sessions', { brandId });
  expect(session.status).toBe(201);
  const sent = await client.post(`/api/ai/chat/sessions/${session.body.id}/messages`, {
    content: 'How do I make my brand more distinctive?',
  });
  expect(sent.status, sent.text).toBe(200);
}

async function uploadDocument(client: TestClient, brandId: string) {
  const { contentType, body } = multipartBody({
    bytes: utf8('Our brand notes.\n\nCalm mornings.'),
    fileName: 'notes.txt',
  });
  const response = await fetch(new URL(`/api/brands/${brandId}/documents`, client.baseUrl), {
    method: 'POST',
    headers: { cookie: client.cookieHeader(), 'content-type': contentType },
    body: new Uint8Array(body),
  });
  expect(response.status, await response.text()).toBe(201);
}

async function signedInAdmin(testApp: TestApp): Promise<{ client: TestClient; userId: string }> {
  const client = testApp.client();
  const { email, user } = await signUp(client, { name: 'Admin' });
  await grantAdminRole(testApp.database, email);
  return { client, userId: user.id };
}

describeOnEachDatabase('beta programme', (getApp) => {
  it('joins with consent recorded (words, version, when, where), ticks each step from real work, and leaves without touching the account', async () => {
    const testApp = getApp();
    const client = testApp.client();
    const { user } = await signUp(client);
    const brandId = await defaultBrandId(client);

    const before = await client.get<BetaStatus>('/api/beta');
    expect(before.body).toEqual({ membership: null, journey: [] });

    // Bad input: no consent, consent as a string, stale words, extra fields.
    for (const body of [
      { textVersion: CURRENT_BETA_CONSENT.version },
      { consent: 'true', textVersion: CURRENT_BETA_CONSENT.version },
      { consent: false, textVersion: CURRENT_BETA_CONSENT.version },
      { consent: true, textVersion: CURRENT_BETA_CONSENT.version, joinedAt: '2020-01-01T00:00:00Z' },
      { consent: true, textVersion: 'x'.repeat(41) },
    ]) {
      const refused = await client.post<ErrorBody>('/api/beta/membership', body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
    }
    const stale = await client.post<ErrorBody>('/api/beta/membership', {
      consent: true,
      textVersion: 'beta/0',
    });
    expect(stale.status).toBe(409);
    expect((await client.get<BetaStatus>('/api/beta')).body.membership).toBeNull();

    const joined = await join(client);
    expect(joined.status).toBe(200);
    expect(joined.body.membership).toMatchObject({
      consentText: CURRENT_BETA_CONSENT.text,
      textVersion: CURRENT_BETA_CONSENT.version,
    });
    expect(joined.body.journey.map((step) => step.step)).toEqual([
      'diagnostic',
      'module',
      'avatar',
      'canvas',
      'coach',
      'document',
      'feedback',
    ]);
    expect(doneSteps(joined.body)).toEqual([]);
    // Joining twice changes nothing.
    expect((await join(client)).status).toBe(200);
    const rows = await testApp.database.query<{
      text_version: string;
      consent_text: string;
      joined_via: string;
    }>('select text_version, consent_text, joined_via, joined_at from beta_memberships where user_id = $1', [
      user.id,
    ]);
    expect(rows).toEqual([
      expect.objectContaining({
        text_version: CURRENT_BETA_CONSENT.version,
        consent_text: CURRENT_BETA_CONSENT.text,
        joined_via: 'beta-page',
      }),
    ]);

    await takeDiagnostic(client);
    expect(await journeyOf(client)).toEqual(['diagnostic']);

    await saveItem(client, brandId, 'insight', { buyerIntent: 'Comparing options before a first order.' });
    expect(await journeyOf(client)).toEqual(['diagnostic', 'module']);

    const avatarId = await createAvatar(client, brandId);
    expect(await journeyOf(client)).toEqual(['diagnostic', 'module', 'avatar']);

    // A canvas with one field left (or a placeholder) is not complete; the core's rule decides.
    await saveItem(client, brandId, 'canvas', { ...COMPLETE_CANVAS, voice: '' });
    expect(await journeyOf(client)).not.toContain('canvas');
    await saveItem(client, brandId, 'canvas', { ...COMPLETE_CANVAS, voice: '[describe your voice]' });
    expect(await journeyOf(client)).not.toContain('canvas');
    await saveItem(client, brandId, 'canvas', COMPLETE_CANVAS);
    expect(await journeyOf(client)).toContain('canvas');

    await askCoach(client, brandId);
    await uploadDocument(client, brandId);
    expect(await journeyOf(client)).toEqual([
      'diagnostic',
      'module',
      'avatar',
      'canvas',
      'coach',
      'document',
    ]);

    // Derived, not stored: deleting the only avatar unticks its step.
    expect((await client.request('DELETE', `/api/items/${avatarId}`)).status).toBe(204);
    expect(await journeyOf(client)).not.toContain('avatar');

    const left = await client.request<BetaStatus>('DELETE', '/api/beta/membership');
    expect(left.status).toBe(200);
    expect(left.body).toEqual({ membership: null, journey: [] });
    const [record] = await testApp.database.query<{ left_at: Date | null; left_via: string | null }>(
      'select left_at, left_via from beta_memberships where user_id = $1',
      [user.id],
    );
    expect(record?.left_at).toBeInstanceOf(Date);
    expect(record?.left_via).toBe('beta-page');
    // The account and its work are untouched.
    expect((await client.get('/api/session')).status).toBe(200);
    expect((await client.get(`/api/brands/${brandId}/items/canvas`)).status).toBe(200);
    const results = await testApp.database.query('select id from diagnostic_results where user_id = $1', [
      user.id,
    ]);
    expect(results).toHaveLength(1);
    // Leaving twice is harmless; joining again is a new record.
    expect((await client.request('DELETE', '/api/beta/membership')).status).toBe(200);
    expect(doneSteps((await join(client)).body)).toEqual([
      'diagnostic',
      'module',
      'canvas',
      'coach',
      'document',
    ]);
    const all = await testApp.database.query('select id from beta_memberships where user_id = $1', [user.id]);
    expect(all).toHaveLength(2);
  });

  it('takes one short answer per step from members only, replaces it on a second answer, and refuses bad input', async () => {
    const testApp = getApp();
    const client = testApp.client();
    await signUp(client);
    const path = '/api/beta/steps/diagnostic/feedback';

    const notMember = await client.request<ErrorBody>('PUT', path, { json: { rating: 'easy' } });
    expect(notMember.status).toBe(409);
    await join(client);

    for (const [url, body] of [
      ['/api/beta/steps/unknown/feedback', { rating: 'easy' }],
      ['/api/beta/steps/DIAGNOSTIC/feedback', { rating: 'easy' }],
      [path, { rating: 'great' }],
      [path, {}],
      [path, { rating: 'easy', comment: 'x'.repeat(501) }],
      [path, { rating: 'easy', comment: 42 }],
      [path, { rating: 'easy', userId: '6f1d2c1e-8a3b-4c5d-9e7f-0a1b2c3d4e5f' }],
    ] as const) {
      const refused = await client.request<ErrorBody>('PUT', url, { json: body });
      expect([400, 404], `${url} ${JSON.stringify(body)}`).toContain(refused.status);
    }

    const first = await client.request<BetaStatus>('PUT', path, {
      json: { rating: 'hard', comment: '  =HYPERLINK("http://evil.example") confusing  ' },
    });
    expect(first.status).toBe(200);
    expect(first.body.journey[0]?.feedback).toMatchObject({
      rating: 'hard',
      comment: '=HYPERLINK("http://evil.example") confusing',
    });
    const second = await client.request<BetaStatus>('PUT', path, { json: { rating: 'easy' } });
    expect(second.body.journey[0]?.feedback).toMatchObject({ rating: 'easy', comment: '' });
    const rows = await testApp.database.query('select id from beta_step_feedback');
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(second.body.journey.slice(1).every((step) => step.feedback === null)).toBe(true);
  });

  it('keeps the beta admin pages to admins; the funnel counts current testers from their real work; the CSV export is neutralised and audited', async () => {
    const testApp = getApp();
    const outsider = testApp.client();
    await signUp(outsider);
    for (const url of ['/api/admin/beta', '/api/admin/beta.csv']) {
      const refused = await outsider.get<ErrorBody>(url);
      expect(refused.status, url).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
      expect((await testApp.client().get(url)).status, url).toBe(401);
    }

    // Other tests in this file leave testers behind: every figure is compared with the one before.
    const { client: admin, userId: adminId } = await signedInAdmin(testApp);
    const baseline = (await admin.get<AdminBeta>('/api/admin/beta')).body;

    // Three testers: one took the diagnostic and started a module, one only made an avatar (so
    // the funnel loses them at the first stage), one left. Their names try a formula.
    const first = testApp.client();
    await signUp(first, { name: '=1+2' });
    await join(first);
    await takeDiagnostic(first);
    await saveItem(first, await defaultBrandId(first), 'learning', {
      completed: { insight: ['why-they-buy'], distinctive: [], empathetic: [], authentic: [] },
    });
    await first.request('PUT', '/api/beta/steps/diagnostic/feedback', {
      json: { rating: 'okay', comment: 'Quick.' },
    });

    const second = testApp.client();
    const { email: secondEmail } = await signUp(second, { name: '@SUM(A1)' });
    await join(second);
    await createAvatar(second, await defaultBrandId(second));

    const third = testApp.client();
    await signUp(third, { name: 'Former Tester' });
    await join(third);
    await takeDiagnostic(third);
    await third.request('DELETE', '/api/beta/membership');

    const overview = await admin.get<AdminBeta>('/api/admin/beta');
    expect(overview.status).toBe(200);
    expect(overview.body.activeCount - baseline.activeCount).toBe(2);
    expect(overview.body.leftCount - baseline.leftCount).toBe(1);
    // What the three testers added to each stage of the funnel.
    const added = (step: string) => {
      const now = overview.body.funnel.find((entry) => entry.step === step);
      const before = baseline.funnel.find((entry) => entry.step === step);
      if (!now || !before) throw new Error(`no funnel stage ${step}`);
      return {
        completed: now.completed - before.completed,
        reached: now.reached - before.reached,
        dropOff: now.dropOff - before.dropOff,
        okay: now.ratings.okay - before.ratings.okay,
      };
    };
    expect(added('diagnostic')).toEqual({ completed: 1, reached: 1, dropOff: 1, okay: 1 });
    expect(added('module')).toEqual({ completed: 1, reached: 1, dropOff: 0, okay: 0 });
    expect(added('avatar')).toEqual({ completed: 1, reached: 0, dropOff: 1, okay: 0 });
    expect(added('canvas')).toEqual({ completed: 0, reached: 0, dropOff: 0, okay: 0 });
    expect(overview.body.comments.map((comment) => comment.comment)).toContain('Quick.');
    const former = overview.body.cohort.find((member) => member.name === 'Former Tester');
    expect(former?.leftAt).not.toBeNull();
    // Someone who left is listed, but what they did is no longer looked at.
    expect(former?.completed).toEqual([]);
    expect(overview.body.cohort.find((member) => member.email === secondEmail)?.completed).toEqual([
      'avatar',
    ]);

    const csv = await admin.get('/api/admin/beta.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(
      /^attachment; filename="beta-cohort-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'Name,Email,Joined at (UTC),Left at (UTC),Steps completed,Take the diagnostic,Start an IDEA module,Create a customer avatar,Complete the brand canvas,Ask the coach,Upload a document,Give feedback',
    );
    expect(lines.some((line) => line.startsWith("'=1+2,"))).toBe(true);
    expect(lines.some((line) => line.startsWith(`'@SUM(A1),${secondEmail},`))).toBe(true);
    expect(lines.some((line) => /^=|^@/.test(line))).toBe(false);

    const audit = await testApp.database.query<{ action: string; target_type: string; actor_id: string }>(
      "select action, target_type, actor_id from admin_audit_log where action = 'beta.export-csv'",
    );
    expect(audit).toEqual([{ action: 'beta.export-csv', target_type: 'beta-cohort', actor_id: adminId }]);
  });

  it('registers both tables with the data lifecycle: exported and purged with the account', () => {
    const owned = ownedTables(schemaTables()).map((entry) => entry.table.name);
    expect(owned).toEqual(expect.arrayContaining(['beta_memberships', 'beta_step_feedback']));
  });
});
