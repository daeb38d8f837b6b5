/**
 * The coach's tools and proposals against a recording OpenAI-compatible server (ADR 0038): a search
 * whose passages are numbered after the context's and cited in the answer; a proposal that becomes a
 * card, is written only on Accept (a versioned save marked as from the coach, once however often it is
 * sent), conflicts when the field changed meanwhile, and is nobody else's business; arguments that do
 * not fit are rejected while the answer goes on; copy written through the Value Lens pipeline; a
 * bounded number of rounds; and a provider that refuses tools answered without them.
 */
import { afterAll, expect, it } from 'vitest';
import type { ChatMessage, ChatSession } from '../../../core/ai/chat-contracts.ts';
import type { AiUsage } from '../../../core/ai/contracts.ts';
import type { ChatProposal } from '../../../core/coach/proposals.ts';
import { MAX_TOOL_ROUNDS } from '../../../core/coach/tools.ts';
import type { Citation } from '../../../core/knowledge/contracts.ts';
import type { WorkspaceItem } from '../../../core/workspace/items.ts';
import { type SseEvent, sendChatTurn } from '../../testing/chat-stream.ts';
import { type FakeOpenAi, type FakeRequest, startFakeOpenAi } from '../../testing/fake-openai.ts';
import {
  defaultBrandId,
  describeOnEachDatabase,
  type ErrorBody,
  signUp,
  type TestApp,
  type TestClient,
} from '../../testing/harness.ts';

const FACT = 'We pour every lavender candle by hand in our Lisbon workshop.';
const VISION = 'Evenings without screens, lit by a candle that smells of the garden.';
const VALUE_PROPOSITION = 'Nice candles for your home.';
const SHARPER = 'Hand-poured lavender candles that turn a busy evening into a calm one.';

const fake: FakeOpenAi = await startFakeOpenAi({});
afterAll(async () => {
  await fake.close();
});

interface Done {
  messageId: string;
  text: string;
  citations: Citation[];
  proposals: ChatProposal[];
  provider: string;
}

function doneOf(events: SseEvent[]): Done {
  const done = events.at(-1);
  expect(done?.event, JSON.stringify(events.at(-1))).toBe('done');
  return done?.data as unknown as Done;
}

async function owner(client: TestClient, canvas: Record<string, unknown> = {}) {
  const { user } = await signUp(client);
  const brandId = await defaultBrandId(client);
  const saved = await client.request<{ item: WorkspaceItem }>('PUT', `/api/brands/${brandId}/items/canvas`, {
    json: {
      baseVersion: 0,
      data: { purpose: FACT, vision: VISION, valueProposition: VALUE_PROPOSITION, ...canvas },
      sources: {},
    },
  });
  expect(saved.status, saved.text).toBe(200);
  const session = await client.post<ChatSession>('/api/ai/chat/sessions', { brandId });
  expect(session.status).toBe(201);
  return { userId: user.id, brandId, sessionId: session.body.id };
}

async function canvasOf(client: TestClient, brandId: string): Promise<WorkspaceItem> {
  const response = await client.get<{ item: WorkspaceItem }>(`/api/brands/${brandId}/items/canvas`);
  expect(response.status).toBe(200);
  return response.body.item;
}

async function revisionsOf(client: TestClient, itemId: string) {
  const response = await client.get<{ revisions: { version: number; origin: string }[] }>(
    `/api/items/${itemId}/revisions`,
  );
  expect(response.status, response.text).toBe(200);
  return response.body.revisions;
}

/** The requests a turn made of the provider (chat completions only), oldest first. */
function requestsSince(count: number): FakeRequest[] {
  return fake.requests.slice(count);
}

/** The tool results a request sent back to the model, by tool call id. */
function toolResults(request: FakeRequest | undefined): Map<string, string> {
  return new Map(
    (request?.body.messages ?? [])
      .filter((message) => message.role === 'tool')
      .map((message) => [message.tool_call_id ?? '', message.content]),
  );
}

function toolCall(name: string, args: unknown): { name: string; arguments: string } {
  return { name, arguments: JSON.stringify(args) };
}

