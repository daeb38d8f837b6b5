import { afterAll, expect, it } from 'vitest';
import type { ChatMessage, ChatSession, ChatSessionList } from '../../../core/ai/chat-contracts.ts';
import type { AiUsage } from '../../../core/ai/contracts.ts';
import { sendChatTurn } from '../../testing/chat-stream.ts';
import { startFakeOpenAi } from '../../testing/fake-openai.ts';
import {
  defaultBrandId,
  describeOnEachDatabase,
  type ErrorBody,
  signUp,
  type TestApp,
  type TestClient,
} from '../../testing/harness.ts';
import { pollUntil } from '../../testing/poll.ts';

async function newSession(client: TestClient, title?: string) {
  const brandId = await defaultBrandId(client);
  const response = await client.post<ChatSession>(
    '/api/ai/chat/sessions',
    title ? { title, brandId } : { brandId },
  );
  expect(response.status).toBe(201);
  return response.body;
}

async function messagesOf(client: TestClient, sessionId: string) {
  const response = await client.get<{ messages: ChatMessage[] }>(
    `/api/ai/chat/sessions/${sessionId}/messages`,
  );
  expect(response.status).toBe(200);
  return response.body.messages;
}

async function used(client: TestClient) {
  return (await client.get<AiUsage>('/api/ai/usage')).body.used;
}

async function callOutcomes(testApp: TestApp, userId: string) {
  const rows = await testApp.database.query<{ outcome: string }>(
    `select outcome from ai_calls where user_id = $1 and task = 'chat' order by created_at`,
    [userId],
  );
  return rows.map((row) => row.outcome);
}

