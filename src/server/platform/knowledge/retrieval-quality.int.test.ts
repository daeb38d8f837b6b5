/**
 * Retrieval quality: index the fixture corpus (src/server/testing/fixtures/knowledge-corpus.ts) as
 * uploads of it would be (real files read back by the documents feature's extraction), ask every
 * question of the quality set through `retrieve` (what the coach uses) and count how often the
 * answering passage is among the first five. Full-text search alone must reach recall@5 ≥ 0.9 on
 * both databases; the score is printed.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { itemSections } from '../../../core/knowledge/item-sections.ts';
import {
  type AnswerLocation,
  CORPUS_BRANDS,
  CORPUS_CANVASES,
  type CorpusBrand,
  corpusSections,
  KNOWLEDGE_CORPUS,
  QUALITY_QUESTIONS,
} from '../../testing/fixtures/knowledge-corpus.ts';
import { describeOnEachDatabase, signUp } from '../../testing/harness.ts';
import type { KnowledgeHit } from './index.ts';

const RECALL_AT = 5;
const REQUIRED_RECALL = 0.9;

/** Extracted PDF text breaks lines where the page did: compare words, not whitespace. */
const words = (text: string) => text.replace(/\s+/g, ' ');
const holds = (text: string, phrase: string) => words(text).includes(words(phrase));

function isAt(locator: KnowledgeHit['locator'], at: AnswerLocation): boolean {
  if ('page' in at) return locator.page === at.page;
  if ('heading' in at) return locator.heading === at.heading;
  if ('row' in at)
    return locator.rows !== undefined && locator.rows[0] <= at.row && at.row <= locator.rows[1];
  return true;
}

describeOnEachDatabase('knowledge retrieval quality (full-text only)', (getApp, kind) => {
  const brandIds = {} as Record<CorpusBrand, string>;
  const documentIds = new Map<string, string>();
  let userId = '';

  beforeAll(async () => {
    const testApp = getApp();
    const client = testApp.client();
    const { user } = await signUp(client);
    userId = user.id;
    const knowledge = testApp.app.services.knowledge;
    for (const [brand, name] of Object.entries(CORPUS_BRANDS) as [CorpusBrand, string][]) {
      const created = await client.post<{ brand: { id: string } }>('/api/brands', { name });
      brandIds[brand] = created.body.brand.id;
      await knowledge.replaceSource(testApp.database.db, {
        sourceType: 'canvas',
        sourceId: randomUUID(),
        userId,
        brandId: brandIds[brand],
        sections: itemSections('canvas', CORPUS_CANVASES[brand]),
      });
    }
    for (const document of KNOWLEDGE_CORPUS) {
      const sourceId = randomUUID();
      documentIds.set(document.key, sourceId);
      const count = await knowledge.replaceSource(testApp.database.db, {
        sourceType: 'document',
        sourceId,
        userId,
        brandId: brandIds[document.brand],
        sections: await corpusSections(document),
      });
      expect(count).toBeGreaterThan(0);
    }
  });

  it('holds a quality set large enough to mean something, each answer present in exactly one passage', async () => {
    expect(QUALITY_QUESTIONS.length).toBeGreaterThanOrEqual(40);
    const rows = await getApp().database.query<{
      source_id: string;
      text: string;
      locator: KnowledgeHit['locator'];
    }>(
      "select source_id::text as source_id, text, locator from knowledge_chunks where source_type = 'document'",
    );
    for (const { answer } of QUALITY_QUESTIONS) {
      const sourceId = documentIds.get(answer.document);
      const holders = rows.filter((row) => holds(row.text, answer.phrase));
      expect(
        holders.map((row) => row.source_id),
        answer.phrase,
      ).toEqual([sourceId]);
      expect(holders[0] && isAt(holders[0].locator, answer.at), answer.phrase).toBe(true);
    }
  });

  it(`puts the answering passage in the top ${RECALL_AT} for at least ${REQUIRED_RECALL * 100}% of questions`, async () => {
    const knowledge = getApp().app.services.knowledge;
    const misses: string[] = [];
    for (const { brand, question, answer } of QUALITY_QUESTIONS) {
      const hits = await knowledge.retrieve({
        userId,
        brandId: brandIds[brand],
        query: question,
        limit: RECALL_AT,
      });
      const found = hits.some(
        (hit) =>
          hit.sourceId === documentIds.get(answer.document) &&
          isAt(hit.locator, answer.at) &&
          holds(hit.text, answer.phrase),
      );
      if (!found)
        misses.push(`  ✗ ${question}\n      got: ${hits.map((hit) => hit.label).join(' | ') || '(nothing)'}`);
    }
    const recall = (QUALITY_QUESTIONS.length - misses.length) / QUALITY_QUESTIONS.length;
    // biome-ignore lint/suspicious/noConsole: the measured recall is the test's report, read in CI logs.
    console.info(
      `knowledge retrieval quality [${kind}]: recall@${RECALL_AT} = ${recall.toFixed(3)} (${QUALITY_QUESTIONS.length - misses.length}/${QUALITY_QUESTIONS.length})${misses.length > 0 ? `\n${misses.join('\n')}` : ''}`,
    );
    expect(recall).toBeGreaterThanOrEqual(REQUIRED_RECALL);
  });
});