async function proposeValueProposition(client: TestClient, sessionId: string): Promise<Done> {
  fake.queue.push(
    {
      kind: 'tool-calls',
      calls: [
        toolCall('propose_edit', {
          target: { kind: 'canvas', field: 'valueProposition' },
          proposedText: SHARPER,
          reason: 'Says what the candle does for the evening, in your own words.',
        }),
      ],
    },
    { kind: 'stream', chunks: ['I have proposed a sharper value proposition for your canvas.'] },
  );
  const turn = await sendChatTurn(client, sessionId, 'Can you sharpen our value proposition?');
  return doneOf(turn.events);
}

function acceptPath(done: Done, proposal = done.proposals[0]) {
  return `/api/ai/chat/messages/${done.messageId}/proposals/${proposal?.id}/accept`;
}

async function chatRounds(testApp: TestApp, userId: string): Promise<number> {
  const [row] = await testApp.database.query<{ count: number }>(
    `select count(*)::int as count from ai_calls where user_id = $1 and task = 'chat' and provider = 'openai-compatible'`,
    [userId],
  );
  return row?.count ?? 0;
}

describeOnEachDatabase(
  'coach tools against an OpenAI-compatible server',
  (getApp) => {
    it('searches the brand’s knowledge: new passages are numbered after the context’s, and the answer cites them', async () => {
      const testApp = getApp();
      const client = testApp.client();
      const { userId, sessionId } = await owner(client);
      const before = fake.requests.length;
      fake.queue.push(
        {
          kind: 'tool-calls',
          calls: [toolCall('search_brand_knowledge', { query: 'lavender workshop Lisbon' })],
        },
        {
          kind: 'stream',
          chunks: ['Keep the evenings screen-free [1]. ', 'Say where you pour them [2]. ', 'Ship fast [7].'],
        },
      );
      const turn = await sendChatTurn(client, sessionId, 'How do we talk about evenings without screens?');
      const done = doneOf(turn.events);

      const [first, second] = requestsSince(before);
      // The first request offered the four tools, and its context already held the vision as [1].
      expect(first?.body.tools?.map((tool) => tool.function.name)).toEqual([
        'search_brand_knowledge',
        'read_diagnostic',
        'generate_copy',
        'propose_edit',
      ]);
      const prompt = first?.body.messages?.map((message) => message.content).join('\n') ?? '';
      expect(prompt).toMatch(/<passage id="1" source="Brand canvas · Vision">/);
      const contextPassages = /<passages>[\s\S]*?<\/passages>/.exec(prompt)?.[0] ?? '';
      expect(contextPassages).toContain(VISION);
      expect(contextPassages).not.toContain(FACT);
      // The search's result went back with the same call id, numbered after the context's passages.
      const result = JSON.parse(toolResults(second).get('call_1') ?? '{}') as { passages: string };
      expect(result.passages).toBe(
        `<passages>\n<passage id="2" source="Brand canvas · Purpose">\n${FACT}\n</passage>\n</passages>`,
      );

      expect(done.text).toBe('Keep the evenings screen-free [1]. Say where you pour them [2]. Ship fast.');
      expect(done.citations).toMatchObject([
        { n: 1, label: 'Brand canvas · Vision', href: '/app/canvas#field-vision' },
        { n: 2, label: 'Brand canvas · Purpose', quote: FACT, href: '/app/canvas#field-purpose' },
      ]);
      const stored = (
        await client.get<{ messages: ChatMessage[] }>(`/api/ai/chat/sessions/${sessionId}/messages`)
      ).body.messages.at(-1);
      expect(stored).toMatchObject({ id: done.messageId, content: done.text, citations: done.citations });
      // Each round is one charged call in the ledger, and each tool run is logged.
      expect(await chatRounds(testApp, userId)).toBe(2);
      expect(testApp.logs.some((line) => line.includes('"tool":"search_brand_knowledge"'))).toBe(true);
    });

    it('rejects tool calls whose arguments do not fit, and the answer goes on', async () => {
      const testApp = getApp();
      const client = testApp.client();
      const { userId, sessionId } = await owner(client);
      const other = testApp.client();
      await signUp(other);
      const foreignAvatar = await other.post<{ item: WorkspaceItem }>(
        `/api/brands/${await defaultBrandId(other)}/collections/avatar`,
        { data: { name: 'Not yours' }, sources: {} },
      );
      expect(foreignAvatar.status).toBe(201);
      const before = fake.requests.length;
      fake.queue.push(
        {
          kind: 'tool-calls',
          calls: [
            toolCall('propose_edit', {
              target: { kind: 'canvas', field: 'values' },
              proposedText: 'Honesty',
              reason: 'r',
            }),
            { name: 'search_brand_knowledge', arguments: 'not json' },
            toolCall('delete_everything', {}),
            toolCall('propose_edit', {
              target: { kind: 'avatar', itemId: foreignAvatar.body.item.id, field: 'name' },
              proposedText: 'Maya',
              reason: 'A better name.',
            }),
          ],
        },
        { kind: 'tool-calls', calls: [toolCall('read_diagnostic', {})] },
        { kind: 'stream', chunks: ['Take the diagnostic first, then we can talk values.'] },
      );
      const turn = await sendChatTurn(client, sessionId, 'Fix our values, please.');
      const done = doneOf(turn.events);
      expect(done.text).toBe('Take the diagnostic first, then we can talk values.');
      expect(done.proposals).toEqual([]);

      const [, second, third] = requestsSince(before);
      const results = toolResults(second);
      expect(results.get('call_1')).toMatch(/^Invalid arguments for propose_edit: target\.field/);
      expect(results.get('call_2')).toBe('The arguments for search_brand_knowledge were not valid JSON.');
      expect(results.get('call_3')).toMatch(/^There is no tool called "delete_everything"/);
      expect(results.get('call_4')).toBe('That avatar is not one of this brand’s avatars.');
      expect(JSON.parse(toolResults(third).get('call_1') ?? '{}')).toMatchObject({ diagnostic: null });
      expect(await chatRounds(testApp, userId)).toBe(3);
      const rejected = testApp.logs.filter(
        (line) => line.includes('"msg":"AI tool call"') && line.includes('"outcome":"rejected"'),
      );
      expect(rejected.length).toBeGreaterThanOrEqual(4);
      // The other owner's avatar was not touched.
      const untouched = await other.get<{ item: WorkspaceItem }>(`/api/items/${foreignAvatar.body.item.id}`);
      expect(untouched.body.item.data.name).toBe('Not yours');
    });

    it('turns propose_edit into a card; Accept saves it once as a coach version; Dismiss and strangers change nothing', async () => {
      const testApp = getApp();
      const client = testApp.client();
      const { brandId, sessionId } = await owner(client);
      const canvasBefore = await canvasOf(client, brandId);
      const done = await proposeValueProposition(client, sessionId);
      expect(done.proposals).toEqual([
        {
          id: expect.any(String),
          target: { kind: 'canvas', field: 'valueProposition' },
          label: 'Canvas: value proposition',
          currentText: VALUE_PROPOSITION,
          proposedText: SHARPER,
          reason: 'Says what the candle does for the evening, in your own words.',
          baseVersion: canvasBefore.version,
          status: 'pending',
          acceptedText: null,
          resolvedAt: null,
        },
      ]);
      // Proposing wrote nothing; the stored message carries the card.
      expect((await canvasOf(client, brandId)).version).toBe(canvasBefore.version);
      const messages = await client.get<{ messages: ChatMessage[] }>(
        `/api/ai/chat/sessions/${sessionId}/messages`,
      );
      expect(messages.body.messages.at(-1)?.proposals).toEqual(done.proposals);

      // Someone else cannot see, accept or dismiss it; a proposal under another message is not found.
      const stranger = testApp.client();
      await signUp(stranger);
      expect((await stranger.post<ErrorBody>(acceptPath(done))).status).toBe(404);
      expect(
        (
          await stranger.post(
            `/api/ai/chat/messages/${done.messageId}/proposals/${done.proposals[0]?.id}/dismiss`,
          )
        ).status,
      ).toBe(404);
      const userMessage = messages.body.messages.at(-2);
      expect(
        (
          await client.post(
            `/api/ai/chat/messages/${userMessage?.id}/proposals/${done.proposals[0]?.id}/accept`,
          )
        ).status,
      ).toBe(404);
      const badId = await client.post<ErrorBody>(
        `/api/ai/chat/messages/${done.messageId}/proposals/nope/accept`,
      );
      expect(badId.status).toBe(400);
      const badBody = await client.post<ErrorBody>(acceptPath(done), { text: '', extra: 1 });
      expect(badBody.status).toBe(400);
      expect(badBody.body.error.code).toBe('VALIDATION_FAILED');

      const accepted = await client.post<{ proposal: ChatProposal }>(acceptPath(done));
      expect(accepted.status, accepted.text).toBe(200);
      expect(accepted.body.proposal).toMatchObject({ status: 'accepted', acceptedText: SHARPER });
      const canvas = await canvasOf(client, brandId);
      expect(canvas.data.valueProposition).toBe(SHARPER);
      expect(canvas.data.purpose).toBe(FACT);
      expect(canvas.sources.valueProposition).toBe('ai');
      expect(canvas.version).toBe(canvasBefore.version + 1);
      const revisions = await revisionsOf(client, canvas.id ?? '');
      expect(revisions[0]).toMatchObject({ version: canvas.version, origin: 'coach' });

      // Accepting again answers the same and saves nothing more; dismissing an accepted one is a 409.
      const again = await client.post<{ proposal: ChatProposal }>(acceptPath(done), {
        text: 'Something else',
      });
      expect(again.status).toBe(200);
      expect(again.body.proposal).toEqual(accepted.body.proposal);
      expect((await canvasOf(client, brandId)).version).toBe(canvas.version);
      const dismissAccepted = await client.post<ErrorBody>(
        `/api/ai/chat/messages/${done.messageId}/proposals/${done.proposals[0]?.id}/dismiss`,
      );
      expect(dismissAccepted.status).toBe(409);

      // The coach cannot propose what the field already says: no card.
      const next = await proposeValueProposition(client, sessionId);
      expect(next.proposals).toEqual([]);
    });

    it('saves the owner’s edit, and answers 409 without writing when the field changed meanwhile', async () => {
      const client = getApp().client();
      const { brandId, sessionId } = await owner(client);
      const done = await proposeValueProposition(client, sessionId);

      // The owner changes the field after the coach read it.
      const canvas = await canvasOf(client, brandId);
      const changed = await client.request<{ item: WorkspaceItem }>(
        'PUT',
        `/api/brands/${brandId}/items/canvas`,
        {
          json: {
            baseVersion: canvas.version,
            data: { ...canvas.data, valueProposition: 'Candles, calmly.' },
            sources: {},
          },
        },
      );
      expect(changed.status).toBe(200);
      const conflict = await client.post<ErrorBody & { error: { current: unknown } }>(acceptPath(done));
      expect(conflict.status).toBe(409);
      expect(conflict.body.error.code).toBe('CONFLICT');
      expect(conflict.body.error.current).toEqual({
        currentText: 'Candles, calmly.',
        version: changed.body.item.version,
      });
      expect((await canvasOf(client, brandId)).data.valueProposition).toBe('Candles, calmly.');
      expect((await canvasOf(client, brandId)).version).toBe(changed.body.item.version);

      // Having seen the newer text, the owner edits the proposal and replaces it knowingly.
      const edited = 'Hand-poured lavender candles for calm evenings.';
      const replaced = await client.post<{ proposal: ChatProposal }>(acceptPath(done), {
        text: edited,
        currentText: 'Candles, calmly.',
      });
      expect(replaced.status, replaced.text).toBe(200);
      expect(replaced.body.proposal).toMatchObject({ status: 'accepted', acceptedText: edited });
      const after = await canvasOf(client, brandId);
      expect(after.data.valueProposition).toBe(edited);
      expect(after.sources.valueProposition).toBe('ai');
    });

    it('records a dismissal, after which the card cannot be accepted', async () => {
      const client = getApp().client();
      const { brandId, sessionId } = await owner(client, { valueProposition: 'Candles.' });
      const done = await proposeValueProposition(client, sessionId);
      const dismissPath = `/api/ai/chat/messages/${done.messageId}/proposals/${done.proposals[0]?.id}/dismiss`;
      const dismissed = await client.post<{ proposal: ChatProposal }>(dismissPath);
      expect(dismissed.status).toBe(200);
      expect(dismissed.body.proposal).toMatchObject({ status: 'dismissed', acceptedText: null });
      expect(dismissed.body.proposal.resolvedAt).not.toBeNull();
      expect((await client.post<{ proposal: ChatProposal }>(dismissPath)).body.proposal).toEqual(
        dismissed.body.proposal,
      );
      expect((await client.post(acceptPath(done))).status).toBe(409);
      expect((await canvasOf(client, brandId)).data.valueProposition).toBe('Candles.');
    });

    it('proposes worksheet answers and avatar fields of this brand, and accepting writes the right field', async () => {
      const client = getApp().client();
      const { brandId, sessionId } = await owner(client);
      const avatar = await client.post<{ item: WorkspaceItem }>(`/api/brands/${brandId}/collections/avatar`, {
        data: { name: 'Sam', demographics: { occupation: 'nurse' } },
        sources: {},
      });
      expect(avatar.status).toBe(201);
      fake.queue.push(
        {
          kind: 'tool-calls',
          calls: [
            toolCall('propose_edit', {
              target: { kind: 'worksheet', field: 'authentic.story.origin' },
              proposedText: 'It started with one candle for a friend on night shifts.',
              reason: 'Your story has no beginning yet.',
            }),
            toolCall('propose_edit', {
              target: { kind: 'avatar', itemId: avatar.body.item.id, field: 'demographics.occupation' },
              proposedText: 'night-shift nurse',
              reason: 'Your reviews talk about night shifts.',
            }),
          ],
        },
        { kind: 'stream', chunks: ['Two proposals: your story and Sam.'] },
      );
      const done = doneOf((await sendChatTurn(client, sessionId, 'Help with our story and Sam')).events);
      expect(
        done.proposals.map((proposal) => [proposal.label, proposal.currentText, proposal.baseVersion]),
      ).toEqual([
        ['Authentic worksheet: how it started', '', 0],
        ['Avatar Sam: occupation', 'nurse', avatar.body.item.version],
      ]);
      for (const proposal of done.proposals) {
        const response = await client.post(acceptPath(done, proposal));
        expect(response.status, response.text).toBe(200);
      }
      const authentic = await client.get<{ item: WorkspaceItem }>(`/api/brands/${brandId}/items/authentic`);
      expect(authentic.body.item.data.story).toMatchObject({
        origin: 'It started with one candle for a friend on night shifts.',
      });
      expect(authentic.body.item.sources['story.origin']).toBe('ai');
      expect((await revisionsOf(client, authentic.body.item.id ?? ''))[0]?.origin).toBe('create');
      const sam = await client.get<{ item: WorkspaceItem }>(`/api/items/${avatar.body.item.id}`);
      expect(sam.body.item.data).toMatchObject({
        name: 'Sam',
        demographics: { occupation: 'night-shift nurse' },
      });
      expect((await revisionsOf(client, avatar.body.item.id ?? ''))[0]?.origin).toBe('coach');
    });

    it('writes copy through the Value Lens pipeline: counted, charged and kept in its history', async () => {
      const testApp = getApp();
      const client = testApp.client();
      const { brandId, sessionId } = await owner(client);
      const usedBefore = (await client.get<AiUsage>('/api/ai/usage')).body.used;
      const before = fake.requests.length;
      fake.queue.push(
        {
          kind: 'tool-calls',
          calls: [
            toolCall('generate_copy', {
              format: 'ad-headline',
              product: 'Lavender candle',
              features: ['Hand-poured in Lisbon'],
            }),
          ],
        },
        {
          kind: 'answer',
          content: { format: 'ad-headline', variants: ['Calm evenings, poured by hand'], notes: [] },
        },
        { kind: 'stream', chunks: ['Try: “Calm evenings, poured by hand”.'] },
      );
      const done = doneOf((await sendChatTurn(client, sessionId, 'Write an ad headline')).events);
      expect(done.text).toBe('Try: “Calm evenings, poured by hand”.');
      const [, copyRequest, final] = requestsSince(before);
      expect(copyRequest?.body.stream).toBeFalsy();
      expect(JSON.parse(toolResults(final).get('call_1') ?? '{}')).toMatchObject({
        format: 'ad-headline',
        variants: ['Calm evenings, poured by hand'],
        usedCanvas: true,
      });
      expect((await client.get<AiUsage>('/api/ai/usage')).body.used).toBe(usedBefore + 2);
      const history = await client.get<{ generations: { variants: string[] }[] }>(
        `/api/brands/${brandId}/value-lens`,
      );
      expect(history.status, history.text).toBe(200);
      expect(history.body.generations[0]?.variants).toEqual(['Calm evenings, poured by hand']);
      const [ledger] = await testApp.database.query<{ count: number }>(
        `select count(*)::int as count from ai_calls c join users u on u.id = c.user_id
         where c.task = 'value-lens-copy' and c.provider = 'openai-compatible' and u.id = (
           select user_id from chat_sessions where id = $1)`,
        [sessionId],
      );
      expect(ledger?.count).toBe(1);
    });

    it(`stops offering tools after ${MAX_TOOL_ROUNDS} rounds, so the model must answer`, async () => {
      const testApp = getApp();
      const client = testApp.client();
      const { userId, sessionId } = await owner(client);
      const before = fake.requests.length;
      for (let round = 0; round < MAX_TOOL_ROUNDS; round += 1) {
        fake.queue.push({ kind: 'tool-calls', calls: [toolCall('read_diagnostic', {})] });
      }
      fake.queue.push({ kind: 'stream', chunks: ['Here is my answer.'] });
      const done = doneOf((await sendChatTurn(client, sessionId, 'What now?')).events);
      expect(done.text).toBe('Here is my answer.');
      const requests = requestsSince(before);
      expect(requests.map((request) => (request.body as { tool_choice?: string }).tool_choice)).toEqual([
        ...Array.from({ length: MAX_TOOL_ROUNDS }, () => 'auto'),
        'none',
      ]);
      expect(await chatRounds(testApp, userId)).toBe(MAX_TOOL_ROUNDS + 1);
    });
  },
  {
    env: {
      AI_BASE_URL: fake.baseUrl,
      AI_API_KEY: 'test-key',
      AI_MODEL: 'test-model',
      AI_PRICES: JSON.stringify({ 'test-model': { inputPerMTok: 0.5, outputPerMTok: 1.5 } }),
    },
  },
);