describeOnEachDatabase(
  'AI chat (offline coach)',
  (getApp) => {
    it('creates, lists newest first, searches by title and content, renames and soft-deletes sessions', async () => {
      const client = getApp().client();
      await signUp(client);
      const first = await newSession(client, 'Packaging ideas');
      const second = await newSession(client);
      expect(second.title).toBe('New conversation');
      const turn = await sendChatTurn(
        client,
        second.id,
        'How do I find what makes us different from rivals?',
      );
      expect(turn.status).toBe(200);

      const all = await client.get<ChatSessionList>('/api/ai/chat/sessions');
      expect(all.body.sessions.map((session) => session.id)).toEqual([second.id, first.id]);
      // The first message named the untitled conversation.
      expect(all.body.sessions[0]?.title).toMatch(/^How do I find what makes us different/);

      const byTitle = await client.get<ChatSessionList>('/api/ai/chat/sessions?q=packaging');
      expect(byTitle.body.sessions.map((session) => session.id)).toEqual([first.id]);
      const byContent = await client.get<ChatSessionList>('/api/ai/chat/sessions?q=RIVALS');
      expect(byContent.body.sessions.map((session) => session.id)).toEqual([second.id]);
      const wildcard = await client.get<ChatSessionList>('/api/ai/chat/sessions?q=%25');
      expect(wildcard.body.sessions).toEqual([]);

      const renamed = await client.request<ChatSession>('PATCH', `/api/ai/chat/sessions/${first.id}`, {
        json: { title: '  Labels and boxes ' },
      });
      expect(renamed.status).toBe(200);
      expect(renamed.body.title).toBe('Labels and boxes');
      const emptyTitle = await client.request<ErrorBody>('PATCH', `/api/ai/chat/sessions/${first.id}`, {
        json: { title: ' ' },
      });
      expect(emptyTitle.status).toBe(400);

      const deleted = await client.request('DELETE', `/api/ai/chat/sessions/${first.id}`);
      expect(deleted.status).toBe(204);
      const after = await client.get<ChatSessionList>('/api/ai/chat/sessions');
      expect(after.body.sessions.map((session) => session.id)).toEqual([second.id]);
      expect((await client.get<ErrorBody>(`/api/ai/chat/sessions/${first.id}/messages`)).status).toBe(404);
      const [row] = await getApp().database.query<{ deleted: boolean }>(
        'select deleted_at is not null as deleted from chat_sessions where id = $1',
        [first.id],
      );
      expect(row?.deleted).toBe(true);
    });

    it('streams the offline coach’s answer in chunks and stores both turns with the prompt version', async () => {
      const client = getApp().client();
      await signUp(client);
      const session = await newSession(client);
      const turn = await sendChatTurn(client, session.id, 'How can my brand be more distinctive?');
      expect(turn.status).toBe(200);
      expect(turn.headers.get('x-request-id')).toBeTruthy();
      expect(turn.headers.get('x-content-type-options')).toBe('nosniff');
      expect(turn.headers.get('ratelimit-remaining')).toBeTruthy();
      const deltas = turn.events.filter((event) => event.event === 'delta');
      expect(deltas.length).toBeGreaterThan(2);
      const done = turn.events.at(-1);
      expect(done?.event).toBe('done');
      expect(done?.data).toMatchObject({ provider: 'offline' });
      expect(done?.data.followUps).toEqual(expect.arrayContaining([expect.any(String)]));

      const stored = await messagesOf(client, session.id);
      expect(stored.map((message) => message.role)).toEqual(['user', 'assistant']);
      expect(stored[1]?.id).toBe(done?.data.messageId);
      expect(stored[1]?.content).toBe(deltas.map((event) => event.data.text).join(''));
      expect(stored[1]?.content).toContain('Distinctive');
      expect(stored[1]?.promptVersion).toBe(1);
      expect(await used(client)).toBe(1);
    });

    it('answers 400 in the envelope for empty and oversized messages, and 404 for another user’s session', async () => {
      const owner = getApp().client();
      await signUp(owner);
      const session = await newSession(owner);
      for (const content of ['', '   ', 'x'.repeat(4001)]) {
        const response = await owner.post<ErrorBody>(`/api/ai/chat/sessions/${session.id}/messages`, {
          content,
        });
        expect(response.status).toBe(400);
        expect(response.body.error.code).toBe('VALIDATION_FAILED');
      }
      const stranger = getApp().client();
      await signUp(stranger);
      const paths = [`/api/ai/chat/sessions/${session.id}/messages`];
      for (const path of paths) {
        const read = await stranger.get<ErrorBody>(path);
        expect(read.status).toBe(404);
        expect(read.body.error.code).toBe('NOT_FOUND');
        const write = await stranger.post<ErrorBody>(path, { content: 'hello' });
        expect(write.status).toBe(404);
        expect(write.body.error.requestId).toBe(write.headers.get('x-request-id'));
      }
      const rename = await stranger.request('PATCH', `/api/ai/chat/sessions/${session.id}`, {
        json: { title: 'x' },
      });
      expect(rename.status).toBe(404);
      expect((await stranger.request('DELETE', `/api/ai/chat/sessions/${session.id}`)).status).toBe(404);
      expect(await used(stranger)).toBe(0);
      expect(await used(owner)).toBe(0);
      expect(await messagesOf(owner, session.id)).toEqual([]);
    });

    it('stores nothing for the answer and refunds the quota when the client stops mid-stream', async () => {
      const testApp = getApp();
      const client = testApp.client();
      const { user } = await signUp(client);
      const session = await newSession(client);
      const turn = await sendChatTurn(client, session.id, 'Tell me about empathy and my customers', {
        stopAfterDeltas: 1,
      });
      expect(turn.events.some((event) => event.event === 'done')).toBe(false);
      await pollUntil(
        () => used(client),
        (count) => count === 0,
        { description: 'the quota refunded' },
      );
      const stored = await messagesOf(client, session.id);
      expect(stored.map((message) => message.role)).toEqual(['user']);
      expect(await callOutcomes(testApp, user.id)).toEqual([]);

      // Asking the same question again answers it without storing the question a second time.
      const again = await sendChatTurn(client, session.id, 'Tell me about empathy and my customers');
      expect(again.events.at(-1)?.event).toBe('done');
      const afterRetry = await messagesOf(client, session.id);
      expect(afterRetry.map((message) => message.role)).toEqual(['user', 'assistant']);
      expect(afterRetry[0]?.id).toBe(stored[0]?.id);
      // The same words after an answered turn are a new question.
      await sendChatTurn(client, session.id, 'Tell me about empathy and my customers');
      expect((await messagesOf(client, session.id)).map((message) => message.role)).toEqual([
        'user',
        'assistant',
        'user',
        'assistant',
      ]);
    });

    it('answers 429 in the envelope, before any streaming and without storing the turn, once the quota is used', async () => {
      const client = getApp().client();
      await signUp(client);
      const session = await newSession(client);
      for (const content of ['What is insight?', 'What is empathy?']) {
        expect((await sendChatTurn(client, session.id, content)).events.at(-1)?.event).toBe('done');
      }
      const over = await client.post<ErrorBody>(`/api/ai/chat/sessions/${session.id}/messages`, {
        content: 'One more?',
      });
      expect(over.status).toBe(429);
      expect(over.body.error.code).toBe('QUOTA_EXCEEDED');
      expect(over.headers.get('retry-after')).toBeTruthy();
      expect((await messagesOf(client, session.id)).length).toBe(4);
    });
  },
  { env: { AI_DAILY_QUOTA: '2' } },
);

const fake = await startFakeOpenAi({ reply: 'unused', followUps: [] });
afterAll(async () => {
  await fake.close();
});

