/**
 * The Value Lens copy generator: runs the `value-lens-copy` task through the coach service (so the
 * daily quota, spending caps, cache and ledger apply) with the brand canvas and a chosen avatar as
 * context, holds the answer to the format's length limit whichever provider wrote it, and keeps
 * every generation in a per-brand history.
 */
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { AiTaskInput, AiTaskOutput } from '../../../core/ai/contracts.ts';
import {
  type ValueLensBrief,
  type ValueLensGeneration,
  type ValueLensHistory,
  valueLensBriefSchema,
  type valueLensRequestSchema,
} from '../../../core/value-lens/contracts.ts';
import { enforceCopyLimits } from '../../../core/value-lens/limits.ts';
import { avatarDataSchema } from '../../../core/workspace/avatar.ts';
import { canvasDataSchema } from '../../../core/workspace/canvas.ts';
import { avatarAudience } from '../../../core/workspace/canvas-import.ts';
import type { WorkspaceItem } from '../../../core/workspace/items.ts';
import type { AiEngine } from '../../ai/engine.ts';
import type { QuotaState } from '../../ai/quota.ts';
import type { Database } from '../../db/client.ts';
import { valueLensGenerations } from '../../db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { WorkspaceStore } from '../../platform/workspace-store.ts';

type GenerationRow = typeof valueLensGenerations.$inferSelect;
type CopyContext = NonNullable<AiTaskInput<'value-lens-copy'>['context']>;
export type ValueLensRequestBody = z.output<typeof valueLensRequestSchema>;

const avatarNotFound = () => new AppError(404, 'NOT_FOUND', 'That avatar was not found in this brand.');

function nonEmpty(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed ? trimmed : undefined;
}

function toGeneration(row: GenerationRow): ValueLensGeneration {
  const output = row.output as {
    format: ValueLensGeneration['format'];
    variants: string[];
    notes: string[];
    limit: number;
  };
  const brief = valueLensBriefSchema.safeParse(row.input);
  return {
    id: row.id,
    brandId: row.brandId,
    avatarId: row.avatarId,
    avatarName: row.avatarName,
    usedCanvas: row.usedCanvas,
    // Briefs were validated when stored; a later, stricter schema must not hide old history.
    brief: brief.success ? brief.data : (row.input as ValueLensBrief),
    format: output.format,
    variants: output.variants,
    notes: output.notes,
    limit: output.limit,
    meta: {
      provider: row.provider as ValueLensGeneration['meta']['provider'],
      model: row.model,
      promptVersion: row.promptVersion,
      cached: row.cached,
      notice: row.notice as ValueLensGeneration['meta']['notice'],
      ...(row.aiCallId ? { callId: row.aiCallId } : {}),
    },
    createdAt: row.createdAt.toISOString(),
  };
}

/** Cursor = creation time in ms + id, so pages stay stable while new generations arrive. */
function encodeCursor(row: GenerationRow): string {
  return `${String(row.createdAt.getTime()).padStart(13, '0')}_${row.id}`;
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [ms = '', id = ''] = cursor.split('_');
  return { createdAt: new Date(Number(ms)), id };
}

/** The canvas fields copy should stay consistent with; empty ones are left out. */
export function canvasContext(data: z.output<typeof canvasDataSchema>, brandName: string): CopyContext {
  return {
    brandName: brandName.slice(0, 80),
    positioning: nonEmpty(data.positioning),
    valueProposition: nonEmpty(data.valueProposition),
    values: data.values,
    personality: data.personality,
    voice: nonEmpty(data.voice),
  };
}

export function avatarContext(item: WorkspaceItem): NonNullable<CopyContext['avatar']> {
  const avatar = avatarDataSchema.parse(item.data);
  const description = [avatarAudience(avatar), avatar.demographics.lifestyle.trim()]
    .filter(Boolean)
    .join('. ');
  return {
    name: avatar.name,
    description: description.slice(0, 300),
    desires: avatar.psychology.desires.slice(0, 5),
    fears: avatar.psychology.fears.slice(0, 5),
    triggers: avatar.psychology.triggers,
  };
}