describeOnEachDatabase(
  'coach tools with a provider that refuses them',
  (getApp) => {
    it('asks again without tools after a 400, and offers none from then on', async () => {
      const client = getApp().client();
      const { sessionId } = await owner(client);
      const before = fake.requests.length;
      fake.queue.push(
        {
          kind: 'status',
          status: 400,
          body: JSON.stringify({ error: { message: 'tools are not supported' } }),
        },
        { kind: 'stream', chunks: ['A plain answer.'] },
        { kind: 'stream', chunks: ['Another plain answer.'] },
      );
      expect(doneOf((await sendChatTurn(client, sessionId, 'Hello?')).events).text).toBe('A plain answer.');
      expect(doneOf((await sendChatTurn(client, sessionId, 'And now?')).events).text).toBe(
        'Another plain answer.',
      );
      expect(requestsSince(before).map((request) => Boolean(request.body.tools))).toEqual([
        true,
        false,
        false,
      ]);
    });
  },
  {
    env: {
      AI_BASE_URL: fake.baseUrl,
      AI_API_KEY: 'test-key',
      AI_MODEL: 'test-model',
      AI_PRICES: JSON.stringify({ 'test-model': { inputPerMTok: 0.5, outputPerMTok: 1.5 } }),
    },
  },
);

describeOnEachDatabase(
  'coach tools switched off',
  (getApp) => {
    it('sends no tools when AI_TOOLS is false', async () => {
      const client = getApp().client();
      const { sessionId } = await owner(client);
      const before = fake.requests.length;
      fake.queue.push({ kind: 'stream', chunks: ['No tools here.'] });
      expect(doneOf((await sendChatTurn(client, sessionId, 'Hi')).events).text).toBe('No tools here.');
      expect(requestsSince(before).map((request) => Boolean(request.body.tools))).toEqual([false]);
    });
  },
  {
    env: {
      AI_BASE_URL: fake.baseUrl,
      AI_API_KEY: 'test-key',
      AI_MODEL: 'test-model',
      AI_PRICES: JSON.stringify({ 'test-model': { inputPerMTok: 0.5, outputPerMTok: 1.5 } }),
      AI_TOOLS: 'false',
    },
  },
);

