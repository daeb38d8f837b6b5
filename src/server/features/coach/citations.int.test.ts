/**
 * Citations everywhere the coach answers from the brand's data: the passages retrieved for the
 * question reach the provider as numbered, delimited data within the task's budget; an answer keeps
 * only the citations of passages it was given (a made-up number is removed and logged, never with the
 * answer's text); chat's `done` event and stored messages carry the citations; the offline coach
 * quotes the brand's own words verbatim with a citation that opens their place; and another brand's
 * passages are never retrieved. Seeded through the public API: workspace saves index themselves.
 */
import { afterAll, expect, it } from 'vitest';
import type { ChatMessage, ChatSession } from '../../../core/ai/chat-contracts.ts';
import { estimateTokens } from '../../../core/ai/context.ts';
import type { AiTaskResponse } from '../../../core/ai/contracts.ts';
import type { Citation, KnowledgeHit } from '../../../core/knowledge/contracts.ts';
import { PASSAGE_BUDGET_SHARE, PASSAGES_RETRIEVED } from '../../ai/knowledge-context.ts';
import { TASKS } from '../../ai/tasks.ts';
import { sendChatTurn } from '../../testing/chat-stream.ts';
import { type FakeOpenAi, startFakeOpenAi } from '../../testing/fake-openai.ts';
import { defaultBrandId, describeOnEachDatabase, signUp, type TestClient } from '../../testing/harness.ts';

/** The fact the coach should find, and the question whose answer it is. */
const FACT = 'We pour every lavender candle by hand in our Lisbon workshop.';
const QUESTION = 'Where do we pour the lavender candles by hand?';
/** The user's other brand says something close, with a word of its own: it must never show up. */
const OTHER_BRAND_TEXT = 'Our birch soap is poured by hand in a Lisbon workshop, never a lavender candle.';

async function saveCanvas(client: TestClient, brandId: string, data: Record<string, unknown>) {
  const response = await client.request('PUT', `/api/brands/${brandId}/items/canvas`, {
    json: { baseVersion: 0, data, sources: {} },
  });
  expect(response.status, response.text).toBe(200);
}

/** A signed-up owner with two brands: the first holds FACT, the second OTHER_BRAND_TEXT. */
async function ownerWithTwoBrands(client: TestClient, firstCanvas: Record<string, unknown> = {}) {
  await signUp(client);
  const brandId = await defaultBrandId(client);
  await saveCanvas(client, brandId, { purpose: FACT, ...firstCanvas });
  const other = await client.post<{ brand: { id: string } }>('/api/brands', { name: 'Birch Soap' });
  expect(other.status).toBe(201);
  await saveCanvas(client, other.body.brand.id, { purpose: OTHER_BRAND_TEXT });
  return { brandId, otherBrandId: other.body.brand.id };
}

async function newSession(client: TestClient, brandId: string): Promise<ChatSession> {
  const response = await client.post<ChatSession>('/api/ai/chat/sessions', { brandId });
  expect(response.status).toBe(201);
  return response.body;
}

async function messagesOf(client: TestClient, sessionId: string): Promise<ChatMessage[]> {
  const response = await client.get<{ messages: ChatMessage[] }>(
    `/api/ai/chat/sessions/${sessionId}/messages`,
  );
  expect(response.status).toBe(200);
  return response.body.messages;
}

/** The search box's hit for the same passage: what a citation must point to. */
async function searchHit(
  client: TestClient,
  brandId: string,
  query: string,
): Promise<KnowledgeHit | undefined> {
  const response = await client.get<{ hits: KnowledgeHit[] }>(
    `/api/brands/${brandId}/knowledge/search?q=${encodeURIComponent(query)}`,
  );
  expect(response.status, response.text).toBe(200);
  return response.body.hits[0];
}

function doneOf(events: { event: string; data: Record<string, unknown> }[]) {
  const done = events.at(-1);
  expect(done?.event, JSON.stringify(events.at(-1))).toBe('done');
  return done?.data as { text: string; citations: Citation[]; messageId: string };
}

