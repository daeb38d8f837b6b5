/**
 * The coach eval's app: a real app from the integration harness (PGlite in memory, or a scratch
 * PostgreSQL database), wrapped as the `EvalTarget` the runner drives (src/server/features/coach/
 * eval/run-eval.ts): browsers with cookie jars, chat turns read as server-sent events, documents
 * uploaded as multipart and processed by one pass of the job queue, and reads of the knowledge index,
 * the published prompts and the spend ledger that only the app's own database can answer.
 */

import type { KnowledgeDocument } from '../../core/knowledge/contracts.ts';
import type { EvalTarget } from '../features/coach/eval/run-eval.ts';
import type { EvalDocument } from '../features/coach/eval/scenarios.ts';
import { sendChatTurn } from './chat-stream.ts';
import { docxFixture, multipartBody, pdfFixture, utf8 } from './fixtures/documents.ts';
import { type DatabaseKind, startTestApp, type TestApp, type TestClient } from './harness.ts';

/** Each owner asks a dozen questions and has reviews analysed; the default daily quota is for people. */
export const EVAL_ENV: Readonly<Record<string, string>> = { AI_DAILY_QUOTA: '100000', LOG_LEVEL: 'warn' };

async function documentBytes(document: EvalDocument): Promise<Uint8Array> {
  if (document.format === 'pdf') return pdfFixture(document.pages);
  if (document.format === 'docx') return docxFixture(document.blocks);
  return utf8(document.text);
}

/** The eval's view of a running test app. */
export function coachEvalTarget(testApp: TestApp): EvalTarget<TestClient> {
  return {
    newClient: () => testApp.client(),
    chatTurn: (client, sessionId, content) => sendChatTurn(client, sessionId, content),
    async uploadDocument(client, brandId, document) {
      const { contentType, body } = multipartBody({
        bytes: await documentBytes(document),
        fileName: document.name,
      });
      const response = await fetch(new URL(`/api/brands/${brandId}/documents`, client.baseUrl), {
        method: 'POST',
        headers: { cookie: client.cookieHeader(), 'content-type': contentType },
        body: new Uint8Array(body),
      });
      const text = await response.text();
      const parsed =
        (response.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : {};
      return { status: response.status, body: parsed as { document: KnowledgeDocument }, text };
    },
    async runJobs() {
      await testApp.app.services.jobs.tick();
    },
    async passage(id) {
      const [row] = await testApp.database.query<{ brand_id: string; text: string }>(
        'select brand_id, text from knowledge_chunks where id = $1',
        [id],
      );
      return row ? { brandId: row.brand_id, text: row.text } : null;
    },
    async systemPrompts() {
      const rows = await testApp.database.query<{ body: string }>(
        `select body from ai_prompts where status = 'published'`,
      );
      return rows.map((row) => row.body);
    },
    async spentMicros() {
      const [row] = await testApp.database.query<{ total: string | number }>(
        'select coalesce(sum(cost_micros), 0) as total from ai_calls',
      );
      return Number(row?.total ?? 0);
    },
  };
}

/** Starts an app for the eval on one database, with `env` on top of the eval's own settings. */
export async function startCoachEvalApp(
  kind: DatabaseKind,
  env: Record<string, string> = {},
): Promise<{ testApp: TestApp; target: EvalTarget<TestClient> }> {
  const testApp = await startTestApp(kind, { env: { ...EVAL_ENV, ...env } });
  return { testApp, target: coachEvalTarget(testApp) };
}
