/**
 * Prompts live in the database, versioned (draft → published → archived). The files in `prompts/`
 * are the defaults: at start-up each prompt without any version gets its file as version 1,
 * published. After that the database is the source of truth, so an admin's edit is never overwritten
 * by a deploy.
 */
import { readFile } from 'node:fs/promises';
import { and, desc, eq } from 'drizzle-orm';
import { AI_TASKS } from '../../core/ai/contracts.ts';
import type { Database } from '../db/client.ts';
import { aiPrompts } from '../db/schema.ts';

export interface PublishedPrompt {
  promptId: string;
  version: number;
  body: string;
}

const PROMPT_DIR = new URL('./prompts/', import.meta.url);

export async function seedDefaultPrompts(database: Database): Promise<void> {
  for (const promptId of AI_TASKS) {
    const body = (await readFile(new URL(`${promptId}.md`, PROMPT_DIR), 'utf8')).trim();
    // Concurrent instances starting together: the unique (prompt_id, version) makes this idempotent.
    await database.query(
      `insert into ai_prompts (prompt_id, version, status, body, published_at)
       select $1, 1, 'published', $2, now()
       where not exists (select 1 from ai_prompts where prompt_id = $1)
       on conflict do nothing`,
      [promptId, body],
    );
  }
}

export function createPromptStore(database: Database) {
  return {
    async published(promptId: string): Promise<PublishedPrompt> {
      const [row] = await database.db
        .select({ version: aiPrompts.version, body: aiPrompts.body })
        .from(aiPrompts)
        .where(and(eq(aiPrompts.promptId, promptId), eq(aiPrompts.status, 'published')))
        .limit(1);
      if (!row) throw new Error(`no published prompt for ${promptId}`);
      return { promptId, version: row.version, body: row.body };
    },

    /**
     * Publishes a new version and archives the previous one, in one transaction (the partial unique
     * index guarantees a single published version even if two admins publish at once).
     */
    async publish(promptId: string, body: string, createdBy: string | null = null): Promise<PublishedPrompt> {
      return database.db.transaction(async (tx) => {
        const [latest] = await tx
          .select({ version: aiPrompts.version })
          .from(aiPrompts)
          .where(eq(aiPrompts.promptId, promptId))
          .orderBy(desc(aiPrompts.version))
          .limit(1);
        const version = (latest?.version ?? 0) + 1;
        await tx
          .update(aiPrompts)
          .set({ status: 'archived' })
          .where(and(eq(aiPrompts.promptId, promptId), eq(aiPrompts.status, 'published')));
        await tx
          .insert(aiPrompts)
          .values({ promptId, version, status: 'published', body, createdBy, publishedAt: new Date() });
        return { promptId, version, body };
      });
    },
  };
}
export type PromptStore = ReturnType<typeof createPromptStore>;