describeOnEachDatabase('coach citations (offline coach)', (getApp) => {
  it('quotes the brand’s own words verbatim in chat, with a citation that opens them, and never another brand’s', async () => {
    const client = getApp().client();
    const { brandId, otherBrandId } = await ownerWithTwoBrands(client);
    const session = await newSession(client, brandId);

    const turn = await sendChatTurn(client, session.id, QUESTION);
    const done = doneOf(turn.events);
    expect(done.text).toContain(`From what you wrote: “${FACT}” [1]`);
    const hit = await searchHit(client, brandId, 'lavender workshop');
    expect(hit?.label).toBe('Brand canvas · Purpose');
    expect(done.citations).toEqual([
      {
        n: 1,
        id: hit?.id,
        sourceType: 'canvas',
        label: 'Brand canvas · Purpose',
        quote: FACT,
        href: '/app/canvas#field-purpose',
      },
    ]);
    expect(hit?.href).toBe(done.citations[0]?.href);
    expect(JSON.stringify(turn.events)).not.toContain('birch');

    // The stored answer is the one the done event described, with its citations.
    const stored = (await messagesOf(client, session.id)).at(-1);
    expect(stored).toMatchObject({ id: done.messageId, role: 'assistant', content: done.text });
    expect(stored?.citations).toEqual(done.citations);

    // The other brand's conversation quotes the other brand.
    const otherTurn = await sendChatTurn(client, (await newSession(client, otherBrandId)).id, QUESTION);
    const otherDone = doneOf(otherTurn.events);
    expect(otherDone.citations.map((citation) => citation.quote)).toEqual([OTHER_BRAND_TEXT]);
    expect(JSON.stringify(otherTurn.events)).not.toContain(FACT);
  });

  it('adds a quoted line with its citation to field help, and cites nothing when nothing matches', async () => {
    const client = getApp().client();
    const { brandId } = await ownerWithTwoBrands(client);
    const help = await client.post<AiTaskResponse>('/api/ai/contextual-help', {
      brandId,
      area: 'authentic-module',
      question: QUESTION,
    });
    expect(help.status, help.text).toBe(200);
    expect(help.body.output.answer).toContain(`From what you wrote: “${FACT}” [1]`);
    expect(help.body.meta.citations).toMatchObject([
      { n: 1, quote: FACT, href: '/app/canvas#field-purpose' },
    ]);

    const unrelated = await client.post<AiTaskResponse>('/api/ai/contextual-help', {
      brandId,
      area: 'authentic-module',
      question: 'How should I price shipping to Norway?',
    });
    expect(unrelated.status).toBe(200);
    expect(unrelated.body.meta.citations).toEqual([]);
    expect(JSON.stringify(unrelated.body.output)).not.toMatch(/\[\d+\]|From what you wrote/);
  });
});

const fake: FakeOpenAi = await startFakeOpenAi({});
afterAll(async () => {
  await fake.close();
});

/**
 * Long canvas fields that all share words with the question, so the retrieved passages outgrow their
 * budget; the purpose (holding FACT) shares the most and ranks first.
 */
function longCanvas(): Record<string, string> {
  const filler = (topic: string) =>
    `${topic}: every lavender candle we make is finished with care, and customers say the candles fill a room. `
      .repeat(10)
      .slice(0, 900);
  return {
    purpose: `${FACT} ${filler('Purpose')}`,
    vision: filler('Vision'),
    mission: filler('Mission'),
    positioning: filler('Positioning'),
    valueProposition: filler('Value'),
    voice: filler('Voice'),
  };
}

/** The passages block of the last prompt the provider received: each passage's number, source and text. */
function passagesSent(): { block: string; passages: { n: number; source: string; text: string }[] } {
  const prompt =
    fake.requests
      .at(-1)
      ?.body.messages?.map((message) => message.content)
      .join('\n') ?? '';
  const block = /<passages>\n[\s\S]*?\n<\/passages>/.exec(prompt)?.[0] ?? '';
  const passages = [...block.matchAll(/<passage id="(\d+)" source="([^"]*)">\n([\s\S]*?)\n<\/passage>/g)].map(
    (match) => ({ n: Number(match[1]), source: match[2] ?? '', text: match[3] ?? '' }),
  );
  return { block, passages };
}

