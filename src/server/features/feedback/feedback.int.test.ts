import { expect, it } from 'vitest';
import { type AiTaskResponse, CANVAS_FIELDS } from '../../../core/ai/contracts.ts';
import type { FeedbackItem, FeedbackList, RatingSummary } from '../../../core/feedback/admin-contracts.ts';
import { grantAdminRole } from '../../platform/auth/admin-bootstrap.ts';
import { systemClock } from '../../platform/clock.ts';
import { ownedTables, schemaTables } from '../../platform/data-lifecycle/tables.ts';
import { createProofOfWork } from '../../platform/proof-of-work.ts';
import { createThrottle } from '../../platform/throttle.ts';
import { appVersion } from '../../platform/version.ts';
import { sendChatTurn } from '../../testing/chat-stream.ts';
import {
  defaultBrandId,
  describeOnEachDatabase,
  type ErrorBody,
  signUp,
  type TestApp,
  type TestClient,
} from '../../testing/harness.ts';
import { solvedProofOfWork } from '../../testing/proof-of-work.ts';
import { createFeedbackService } from './service.ts';

const CANVAS_FIELD = CANVAS_FIELDS[0];
const SAMPLE_ID = '6f1d2c1e-8a3b-4c5d-9e7f-0a1b2c3d4e5f';

const solved = (client: TestClient) => solvedProofOfWork(client, '/api/feedback/challenge');

/** Each test starts with no feedback limits spent (every request comes from 127.0.0.1). */
async function resetLimits(testApp: TestApp): Promise<void> {
  await testApp.database.query(`delete from rate_limits where key like 'feedback:%'`);
}

async function signedInAdmin(testApp: TestApp) {
  const client = testApp.client();
  const { email, user } = await signUp(client, { name: 'Inbox Admin' });
  await grantAdminRole(testApp.database, email);
  return { client, user };
}

async function inbox(admin: TestClient, query = ''): Promise<FeedbackList> {
  const response = await admin.get<FeedbackList>(`/api/admin/feedback${query}`);
  expect(response.status, response.text).toBe(200);
  return response.body;
}

async function auditEntries(testApp: TestApp, feedbackId: string) {
  return testApp.database.query<{ action: string; actor_id: string; before: unknown; after: unknown }>(
    `select action, actor_id, before, after from admin_audit_log
      where target_type = 'feedback' and target_id = $1 order by created_at`,
    [feedbackId],
  );
}