describeOnEachDatabase('offline coach proposals', (getApp) => {
  it('offers a value-proposition request’s options as cards for the canvas field, and Accept saves one', async () => {
    const client = getApp().client();
    // No value proposition yet: the coach drafts one from the positioning and the avatar.
    const { brandId, sessionId } = await owner(client, {
      valueProposition: '',
      positioning:
        'For night-shift nurses who want calm evenings, we are the candle poured by hand in Lisbon.',
    });
    const avatar = await client.post(`/api/brands/${brandId}/collections/avatar`, {
      data: {
        name: 'Sam',
        demographics: { occupation: 'nurse' },
        psychology: {
          values: [],
          fears: ['Restless nights'],
          desires: ['Calm evenings'],
          triggers: ['relief'],
        },
      },
      sources: {},
    });
    expect(avatar.status).toBe(201);
    const canvas = await canvasOf(client, brandId);
    const done = doneOf(
      (await sendChatTurn(client, sessionId, 'Write three value proposition options')).events,
    );
    expect(done.provider).toBe('offline');
    expect(done.proposals.length).toBeGreaterThan(0);
    for (const proposal of done.proposals) {
      expect(proposal).toMatchObject({
        target: { kind: 'canvas', field: 'valueProposition' },
        label: 'Canvas: value proposition',
        currentText: '',
        baseVersion: canvas.version,
        status: 'pending',
      });
      expect(done.text).toContain(proposal.proposedText);
    }
    const [first] = done.proposals;
    const accepted = await client.post<{ proposal: ChatProposal }>(acceptPath(done, first));
    expect(accepted.status, accepted.text).toBe(200);
    const after = await canvasOf(client, brandId);
    expect(after.data.valueProposition).toBe(first?.proposedText);
    expect(after.sources.valueProposition).toBe('ai');
    expect((await revisionsOf(client, after.id ?? ''))[0]?.origin).toBe('coach');
  });

  it('offers taglines for the canvas tagline, and Accept saves the one chosen there alone', async () => {
    const client = getApp().client();
    const { brandId, sessionId } = await owner(client);
    const before = await canvasOf(client, brandId);
    const done = doneOf((await sendChatTurn(client, sessionId, 'Write three tagline options')).events);
    expect(done.proposals.length).toBeGreaterThan(1);
    for (const proposal of done.proposals) {
      expect(proposal).toMatchObject({
        target: { kind: 'canvas', field: 'tagline' },
        label: 'Canvas: tagline',
        status: 'pending',
      });
      expect(done.text).toContain(proposal.proposedText);
    }
    const second = done.proposals[1];
    const accepted = await client.post<{ proposal: ChatProposal }>(acceptPath(done, second));
    expect(accepted.status, accepted.text).toBe(200);
    const after = await canvasOf(client, brandId);
    expect(after.data.tagline).toBe(second?.proposedText);
    expect({ ...after.data, tagline: '' }).toEqual({ ...before.data, tagline: '' });
  });

  it('makes no card for copy that has no field of its own', async () => {
    const client = getApp().client();
    const { sessionId } = await owner(client);
    const done = doneOf((await sendChatTurn(client, sessionId, 'Write three headline options')).events);
    expect(done.proposals).toEqual([]);
  });
});
