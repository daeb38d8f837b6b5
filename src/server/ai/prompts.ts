/**
 * Prompts live in the database, versioned (draft → published → archived). The files in `prompts/`
 * are the defaults: at start-up each prompt without any version gets its file as version 1,
 * published. After that the database is the source of truth, so an admin's edit is never overwritten
 * by a deploy: when a new release changes a default, an install still on an older shipped default
 * gets the new one published as its next version, and an install whose admin published their own
 * text gets it as a draft to review (prompt-history.ts lists every shipped default).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { AI_TASKS } from '../../core/ai/contracts.ts';
import type { Database } from '../db/client.ts';
import { aiPrompts } from '../db/schema.ts';
import { type Clock, SECOND_MS, systemClock } from '../platform/clock.ts';
import { AppError } from '../platform/errors.ts';
import { SHIPPED_PROMPT_DIGESTS } from './prompt-history.ts';

export interface PublishedPrompt {
  promptId: string;
  version: number;
  body: string;
}

const PROMPT_DIR = new URL('./prompts/', import.meta.url);

/** The default body of a prompt: its file, trimmed. */
export async function defaultPromptBody(promptId: string): Promise<string> {
  return (await readFile(new URL(`${promptId}.md`, PROMPT_DIR), 'utf8')).trim();
}

export function promptDigest(body: string): string {
  return createHash('sha256').update(body.trim()).digest('hex');
}

/** What start-up did to bring each prompt's default up to date (for the log). */
export interface PromptSeedOutcome {
  /** Still on an older shipped default: the current one is now published. */
  published: string[];
  /** Published text of an admin's own: the current default waits as a draft. */
  drafted: string[];
}

/**
 * Seeds each prompt's default as version 1 on a new install and brings older shipped defaults up to
 * date (`shipped`: every default body ever shipped, by digest; tests pass their own history).
 */
export async function seedDefaultPrompts(
  database: Database,
  shipped: Readonly<Record<string, readonly string[]>> = SHIPPED_PROMPT_DIGESTS,
): Promise<PromptSeedOutcome> {
  const outcome: PromptSeedOutcome = { published: [], drafted: [] };
  for (const promptId of AI_TASKS) {
    const body = await defaultPromptBody(promptId);
    // Concurrent instances starting together: the unique (prompt_id, version) makes this idempotent.
    await database.query(
      `insert into ai_prompts (prompt_id, version, status, body, published_at)
       select $1, 1, 'published', $2, now()
       where not exists (select 1 from ai_prompts where prompt_id = $1)
       on conflict do nothing`,
      [promptId, body],
    );
    const upgrade = await upgradeDefaultPrompt(database, promptId, body, shipped[promptId] ?? []);
    if (upgrade) outcome[upgrade].push(promptId);
  }
  return outcome;
}

/**
 * Brings one prompt's default up to date, once: nothing when some version already has the current
 * default's text (it was seeded or upgraded before — and an admin who has since published another
 * version, even an older default, chose to); otherwise the current default is published as the next
 * version when the published one is an older shipped default, or saved as a draft when it is the
 * admin's own text. Under the prompt's lock, so instances starting together do it once.
 */
async function upgradeDefaultPrompt(
  database: Database,
  promptId: string,
  body: string,
  shipped: readonly string[],
): Promise<'published' | 'drafted' | null> {
  // The usual start-up: the current default is there already, no lock needed to see it.
  const current = await database.query(
    'select 1 from ai_prompts where prompt_id = $1 and body = $2 limit 1',
    [promptId, body],
  );
  if (current.length > 0) return null;
  return database.db.transaction(async (tx) => {
    await lockPrompt(tx, promptId);
    const rows = await tx
      .select({ status: aiPrompts.status, body: aiPrompts.body })
      .from(aiPrompts)
      .where(eq(aiPrompts.promptId, promptId));
    if (rows.some((row) => row.body.trim() === body)) return null;
    const version = await nextVersion(tx, promptId);
    const published = rows.find((row) => row.status === 'published');
    if (published && !shipped.includes(promptDigest(published.body))) {
      await tx.insert(aiPrompts).values({ promptId, version, status: 'draft', body, createdBy: null });
      return 'drafted';
    }
    await tx
      .update(aiPrompts)
      .set({ status: 'archived' })
      .where(and(eq(aiPrompts.promptId, promptId), eq(aiPrompts.status, 'published')));
    await tx
      .insert(aiPrompts)
      .values({ promptId, version, status: 'published', body, createdBy: null, publishedAt: new Date() });
    return 'published';
  });
}

type Transaction = Parameters<Parameters<Database['db']['transaction']>[0]>[0];

/**
 * Holds this prompt's versions for the rest of the transaction: two admins saving or publishing the
 * same prompt at once queue here instead of both taking the next version number (a unique violation)
 * or both publishing. Released at commit or rollback.
 */
