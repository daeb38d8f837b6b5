import { expect, it } from 'vitest';
import type { DiagnosticResult } from '../../../core/diagnostic/contracts.ts';
import type { AdminLeadList, DeleteLeadResponse } from '../../../core/diagnostic/lead-admin-contracts.ts';
import { LEAD_CONSENT_TEXT } from '../../../core/diagnostic/lead-consent.ts';
import { grantAdminRole } from '../../platform/auth/admin-bootstrap.ts';
import {
  describeOnEachDatabase,
  type ErrorBody,
  signUp,
  type TestApp,
  type TestClient,
  uniqueEmail,
} from '../../testing/harness.ts';
import { solvedProofOfWork } from '../../testing/proof-of-work.ts';

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
const SAMPLE_ID = '6f1d2c1e-8a3b-4c5d-9e7f-0a1b2c3d4e5f';

/** An anonymous visitor takes the diagnostic and asks for the report by email; returns the result id. */
async function becomeLead(testApp: TestApp, email: string): Promise<string> {
  const browser = testApp.client();
  const taken = await browser.post<{ result: DiagnosticResult }>('/api/diagnostic/results', {
    questionnaireVersion: 1,
    answers: ANSWERS,
  });
  const lead = await browser.post(`/api/diagnostic/results/${taken.body.result.id}/lead`, {
    email,
    consent: true,
    altcha: await solvedProofOfWork(browser, '/api/diagnostic/altcha-challenge'),
  });
  expect(lead.status, lead.text).toBe(202);
  return taken.body.result.id;
}

async function signedInAdmin(testApp: TestApp): Promise<{ client: TestClient; userId: string }> {
  const client = testApp.client();
  const { email, user } = await signUp(client, { name: 'Admin' });
  await grantAdminRole(testApp.database, email);
  return { client, userId: user.id };
}

describeOnEachDatabase('admin leads', (getApp) => {
  it('answers 403 to a signed-in non-admin and 401 to a visitor on every leads route, changing nothing', async () => {
    const testApp = getApp();
    const email = uniqueEmail('kept');
    await becomeLead(testApp, email);
    const [lead] = await testApp.database.query<{ id: string }>('select id from leads where email = $1', [
      email,
    ]);
    const user = testApp.client();
    await signUp(user);
    const visitor = testApp.client();
    for (const [method, url] of [
      ['GET', '/api/admin/leads'],
      ['GET', '/api/admin/leads.csv'],
      ['DELETE', `/api/admin/leads/${lead?.id}`],
    ] as const) {
      const refused = await user.request<ErrorBody>(method, url);
      expect(refused.status, url).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
      expect((await visitor.request(method, url)).status, url).toBe(401);
    }
    expect(await testApp.database.query('select id from leads where email = $1', [email])).toHaveLength(1);
  });

  it('lists each lead with its consent words and time, source result and status; exports neutralised CSV; both audited where personal data leaves', async () => {
    const testApp = getApp();
    // Three addresses: one stays subscribed, one unsubscribes, one makes an account.
    const subscribed = `+${uniqueEmail('sub')}`;
    const unsubscribed = `-${uniqueEmail('unsub')}`;
    const converted = uniqueEmail('conv');
    const subscribedResult = await becomeLead(testApp, subscribed);
    await becomeLead(testApp, unsubscribed);
    await becomeLead(testApp, converted);
    await testApp.database.query(
      "update email_consents set withdrawn_at = now(), withdrawn_via = 'unsubscribe-link' where email = $1",
      [unsubscribed],
    );
    await signUp(testApp.client(), { email: converted.toUpperCase() });

    const { client: admin, userId: adminId } = await signedInAdmin(testApp);
    const list = await admin.get<AdminLeadList>('/api/admin/leads');
    expect(list.status).toBe(200);
    const byEmail = new Map(list.body.leads.map((lead) => [lead.email, lead]));
    expect(byEmail.get(subscribed)).toMatchObject({
      status: 'subscribed',
      consentText: LEAD_CONSENT_TEXT,
      sourceResultId: subscribedResult,
      sourceOverallScore: expect.any(Number),
      reportSentAt: expect.any(String),
    });
    expect(Date.parse(byEmail.get(subscribed)?.consentedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(byEmail.get(unsubscribed)?.status).toBe('unsubscribed');
    expect(byEmail.get(converted)?.status).toBe('converted');
    expect(list.body.total).toBeGreaterThanOrEqual(3);

    const csv = await admin.get('/api/admin/leads.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(
      /^attachment; filename="leads-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'Email,Status,Consented at (UTC),Consent text,Source result,Source overall score,Report sent at (UTC)',
    );
    // Addresses starting with + or - would run as formulas: they start with an apostrophe instead.
    expect(lines.some((line) => line.startsWith(`'${subscribed},Subscribed,`))).toBe(true);
    expect(lines.some((line) => line.startsWith(`'${unsubscribed},Unsubscribed,`))).toBe(true);
    expect(lines.some((line) => line.startsWith(`${converted},Converted to an account,`))).toBe(true);
    expect(lines.some((line) => /^[=+\-@]/.test(line))).toBe(false);
    const audit = await testApp.database.query<{ action: string; actor_id: string }>(
      "select action, actor_id from admin_audit_log where action = 'leads.export-csv'",
    );
    expect(audit).toEqual([{ action: 'leads.export-csv', actor_id: adminId }]);
  });

  it('deletes a lead on request with the consent given with it (its tips stop), audited without the address; bad ids are 400/404', async () => {
    const testApp = getApp();
    const email = uniqueEmail('erase');
    await becomeLead(testApp, email);
    const [lead] = await testApp.database.query<{ id: string }>('select id from leads where email = $1', [
      email,
    ]);
    const leadId = lead?.id as string;
    const { client: admin, userId: adminId } = await signedInAdmin(testApp);

    for (const bad of ['not-a-uuid', "1' or '1'='1", '%00']) {
      expect((await admin.request<ErrorBody>('DELETE', `/api/admin/leads/${bad}`)).status, bad).toBe(400);
    }
    const missing = await admin.request<ErrorBody>('DELETE', `/api/admin/leads/${SAMPLE_ID}`);
    expect(missing.status).toBe(404);

    const deleted = await admin.request<DeleteLeadResponse>('DELETE', `/api/admin/leads/${leadId}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ consentsDeleted: 1 });
    expect(await testApp.database.query('select id from leads where id = $1', [leadId])).toHaveLength(0);
    expect(
      await testApp.database.query('select id from email_consents where email = $1', [email]),
    ).toHaveLength(0);
    const listed = await admin.get<AdminLeadList>('/api/admin/leads');
    expect(listed.body.leads.some((entry) => entry.email === email)).toBe(false);

    const [entry] = await testApp.database.query<{
      action: string;
      actor_id: string;
      target_type: string;
      target_id: string;
      before: Record<string, unknown>;
    }>(
      "select action, actor_id, target_type, target_id, before from admin_audit_log where action = 'leads.delete'",
    );
    expect(entry).toMatchObject({ actor_id: adminId, target_type: 'lead', target_id: leadId });
    expect(entry?.before).toMatchObject({ consentRecords: 1 });
    expect(JSON.stringify(entry)).not.toContain(email);

    // Deleting again: already gone.
    expect((await admin.request('DELETE', `/api/admin/leads/${leadId}`)).status).toBe(404);
  });
});