describeOnEachDatabase('Feedback', (getApp) => {
  it('takes anonymous feedback only with a solved, unspent proof of work, and attaches the page and app version', async () => {
    const testApp = getApp();
    await resetLimits(testApp);
    const visitor = testApp.client();
    const body = {
      kind: 'problem',
      message: 'The survey page is slow on my phone.',
      page: '/surveys/abc',
      contactEmail: 'visitor@example.com',
    };

    const unverified = await visitor.post<ErrorBody>('/api/feedback', body);
    expect(unverified.status).toBe(400);
    expect(unverified.body.error.details?.[0]?.path).toBe('body.altcha');

    const forged = await visitor.post<ErrorBody>('/api/feedback', {
      ...body,
      altcha: 'bm90IGEgcGF5bG9hZA==',
    });
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('CAPTCHA_FAILED');

    const altcha = await solved(visitor);
    const sent = await visitor.post<{ ok: true; message: string }>('/api/feedback', { ...body, altcha });
    expect(sent.status, sent.text).toBe(201);
    expect(sent.body.message).toMatch(/thank you/i);

    const replayed = await visitor.post<ErrorBody>('/api/feedback', { ...body, altcha });
    expect(replayed.status).toBe(400);
    expect(replayed.body.error.code).toBe('CAPTCHA_FAILED');

    const rows = await testApp.database.query<Record<string, unknown>>(
      `select user_id, kind, page, app_version, contact_email, status from feedback where message = $1`,
      [body.message],
    );
    expect(rows).toEqual([
      {
        user_id: null,
        kind: 'problem',
        page: '/surveys/abc',
        app_version: appVersion(),
        contact_email: 'visitor@example.com',
        status: 'new',
      },
    ]);
  });

  it('refuses hostile and malformed feedback with a 400 that names the field, storing nothing', async () => {
    const testApp = getApp();
    const client = testApp.client();
    await signUp(client);
    const valid = { kind: 'idea', message: 'More templates please', page: '/dashboard' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...valid, kind: 'spam' }, 'body.kind'],
      [{ ...valid, message: '  ' }, 'body.message'],
      [{ ...valid, message: 'x'.repeat(4001) }, 'body.message'],
      [{ ...valid, page: 'https://evil.example/phish' }, 'body.page'],
      [{ ...valid, page: '/<script>alert(1)</script>' }, 'body.page'],
      [{ ...valid, page: `/${'a'.repeat(400)}` }, 'body.page'],
      [{ ...valid, contactEmail: 'not-an-email' }, 'body.contactEmail'],
      [{ ...valid, status: 'done' }, 'body'],
      [{ ...valid, message: 'hello\u0000world' }, 'body.message'],
    ];
    for (const [body, path] of cases) {
      const response = await client.post<ErrorBody>('/api/feedback', body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(response.body.error.details?.map((detail) => detail.path).join(' ')).toContain(path);
    }
    const [row] = await testApp.database.query<{ count: number }>(
      `select count(*)::int as count from feedback where message like 'More templates%'`,
    );
    expect(row?.count).toBe(0);
  });

  it('limits anonymous feedback per IP address (429 with Retry-After), before any proof of work is spent', async () => {
    const testApp = getApp();
    await resetLimits(testApp);
    const visitor = testApp.client();
    const body = { kind: 'idea', message: 'Spam spam spam', page: '/' };
    // Every attempt counts, even one that fails its verification.
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect((await visitor.post('/api/feedback', body)).status).toBe(400);
    }
    const altcha = await solved(visitor);
    const limited = await visitor.post<ErrorBody>('/api/feedback', { ...body, altcha });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const [row] = await testApp.database.query<{ count: number }>(
      `select count(*)::int as count from feedback where message = 'Spam spam spam'`,
    );
    expect(row?.count).toBe(0);
    // The solution was not spent by the refusal: it still works once the window allows again.
    await resetLimits(testApp);
    expect((await visitor.post('/api/feedback', { ...body, altcha })).status).toBe(201);
  });

  it('takes signed-in feedback without a proof of work, with the account (never a typed address), limited per account', async () => {
    const testApp = getApp();
    await resetLimits(testApp);
    const client = testApp.client();
    const { user } = await signUp(client);
    const sent = await client.post('/api/feedback', {
      kind: 'praise',
      message: 'The canvas is lovely.',
      page: '/canvas',
      contactEmail: 'someone-else@example.com',
    });
    expect(sent.status, sent.text).toBe(201);
    const [row] = await testApp.database.query<{ user_id: string; contact_email: string | null }>(
      `select user_id, contact_email from feedback where message = 'The canvas is lovely.'`,
    );
    expect(row).toEqual({ user_id: user.id, contact_email: null });

    for (let sent = 2; sent <= 10; sent += 1) {
      expect(
        (await client.post('/api/feedback', { kind: 'idea', message: `Idea ${sent}`, page: '/' })).status,
      ).toBe(201);
    }
    const limited = await client.post<ErrorBody>('/api/feedback', {
      kind: 'idea',
      message: 'Idea 11',
      page: '/',
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeTruthy();
  });

  it('rates a coach answer and a task result against the prompt version and provider that produced them', async () => {
    const testApp = getApp();
    const client = testApp.client();
    await signUp(client);
    const brandId = await defaultBrandId(client);

    // A task result carries its AI call, which the rating names.
    const task = await client.post<AiTaskResponse>('/api/ai/canvas-suggestion', {
      brandId,
      brandName: 'Acme',
      field: CANVAS_FIELD,
    });
    expect(task.status, task.text).toBe(200);
    const callId = task.body.meta.callId;
    expect(callId).toEqual(expect.any(String));
    const rated = await client.post<{ rating: Record<string, unknown> }>('/api/feedback/ratings', {
      subject: 'task-result',
      callId,
      rating: 'down',
      reason: 'Too generic',
    });
    expect(rated.status, rated.text).toBe(200);
    expect(rated.body.rating).toEqual({
      rating: 'down',
      reason: 'Too generic',
      task: 'canvas-suggestion',
      promptVersion: task.body.meta.promptVersion,
    });
    // Rating again changes the one rating.
    const changed = await client.post<{ rating: { rating: string; reason: string | null } }>(
      '/api/feedback/ratings',
      {
        subject: 'task-result',
        callId,
        rating: 'up',
      },
    );
    expect(changed.body.rating).toMatchObject({ rating: 'up', reason: null });
    const stored = await testApp.database.query<Record<string, unknown>>(
      `select subject, task, prompt_id, prompt_version, provider, model, rating from ai_ratings where ai_call_id = $1`,
      [callId],
    );
    expect(stored).toEqual([
      {
        subject: 'task-result',
        task: 'canvas-suggestion',
        prompt_id: 'canvas-suggestion',
        prompt_version: task.body.meta.promptVersion,
        provider: 'offline',
        model: task.body.meta.model,
        rating: 'up',
      },
    ]);

    // A coach answer is rated by its message, with the provider and version stored with it.
    const session = await client.post<{ id: string }>('/api/ai/chat/sessions', { brandId });
    const turn = await sendChatTurn(client, session.body.id, 'How do I stand out?');
    const messageId = turn.events.at(-1)?.data.messageId as string;
    expect(messageId).toEqual(expect.any(String));
    const coach = await client.post('/api/feedback/ratings', {
      subject: 'coach-answer',
      messageId,
      rating: 'up',
    });
    expect(coach.status, coach.text).toBe(200);
    const mine = await client.get<{ ratings: unknown[] }>(
      `/api/feedback/ratings/messages?messageIds=${messageId},${SAMPLE_ID}`,
    );
    expect(mine.body.ratings).toEqual([{ messageId, rating: 'up', reason: null }]);
    const [coachRow] = await testApp.database.query<Record<string, unknown>>(
      `select task, prompt_id, prompt_version, provider from ai_ratings where chat_message_id = $1`,
      [messageId],
    );
    expect(coachRow).toEqual({ task: 'chat', prompt_id: 'chat', prompt_version: 1, provider: 'offline' });

    // The question itself, someone else's answer or call, and made-up ids are not there to rate.
    const messages = await client.get<{ messages: { id: string; role: string }[] }>(
      `/api/ai/chat/sessions/${session.body.id}/messages`,
    );
    const question = messages.body.messages.find((message) => message.role === 'user');
    expect(
      (
        await client.post('/api/feedback/ratings', {
          subject: 'coach-answer',
          messageId: question?.id,
          rating: 'up',
        })
      ).status,
    ).toBe(404);
    const stranger = testApp.client();
    await signUp(stranger);
    for (const body of [
      { subject: 'coach-answer', messageId, rating: 'down' },
      { subject: 'task-result', callId, rating: 'down' },
      { subject: 'task-result', callId: SAMPLE_ID, rating: 'down' },
    ]) {
      const response = await stranger.post<ErrorBody>('/api/feedback/ratings', body);
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    }
    expect(
      (await stranger.get<{ ratings: unknown[] }>(`/api/feedback/ratings/messages?messageIds=${messageId}`))
        .body.ratings,
    ).toEqual([]);
    for (const body of [
      { subject: 'task-result', callId: 'not-a-uuid', rating: 'up' },
      { subject: 'task-result', callId, rating: 'meh' },
      { subject: 'task-result', callId, rating: 'up', reason: 'x'.repeat(501) },
      { subject: 'everything', rating: 'up' },
      { subject: 'coach-answer', messageId, callId, rating: 'up' },
    ]) {
      expect(
        (await client.post('/api/feedback/ratings', body)).status,
        JSON.stringify(body).slice(0, 60),
      ).toBe(400);
    }
    expect(
      (await testApp.client().post('/api/feedback/ratings', { subject: 'task-result', callId, rating: 'up' }))
        .status,
    ).toBe(401);
  });

  it('rates stored task results (Value Lens copy, a buyer-intent run) by the call they keep, also when shown again', async () => {
    const testApp = getApp();
    const client = testApp.client();
    await signUp(client);
    const brandId = await defaultBrandId(client);
    const copy = await client.post<{ generation: { id: string; meta: { callId?: string } } }>(
      `/api/brands/${brandId}/value-lens`,
      { product: 'Loose leaf tea', features: ['organic'], format: 'ad-headline' },
    );
    expect(copy.status, copy.text).toBe(201);
    const run = await client.post<{ run: { id: string; meta: { callId?: string } } }>(
      `/api/brands/${brandId}/research/intent/runs`,
      { text: 'best linen shirts\nbuy linen shirt' },
    );
    expect(run.status, run.text).toBe(201);
    // The history shows the same call again, so the thumbs work there too.
    const history = await client.get<{ generations: { id: string; meta: { callId?: string } }[] }>(
      `/api/brands/${brandId}/value-lens`,
    );
    expect(history.body.generations.find((entry) => entry.id === copy.body.generation.id)?.meta.callId).toBe(
      copy.body.generation.meta.callId,
    );
    const storedRun = await client.get<{ run: { meta: { callId?: string } } }>(
      `/api/brands/${brandId}/research/intent/runs/${run.body.run.id}`,
    );
    expect(storedRun.body.run.meta.callId).toBe(run.body.run.meta.callId);
    for (const [callId, task] of [
      [copy.body.generation.meta.callId, 'value-lens-copy'],
      [run.body.run.meta.callId, 'buyer-intent'],
    ] as const) {
      const rated = await client.post<{ rating: { task: string } }>('/api/feedback/ratings', {
        subject: 'task-result',
        callId,
        rating: 'up',
      });
      expect(rated.status, rated.text).toBe(200);
      expect(rated.body.rating.task).toBe(task);
    }
  });

  it('answers 403 FORBIDDEN on every feedback admin route for a signed-in non-admin, changing nothing', async () => {
    const testApp = getApp();
    const client = testApp.client();
    await signUp(client);
    const routes = testApp.app.routeTable.filter(
      (route) =>
        route.url.startsWith('/api/admin/feedback') && route.method !== 'HEAD' && route.method !== 'OPTIONS',
    );
    expect(routes.map((route) => `${route.method} ${route.url}`).sort()).toEqual([
      'GET /api/admin/feedback',
      'GET /api/admin/feedback/ratings',
      'PATCH /api/admin/feedback/:feedbackId',
      'POST /api/admin/feedback/:feedbackId/replies',
    ]);
    const [target] = await testApp.database.query<{ id: string }>(
      `insert into feedback (kind, message, page, app_version) values ('idea', 'Untouched', '/', 'test') returning id`,
    );
    for (const route of routes) {
      const url = route.url.replace(':feedbackId', target?.id ?? SAMPLE_ID);
      const response = await client.request<ErrorBody>(
        route.method,
        url,
        route.method === 'GET'
          ? {}
          : { json: route.method === 'PATCH' ? { status: 'done' } : { message: 'Hi' } },
      );
      expect(response.status, `${route.method} ${route.url}`).toBe(403);
      expect(response.body.error.code).toBe('FORBIDDEN');
    }
    expect((await testApp.client().get<ErrorBody>('/api/admin/feedback')).status).toBe(401);
    const [row] = await testApp.database.query<{ status: string; replies: number }>(
      `select status, (select count(*)::int from feedback_replies where feedback_id = $1) as replies from feedback where id = $1`,
      [target?.id],
    );
    expect(row).toEqual({ status: 'new', replies: 0 });
  });

  it('lets an admin filter the inbox, triage feedback and reply by email — each action audited', async () => {
    const testApp = getApp();
    await resetLimits(testApp);
    const sender = testApp.client();
    const { email: senderEmail, user: senderUser } = await signUp(sender, { name: 'Fay' });
    const marker = `Export button ${Date.now()}`;
    expect(
      (
        await sender.post('/api/feedback', {
          kind: 'problem',
          message: `${marker} does nothing`,
          page: '/settings',
        })
      ).status,
    ).toBe(201);
    const anonymous = testApp.client();
    const altcha = await solved(anonymous);
    expect(
      (
        await anonymous.post('/api/feedback', {
          kind: 'praise',
          message: `${marker} anonymous praise`,
          page: '/',
          altcha,
        })
      ).status,
    ).toBe(201);

    const { client: admin, user: adminUser } = await signedInAdmin(testApp);
    const searched = await inbox(admin, `?q=${encodeURIComponent(marker)}`);
    expect(searched.items.map((item) => item.kind).sort()).toEqual(['praise', 'problem']);
    const problem = searched.items.find((item) => item.kind === 'problem') as FeedbackItem;
    expect(problem).toMatchObject({
      page: '/settings',
      status: 'new',
      appVersion: appVersion(),
      sender: { id: senderUser.id, email: senderEmail, name: 'Fay' },
      replyTo: senderEmail,
      replies: [],
    });
    const praise = searched.items.find((item) => item.kind === 'praise') as FeedbackItem;
    expect(praise).toMatchObject({ sender: null, replyTo: null });
    expect((await inbox(admin, `?q=${encodeURIComponent(marker)}&kind=praise`)).items).toHaveLength(1);
    // Wildcards in the search are plain characters.
    expect((await inbox(admin, `?q=${encodeURIComponent('%_%')}`)).items).toEqual([]);
    for (const query of [
      '?status=open',
      '?kind=rant',
      '?cursor=yesterday',
      `?q=${'x'.repeat(201)}`,
      '?admin=1',
    ]) {
      expect((await admin.get<ErrorBody>(`/api/admin/feedback${query}`)).status, query).toBe(400);
    }

    const triaged = await admin.request<{ item: FeedbackItem }>(
      'PATCH',
      `/api/admin/feedback/${problem.id}`,
      {
        json: { status: 'triaged' },
      },
    );
    expect(triaged.status, triaged.text).toBe(200);
    expect(triaged.body.item.status).toBe('triaged');
    expect(
      (await inbox(admin, `?status=triaged&q=${encodeURIComponent(marker)}`)).items.map((item) => item.id),
    ).toEqual([problem.id]);
    const badStatus = await admin.request<ErrorBody>('PATCH', `/api/admin/feedback/${problem.id}`, {
      json: { status: 'archived' },
    });
    expect(badStatus.status).toBe(400);
    expect(
      (await admin.request('PATCH', `/api/admin/feedback/${SAMPLE_ID}`, { json: { status: 'done' } })).status,
    ).toBe(404);

    const replyText = 'Thanks Fay — fixed in the next release.\n\n<b>Not bold</b>';
    const replied = await admin.post<{ item: FeedbackItem }>(`/api/admin/feedback/${problem.id}/replies`, {
      message: replyText,
    });
    expect(replied.status, replied.text).toBe(201);
    expect(replied.body.item.replies).toEqual([
      expect.objectContaining({ message: replyText, sentTo: senderEmail, authorEmail: expect.any(String) }),
    ]);
    const [mail] = await testApp.database.query<{ subject: string; text_body: string; html_body: string }>(
      `select subject, text_body, html_body from outbox_emails where to_address = $1 and subject like '%feedback%'`,
      [senderEmail],
    );
    expect(mail?.subject).toMatch(/reply to your feedback/i);
    expect(mail?.text_body).toContain('fixed in the next release');
    expect(mail?.text_body).toContain(`> ${marker} does nothing`);
    expect(mail?.html_body).toContain('&lt;b&gt;Not bold&lt;/b&gt;');
    expect(mail?.html_body).not.toContain('<b>Not bold</b>');

    // Anonymous feedback without an address cannot be answered; nothing is sent or recorded.
    const nowhere = await admin.post<ErrorBody>(`/api/admin/feedback/${praise.id}/replies`, {
      message: 'Thanks!',
    });
    expect(nowhere.status).toBe(409);
    expect((await admin.post(`/api/admin/feedback/${problem.id}/replies`, { message: '   ' })).status).toBe(
      400,
    );

    expect(await auditEntries(testApp, problem.id)).toEqual([
      {
        action: 'feedback.set-status',
        actor_id: adminUser.id,
        before: { status: 'new' },
        after: { status: 'triaged' },
      },
      {
        action: 'feedback.reply',
        actor_id: adminUser.id,
        before: null,
        after: { replyId: replied.body.item.replies[0]?.id, sentTo: senderEmail, length: replyText.length },
      },
    ]);
    expect(await auditEntries(testApp, praise.id)).toEqual([]);
    // Setting the status it already has changes nothing and records nothing.
    await admin.request('PATCH', `/api/admin/feedback/${problem.id}`, { json: { status: 'triaged' } });
    expect(await auditEntries(testApp, problem.id)).toHaveLength(2);
  });

  it('shows the admin thumbs per task and per prompt version and provider, with recent reasons', async () => {
    const testApp = getApp();
    const client = testApp.client();
    await signUp(client);
    const brandId = await defaultBrandId(client);
    for (const [rating, reason] of [
      ['up', ''],
      ['down', 'Missed my audience'],
    ] as const) {
      const task = await client.post<AiTaskResponse>('/api/ai/canvas-suggestion', {
        brandId,
        brandName: `Brand ${rating}`,
        field: CANVAS_FIELD,
        // A different input each time, so the second is not the same request again.
        currentText: `Draft ${rating}`,
      });
      expect(task.status, task.text).toBe(200);
      const response = await client.post('/api/feedback/ratings', {
        subject: 'task-result',
        callId: task.body.meta.callId,
        rating,
        ...(reason ? { reason } : {}),
      });
      expect(response.status, response.text).toBe(200);
    }
    const { client: admin } = await signedInAdmin(testApp);
    const summary = await admin.get<RatingSummary>('/api/admin/feedback/ratings?days=7');
    expect(summary.status, summary.text).toBe(200);
    const byTask = summary.body.byTask.find((row) => row.task === 'canvas-suggestion');
    expect(byTask?.up).toBeGreaterThanOrEqual(1);
    expect(byTask?.down).toBeGreaterThanOrEqual(1);
    expect(summary.body.byPromptVersion).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          task: 'canvas-suggestion',
          promptId: 'canvas-suggestion',
          provider: 'offline',
        }),
      ]),
    );
    expect(summary.body.recentReasons).toEqual(
      expect.arrayContaining([expect.objectContaining({ reason: 'Missed my audience', rating: 'down' })]),
    );
    expect((await admin.get('/api/admin/feedback/ratings?days=0')).status).toBe(400);
  });

  it('tells other features (the beta journey) which accounts have given feedback or a rating', async () => {
    const testApp = getApp();
    await resetLimits(testApp);
    const [writer, rater, quiet] = [testApp.client(), testApp.client(), testApp.client()];
    const writerId = (await signUp(writer)).user.id;
    const raterId = (await signUp(rater)).user.id;
    const quietId = (await signUp(quiet)).user.id;
    expect(
      (await writer.post('/api/feedback', { kind: 'praise', message: 'Lovely', page: '/app' })).status,
    ).toBe(201);
    const task = await rater.post<AiTaskResponse>('/api/ai/canvas-suggestion', {
      brandId: await defaultBrandId(rater),
      field: CANVAS_FIELD,
    });
    expect(
      (
        await rater.post('/api/feedback/ratings', {
          subject: 'task-result',
          callId: task.body.meta.callId,
          rating: 'up',
        })
      ).status,
    ).toBe(200);
    const service = createFeedbackService({
      database: testApp.database,
      throttle: createThrottle(testApp.database),
      proofOfWork: createProofOfWork({
        secret: 'not-used',
        cost: 1,
        maxCounter: 10,
        database: testApp.database,
      }),
      mailer: testApp.app.services.mailer,
      clock: systemClock,
      config: testApp.config,
      audit: { record: async () => {} },
    });
    const given = await service.usersWhoGaveFeedback([writerId, raterId, quietId]);
    expect([...given].sort()).toEqual([writerId, raterId].sort());
    expect((await service.usersWhoGaveFeedback([])).size).toBe(0);
  });

  it('keeps feedback and ratings with the account’s data: exported with it and purged with it', () => {
    const owned = ownedTables(schemaTables()).map((entry) => entry.table.name);
    expect(owned).toEqual(expect.arrayContaining(['feedback', 'feedback_replies', 'ai_ratings']));
  });
});