async function lockPrompt(tx: Transaction, promptId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`ai_prompts:${promptId}`}))`);
}

/** The version number a new draft or publication of this prompt gets. */
async function nextVersion(tx: Transaction, promptId: string): Promise<number> {
  const [latest] = await tx
    .select({ version: aiPrompts.version })
    .from(aiPrompts)
    .where(eq(aiPrompts.promptId, promptId))
    .orderBy(desc(aiPrompts.version))
    .limit(1);
  return (latest?.version ?? 0) + 1;
}

/**
 * How long an instance answers tasks from its memory of a prompt's published version: a version
 * published on another instance is used here within this time (on the instance that published it,
 * at once). Every AI request reads its prompt; five seconds make that one query per prompt per five
 * seconds, while an admin checking a newly published prompt sees it take effect everywhere at once.
 */
export const PUBLISHED_PROMPT_TTL_MS = 5 * SECOND_MS;

export function createPromptStore(
  database: Database,
  { clock = systemClock, ttlMs = PUBLISHED_PROMPT_TTL_MS }: { clock?: Clock; ttlMs?: number } = {},
) {
  // One entry per prompt id that has a published version: as many as there are tasks.
  const remembered = new Map<string, { prompt: PublishedPrompt; storedAt: number }>();
  // Bumped by every publish here, so a read that raced it does not store the version it replaced.
  let generation = 0;

  function forget(promptId: string): void {
    generation += 1;
    remembered.delete(promptId);
  }

  return {
    async published(promptId: string): Promise<PublishedPrompt> {
      const entry = remembered.get(promptId);
      if (entry && clock.now().getTime() - entry.storedAt < ttlMs) return entry.prompt;
      const mark = generation;
      const [row] = await database.db
        .select({ version: aiPrompts.version, body: aiPrompts.body })
        .from(aiPrompts)
        .where(and(eq(aiPrompts.promptId, promptId), eq(aiPrompts.status, 'published')))
        .limit(1);
      if (!row) throw new Error(`no published prompt for ${promptId}`);
      const prompt = { promptId, version: row.version, body: row.body };
      if (mark === generation) remembered.set(promptId, { prompt, storedAt: clock.now().getTime() });
      return prompt;
    },

    /** Every prompt with all its versions, newest first (the admin editor). */
    async list() {
      const rows = await database.db
        .select()
        .from(aiPrompts)
        .orderBy(asc(aiPrompts.promptId), desc(aiPrompts.version));
      return AI_TASKS.map((promptId) => ({
        promptId,
        versions: rows
          .filter((row) => row.promptId === promptId)
          .map((row) => ({
            version: row.version,
            status: row.status,
            body: row.body,
            createdAt: row.createdAt.toISOString(),
            publishedAt: row.publishedAt?.toISOString() ?? null,
          })),
      }));
    },

    async version(promptId: string, version: number): Promise<PublishedPrompt & { status: string }> {
      const [row] = await database.db
        .select()
        .from(aiPrompts)
        .where(and(eq(aiPrompts.promptId, promptId), eq(aiPrompts.version, version)))
        .limit(1);
      if (!row) throw new AppError(404, 'NOT_FOUND', `Prompt ${promptId} has no version ${version}.`);
      return { promptId, version: row.version, body: row.body, status: row.status };
    },

    /** Saves a new draft version; nothing uses it until it is published. */
    async createDraft(promptId: string, body: string, createdBy: string | null) {
      return database.db.transaction(async (tx) => {
        await lockPrompt(tx, promptId);
        const version = await nextVersion(tx, promptId);
        await tx.insert(aiPrompts).values({ promptId, version, status: 'draft', body, createdBy });
        return { promptId, version, status: 'draft' as const };
      });
    },

    /**
     * Publishes an existing version (a draft, or an archived one: that is a rollback); the version
     * published until now becomes archived.
     */
    async publishVersion(promptId: string, version: number) {
      forget(promptId);
      const published = await database.db.transaction(async (tx) => {
        await lockPrompt(tx, promptId);
        const [target] = await tx
          .select({ status: aiPrompts.status })
          .from(aiPrompts)
          .where(and(eq(aiPrompts.promptId, promptId), eq(aiPrompts.version, version)))
          .limit(1);
        if (!target) throw new AppError(404, 'NOT_FOUND', `Prompt ${promptId} has no version ${version}.`);
        if (target.status !== 'published') {
          await tx
            .update(aiPrompts)
            .set({ status: 'archived' })
            .where(and(eq(aiPrompts.promptId, promptId), eq(aiPrompts.status, 'published')));
          await tx
            .update(aiPrompts)
            .set({ status: 'published', publishedAt: new Date() })
            .where(and(eq(aiPrompts.promptId, promptId), eq(aiPrompts.version, version)));
        }
        return { promptId, version, status: 'published' as const };
      });
      forget(promptId);
      return published;
    },

    /**
     * Publishes a new version and archives the previous one, in one transaction (the partial unique
     * index guarantees a single published version even if two admins publish at once).
     */
    async publish(promptId: string, body: string, createdBy: string | null = null): Promise<PublishedPrompt> {
      forget(promptId);
      const published = await database.db.transaction(async (tx) => {
        await lockPrompt(tx, promptId);
        const version = await nextVersion(tx, promptId);
        await tx
          .update(aiPrompts)
          .set({ status: 'archived' })
          .where(and(eq(aiPrompts.promptId, promptId), eq(aiPrompts.status, 'published')));
        await tx
          .insert(aiPrompts)
          .values({ promptId, version, status: 'published', body, createdBy, publishedAt: new Date() });
        return { promptId, version, body };
      });
      forget(promptId);
      return published;
    },
  };
}
export type PromptStore = ReturnType<typeof createPromptStore>;
