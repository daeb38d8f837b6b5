/**
 * Gathers what the coach knows about the user for one task, within the task's token budget. Each
 * saved-data source (today the diagnostic; brand profile, worksheets, avatar, canvas and retrieved
 * document passages as they ship) adds to the structured `CoachContext` the offline coach reads and
 * renders a section for the provider's prompt. The digest of the rendered context is part of the
 * cache key, so changed data never gets a stale cached answer.
 */
import { createHash } from 'node:crypto';
import { type ContextSection, estimateTokens, fitToBudget, renderContext } from '../../core/ai/context.ts';
import type { AiTaskInput } from '../../core/ai/contracts.ts';
import type { CoachContext } from '../../core/ai/offline-coach.ts';
import {
  renderWorkspace,
  summariseWorkspace,
  type WorkspaceSnapshot,
} from '../../core/ai/workspace-context.ts';
import { guidanceFor } from '../../core/diagnostic/guidance.ts';
import { DIMENSION_LABELS, DIMENSIONS } from '../../core/diagnostic/questionnaire.ts';
import { BAND_LABELS, dimensionsByWeakness, scoresFrom } from '../../core/diagnostic/scoring.ts';
import type { ItemData } from '../../core/workspace/items.ts';
import type { DiagnosticService } from '../features/diagnostic/service.ts';
import type { WorkspaceService } from '../features/workspace/service.ts';
import { AppError } from '../platform/errors.ts';
import type { ContextSourceName, TaskDefinition } from './tasks.ts';

export interface BuiltContext {
  coach: CoachContext;
  /** The `<context>` block for the provider prompt. */
  rendered: string;
  digest: string;
  tokens: number;
  trimmed: string[];
  /** The request as the prompt carries it (chat history cut to the budget). */
  promptInput: unknown;
}

interface SourceResult {
  coach: Partial<CoachContext>;
  section: ContextSection | null;
}

type Source = (userId: string, input: Record<string, unknown>) => Promise<SourceResult>;

export function createContextBuilder(deps: { diagnostic: DiagnosticService; workspace: WorkspaceService }) {
  const sources: Record<ContextSourceName, Source> = {
    async workspace(userId, input) {
      const requested = typeof input.brandId === 'string' ? input.brandId : null;
      // The conversation's brand when there is one (only the user's own live brands qualify).
      const brands = await deps.workspace.listBrands(userId);
      // A conversation whose brand was deleted since falls back to the first brand.
      const brand = brands.find((candidate) => candidate.id === requested) ?? brands[0];
      if (!brand) return { coach: { brand: null }, section: null };
      const workspace = await deps.workspace.brandWorkspace(userId, brand.id);
      const saved = <K extends 'canvas' | 'insight' | 'distinctive' | 'empathetic' | 'authentic'>(kind: K) =>
        (workspace.singletons[kind]?.data as ItemData<K> | undefined) ?? null;
      const [canvas, insight, distinctive, empathetic, authentic] = [
        saved('canvas'),
        saved('insight'),
        saved('distinctive'),
        saved('empathetic'),
        saved('authentic'),
      ];
      const avatars = workspace.avatars;
      const snapshot: WorkspaceSnapshot = {
        brandName: brand.name,
        canvas,
        insight,
        distinctive,
        empathetic,
        authentic,
        avatars: avatars.map((avatar) => avatar.data as ItemData<'avatar'>),
      };
      return {
        coach: { brand: summariseWorkspace(snapshot) },
        section: { name: 'Brand workspace', priority: 20, text: renderWorkspace(snapshot) },
      };
    },
    async diagnostic(userId, input) {
      const resultId = typeof input.resultId === 'string' ? input.resultId : null;
      const result = resultId
        ? await deps.diagnostic.get(resultId, { userId, anonymousToken: null, ip: '' })
        : await deps.diagnostic.latest(userId);
      if (!result) return { coach: { diagnostic: null }, section: null };
      const { dimensions } = result.scores;
      const scores = scoresFrom(result.scores.overall, {
        insight: dimensions.insight.score,
        distinctive: dimensions.distinctive.score,
        empathetic: dimensions.empathetic.score,
        authentic: dimensions.authentic.score,
      });
      const [weakest] = dimensionsByWeakness(scores);
      const lines = [
        `Taken ${result.createdAt.slice(0, 10)}. Overall ${scores.overall}/100 (${BAND_LABELS[scores.overallBand]}).`,
        ...DIMENSIONS.map(
          (dimension) =>
            `- ${DIMENSION_LABELS[dimension]}: ${scores.dimensions[dimension].score}/100 (${BAND_LABELS[scores.dimensions[dimension].band]})`,
        ),
        weakest
          ? `Weakest: ${DIMENSION_LABELS[weakest.dimension]}. ${guidanceFor(weakest.dimension, weakest.band).explanation}`
          : '',
      ];
      return {
        coach: { diagnostic: { takenAt: result.createdAt, scores } },
        section: { name: 'Latest IDEA diagnostic', priority: 10, text: lines.filter(Boolean).join('\n') },
      };
    },
  };

  return {
    async build(task: TaskDefinition, input: Record<string, unknown>, userId: string): Promise<BuiltContext> {
      const coach: CoachContext = { diagnostic: null };
      const sections: ContextSection[] = [];
      for (const name of task.sources) {
        const result = await sources[name](userId, input);
        Object.assign(coach, result.coach);
        if (result.section) sections.push(result.section);
      }
      if (task.requires === 'diagnostic' && !coach.diagnostic) {
        throw new AppError(
          404,
          'NOT_FOUND',
          'Take the IDEA diagnostic first: there is no result to read yet.',
        );
      }
      const budgeted = fitToBudget(sections, task.contextBudgetTokens);
      const rendered = renderContext(budgeted);
      return {
        coach,
        rendered,
        digest: createHash('sha256').update(rendered).digest('hex'),
        tokens: budgeted.tokens,
        trimmed: budgeted.trimmed,
        promptInput:
          task.task === 'chat' ? trimHistory(input as AiTaskInput<'chat'>, task.contextBudgetTokens) : input,
      };
    },
  };
}
export type ContextBuilder = ReturnType<typeof createContextBuilder>;

/** Keeps the most recent turns that fit in the budget; older ones are dropped first. */
function trimHistory(input: AiTaskInput<'chat'>, budgetTokens: number): AiTaskInput<'chat'> {
  const kept: AiTaskInput<'chat'>['history'] = [];
  let tokens = estimateTokens(input.message);
  for (const turn of [...input.history].reverse()) {
    tokens += estimateTokens(turn.content);
    if (tokens > budgetTokens) break;
    kept.unshift(turn);
  }
  return { message: input.message, history: kept };
}