describeOnEachDatabase(
  'AI chat against an OpenAI-compatible server (SSE)',
  (getApp) => {
    it('streams the provider’s deltas and stores the complete answer', async () => {
      fake.queue.length = 0;
      const testApp = getApp();
      const client = testApp.client();
      const { user } = await signUp(client);
      const session = await newSession(client);
      fake.queue.push({ kind: 'stream', chunks: ['Start ', 'with **your ', 'difference**.'], delayMs: 5 });
      const before = fake.requests.length;
      const turn = await sendChatTurn(client, session.id, 'What should I do first?');
      expect(fake.requests.length).toBe(before + 1);
      expect(fake.requests.at(-1)?.body.stream).toBe(true);
      expect(turn.events.filter((event) => event.event === 'delta').map((event) => event.data.text)).toEqual([
        'Start ',
        'with **your ',
        'difference**.',
      ]);
      expect(turn.events.at(-1)).toMatchObject({ event: 'done', data: { provider: 'openai-compatible' } });
      const stored = await messagesOf(client, session.id);
      expect(stored[1]?.content).toBe('Start with **your difference**.');
      expect(stored[1]?.provider).toBe('openai-compatible');
      expect(await callOutcomes(testApp, user.id)).toEqual(['ok']);
      expect(await used(client)).toBe(1);

      // The next turn carries the conversation so far to the provider.
      await sendChatTurn(client, session.id, 'And after that?');
      const prompt =
        fake.requests
          .at(-1)
          ?.body.messages?.map((message) => message.content)
          .join('\n') ?? '';
      expect(prompt).toContain('Start with **your difference**.');
      expect(prompt).toContain('And after that?');
    });

    it('turns a cut stream into an error event, stores no assistant message and refunds the quota', async () => {
      fake.queue.length = 0;
      const testApp = getApp();
      const client = testApp.client();
      const { user } = await signUp(client);
      const session = await newSession(client);
      fake.queue.push({ kind: 'stream', chunks: ['Half an ', 'answer'], cut: true });
      const turn = await sendChatTurn(client, session.id, 'Give me a plan');
      expect(turn.status).toBe(200);
      expect(turn.events.filter((event) => event.event === 'delta').length).toBeGreaterThan(0);
      expect(turn.events.at(-1)).toMatchObject({ event: 'error', data: { code: 'AI_STREAM_FAILED' } });
      expect(turn.events.some((event) => event.event === 'done')).toBe(false);
      expect((await messagesOf(client, session.id)).map((message) => message.role)).toEqual(['user']);
      expect(await used(client)).toBe(0);
      expect(await callOutcomes(testApp, user.id)).toEqual(['error']);
      const [spend] = await testApp.database.query<{ reserved: string }>(
        `select reserved_micros::text as reserved from ai_spend where user_id = $1`,
        [user.id],
      );
      expect(spend?.reserved).toBe('0');
    });

    it('aborts the provider call when the client stops, storing nothing and refunding the quota', async () => {
      fake.queue.length = 0;
      const testApp = getApp();
      const client = testApp.client();
      const { user } = await signUp(client);
      const session = await newSession(client);
      fake.queue.push({
        kind: 'stream',
        chunks: Array.from({ length: 40 }, (_, index) => `part ${index} `),
        delayMs: 25,
      });
      await sendChatTurn(client, session.id, 'Write me a long answer', { stopAfterDeltas: 2 });
      await pollUntil(
        () => callOutcomes(testApp, user.id),
        (outcomes) => outcomes.length === 1,
        { description: 'the aborted call in the ledger' },
      );
      expect(await callOutcomes(testApp, user.id)).toEqual(['aborted']);
      expect(await used(client)).toBe(0);
      expect((await messagesOf(client, session.id)).map((message) => message.role)).toEqual(['user']);
    });

    it('falls back to the offline coach, with a notice, when the provider is down before streaming', async () => {
      fake.queue.length = 0;
      const client = getApp().client();
      await signUp(client);
      const session = await newSession(client);
      for (let attempt = 0; attempt < 3; attempt += 1) fake.queue.push({ kind: 'status', status: 500 });
      const turn = await sendChatTurn(client, session.id, 'How do I build trust?');
      expect(turn.events.at(-1)).toMatchObject({
        event: 'done',
        data: { provider: 'offline', notice: { code: 'provider-unavailable' } },
      });
      const stored = await messagesOf(client, session.id);
      expect(stored[1]?.notice?.code).toBe('provider-unavailable');
      expect(await used(client)).toBe(1);
    });
  },
  {
    env: {
      AI_BASE_URL: fake.baseUrl,
      AI_API_KEY: 'test-key',
      AI_MODEL: 'test-model',
      AI_TIMEOUT_MS: '1000',
      AI_RETRY_BASE_MS: '10',
      AI_RETRY_MAX_MS: '200',
      AI_BREAKER_THRESHOLD: '50',
      AI_BREAKER_COOLDOWN_MS: '400',
      AI_PRICES: JSON.stringify({ 'test-model': { inputPerMTok: 0.5, outputPerMTok: 1.5 } }),
    },
  },
);