export function createValueLensService(deps: {
  database: Database;
  workspace: WorkspaceStore;
  ai: AiEngine;
}) {
  const { db } = deps.database;
  const { workspace } = deps;

  async function requireAvatar(userId: string, brandId: string, avatarId: string): Promise<WorkspaceItem> {
    let item: WorkspaceItem;
    try {
      item = await workspace.getItem(userId, avatarId);
    } catch (error) {
      if (error instanceof AppError && error.statusCode === 404) throw avatarNotFound();
      throw error;
    }
    if (item.kind !== 'avatar' || item.brandId !== brandId) throw avatarNotFound();
    return item;
  }

  return {
    async generate(
      userId: string,
      brandId: string,
      body: ValueLensRequestBody,
    ): Promise<{ generation: ValueLensGeneration; quota: QuotaState }> {
      const brand = await workspace.requireBrand(userId, brandId);
      const { avatarId, useCanvas, ...brief } = body;
      const avatarItem = avatarId ? await requireAvatar(userId, brandId, avatarId) : null;

      let context: CopyContext | undefined;
      if (useCanvas) {
        const canvas = await workspace.getSingleton(userId, brandId, 'canvas');
        // A canvas never saved holds nothing of the user's: the copy is not "with your canvas".
        const parsed = canvas.id ? canvasDataSchema.safeParse(canvas.data) : null;
        if (parsed?.success) context = canvasContext(parsed.data, brand.name);
      }
      const usedCanvas = context !== undefined;
      const avatar = avatarItem ? avatarContext(avatarItem) : null;
      if (avatar) context = { ...(context ?? { values: [], personality: [] }), avatar };

      const prepared = await deps.ai.prepareTask({
        task: 'value-lens-copy',
        userId,
        mode: 'answer',
        input: { ...brief, ...(context ? { context } : {}) },
      });
      const answer = await prepared.answer();
      if (!answer.quota) throw new Error('an answered request always counts against the quota');
      const limited = enforceCopyLimits(answer.output as AiTaskOutput<'value-lens-copy'>, brief.format);
      if (limited.variants.length === 0) {
        // Nothing written is not a use of the day's quota.
        await prepared.refund();
        // The offline engine writes nothing rather than invent: its notes say what to add.
        if (answer.meta.provider === 'offline')
          throw new AppError(
            422,
            'NOT_ENOUGH_INPUT',
            ['There is not enough here to write from without making it up.', ...limited.notes]
              .join(' ')
              .slice(0, 1000),
          );
        throw new AppError(
          502,
          'AI_INVALID_RESPONSE',
          'The coach answered without any usable copy. Please try again.',
        );
      }

      const [row] = await db
        .insert(valueLensGenerations)
        .values({
          userId,
          brandId,
          avatarId: avatarItem?.id ?? null,
          avatarName: avatar?.name ?? null,
          usedCanvas,
          input: brief,
          output: {
            format: limited.format,
            variants: limited.variants,
            notes: limited.notes,
            limit: limited.limit,
          },
          provider: answer.meta.provider,
          model: answer.meta.model,
          promptVersion: answer.meta.promptVersion,
          cached: answer.meta.cached,
          notice: answer.meta.notice,
          aiCallId: answer.meta.callId ?? null,
          // Millisecond precision, so the history cursor (which carries ms) matches rows exactly.
          createdAt: new Date(),
        })
        .returning();
      if (!row) throw new Error('insert returned no row');
      return { generation: toGeneration(row), quota: answer.quota };
    },

    async history(
      userId: string,
      brandId: string,
      page: { limit: number; cursor?: string | undefined },
    ): Promise<ValueLensHistory> {
      await workspace.requireBrand(userId, brandId);
      const after = page.cursor ? decodeCursor(page.cursor) : null;
      const rows = await db
        .select()
        .from(valueLensGenerations)
        .where(
          and(
            eq(valueLensGenerations.userId, userId),
            eq(valueLensGenerations.brandId, brandId),
            isNull(valueLensGenerations.deletedAt),
            after
              ? or(
                  lt(valueLensGenerations.createdAt, after.createdAt),
                  and(
                    eq(valueLensGenerations.createdAt, after.createdAt),
                    lt(valueLensGenerations.id, after.id),
                  ),
                )
              : undefined,
          ),
        )
        .orderBy(desc(valueLensGenerations.createdAt), desc(valueLensGenerations.id))
        .limit(page.limit + 1);
      const pageRows = rows.slice(0, page.limit);
      const last = pageRows.at(-1);
      return {
        generations: pageRows.map(toGeneration),
        nextCursor: rows.length > page.limit && last ? encodeCursor(last) : null,
      };
    },

    /** Soft delete; someone else's (or an already deleted) generation is a 404. */
    async remove(userId: string, id: string): Promise<void> {
      const [row] = await db
        .update(valueLensGenerations)
        .set({ deletedAt: new Date() })
        .where(
          and(
            eq(valueLensGenerations.id, id),
            eq(valueLensGenerations.userId, userId),
            isNull(valueLensGenerations.deletedAt),
          ),
        )
        .returning({ id: valueLensGenerations.id });
      if (!row) throw new AppError(404, 'NOT_FOUND', 'That generation was not found.');
    },
  };
}
export type ValueLensService = ReturnType<typeof createValueLensService>;