/** The warning about invented citations, as logged (JSON lines). */
function inventedWarnings(logs: readonly string[]): Record<string, unknown>[] {
  return logs
    .filter((line) => line.includes('cited passages it was not given'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describeOnEachDatabase(
  'coach citations against an OpenAI-compatible server',
  (getApp) => {
    it('sends the passages as numbered data within the budget; the streamed answer keeps only the citations it was given', async () => {
      const testApp = getApp();
      const client = testApp.client();
      const { brandId } = await ownerWithTwoBrands(client, longCanvas());
      const session = await newSession(client, brandId);
      fake.queue.push({
        kind: 'stream',
        chunks: ['You pour them by hand [1]. ', 'They ship from Porto [9].'],
      });
      const turn = await sendChatTurn(client, session.id, QUESTION);

      const { block, passages } = passagesSent();
      expect(passages.map((passage) => passage.n)).toEqual(passages.map((_, index) => index + 1));
      expect(passages.length).toBeGreaterThanOrEqual(2);
      // Five long passages were retrieved; the last ones were left out or cut to fit the budget.
      expect(passages.length < PASSAGES_RETRIEVED || passages.at(-1)?.text.endsWith('…')).toBe(true);
      expect(estimateTokens(block)).toBeLessThanOrEqual(
        TASKS.chat.contextBudgetTokens * PASSAGE_BUDGET_SHARE,
      );
      expect(passages[0]).toMatchObject({ n: 1, source: 'Brand canvas · Purpose' });
      expect(passages[0]?.text.startsWith(FACT)).toBe(true);
      expect(block).not.toContain('birch');

      // The made-up [9] was streamed, but the done event and the stored answer have [1] only.
      expect(
        turn.events.some((event) => event.event === 'delta' && String(event.data.text).includes('[9]')),
      ).toBe(true);
      const done = doneOf(turn.events);
      expect(done.text).toBe('You pour them by hand [1]. They ship from Porto.');
      expect(done.citations).toHaveLength(1);
      expect(done.citations[0]).toMatchObject({
        n: 1,
        label: 'Brand canvas · Purpose',
        href: '/app/canvas#field-purpose',
      });
      expect(done.citations[0]?.quote.startsWith(FACT)).toBe(true);
      expect(passages[0]?.text).toContain(done.citations[0]?.quote);
      const stored = (await messagesOf(client, session.id)).at(-1);
      expect(stored?.content).toBe(done.text);
      expect(stored?.citations).toEqual(done.citations);

      const [warning] = inventedWarnings(testApp.logs);
      expect(warning).toMatchObject({ level: 40, task: 'chat', invented: [9] });
      expect(warning?.given).toEqual(passages.map((passage) => passage.n));
      expect(JSON.stringify(warning)).not.toContain('Porto');
    });

    it('returns a task answer with [1] only, never a marker in text the owner can paste, and the same from the cache', async () => {
      const testApp = getApp();
      const client = testApp.client();
      const { brandId } = await ownerWithTwoBrands(client);
      const warningsBefore = inventedWarnings(testApp.logs).length;
      fake.queue.push({
        kind: 'answer',
        content: {
          title: 'Your story',
          answer: 'You pour them by hand [1]. They ship from Porto [9].',
          tips: ['Show the Lisbon workshop [1].'],
          actions: [],
          suggestion: 'We pour every candle by hand [1].',
        },
      });
      const request = {
        brandId,
        area: 'authentic-module',
        question: QUESTION,
        field: 'authentic.story.origin',
      };
      const first = await client.post<AiTaskResponse>('/api/ai/contextual-help', request);
      expect(first.status, first.text).toBe(200);
      expect(first.body.meta.provider).toBe('openai-compatible');
      expect(first.body.output).toMatchObject({
        answer: 'You pour them by hand [1]. They ship from Porto.',
        tips: ['Show the Lisbon workshop [1].'],
        suggestion: 'We pour every candle by hand.',
      });
      expect(first.body.meta.citations).toEqual([
        expect.objectContaining({
          n: 1,
          label: 'Brand canvas · Purpose',
          quote: FACT,
          href: '/app/canvas#field-purpose',
        }),
      ]);
      const warnings = inventedWarnings(testApp.logs).slice(warningsBefore);
      expect(warnings).toEqual([
        expect.objectContaining({ task: 'contextual-help', invented: [9], given: [1] }),
      ]);

      const again = await client.post<AiTaskResponse>('/api/ai/contextual-help', request);
      expect(again.body.meta.cached).toBe(true);
      expect(again.body.output).toEqual(first.body.output);
      expect(again.body.meta.citations).toEqual(first.body.meta.citations);
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
