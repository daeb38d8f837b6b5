/**
 * The dashboard's view of a brand: progress per IDEA module, canvas completion, avatars, and the
 * one next step worth taking, computed from real progress and the latest diagnostic. Pure; the
 * server assembles the inputs from stored items.
 */
import { z } from 'zod';
import { DIMENSION_LABELS, DIMENSIONS, type Dimension } from '../diagnostic/questionnaire.ts';
import { BAND_LABELS, type DiagnosticScores, dimensionsByWeakness } from '../diagnostic/scoring.ts';
import { PAGE_PATHS } from '../navigation/pages.ts';
import type { CanvasData } from './canvas.ts';
import { canvasCompletion } from './canvas-completion.ts';
import { type IdeaItems, ideaProgress } from './idea-progress.ts';
import { MODULE_PATHS } from './paths.ts';

export { MODULE_PATHS };

export const nextStepSchema = z.object({
  title: z.string(),
  reason: z.string(),
  path: z.string(),
  cta: z.string(),
});
export type WorkspaceNextStep = z.infer<typeof nextStepSchema>;

export const brandProgressSchema = z.object({
  modules: z.array(
    z.object({
      dimension: z.enum(DIMENSIONS),
      percent: z.number().int().min(0).max(100),
      learningDone: z.number().int(),
      learningTotal: z.number().int(),
      worksheetDone: z.number().int(),
      worksheetTotal: z.number().int(),
    }),
  ),
  canvas: z.object({
    percent: z.number().int().min(0).max(100),
    filled: z.number().int(),
    total: z.number().int(),
  }),
  avatars: z.object({ count: z.number().int().min(0), names: z.array(z.string()) }),
  nextStep: nextStepSchema,
});
export type BrandProgress = z.infer<typeof brandProgressSchema>;
export const brandProgressResponseSchema = z.object({ progress: brandProgressSchema });

export interface ProgressInputs extends IdeaItems {
  canvas?: CanvasData | undefined;
  avatarNames: string[];
  diagnostic: DiagnosticScores | null;
}

export function nextWorkspaceStep(
  inputs: ProgressInputs,
  modules: BrandProgress['modules'],
  canvasPercent: number,
): WorkspaceNextStep {
  const percentOf = (dimension: Dimension) =>
    modules.find((entry) => entry.dimension === dimension)?.percent ?? 0;
  if (!inputs.diagnostic) {
    return {
      title: 'Take the IDEA diagnostic',
      reason: 'Eight questions show which of the four dimensions to work on first.',
      path: PAGE_PATHS.diagnostic,
      cta: 'Start the diagnostic',
    };
  }
  // Weakest first; among equally weak dimensions, the one with least work done.
  for (const { dimension, score, band } of dimensionsByWeakness(inputs.diagnostic)) {
    const percent = percentOf(dimension);
    if (percent < 100) {
      return {
        title: `Work on ${DIMENSION_LABELS[dimension]}`,
        reason: `${DIMENSION_LABELS[dimension]} scored ${score}/100 (${BAND_LABELS[band]}) and its module is ${percent}% done.`,
        path: MODULE_PATHS[dimension],
        cta:
          percent === 0
            ? `Start the ${DIMENSION_LABELS[dimension]} module`
            : `Continue ${DIMENSION_LABELS[dimension]}`,
      };
    }
  }
  if (inputs.avatarNames.length === 0) {
    return {
      title: 'Describe your customer',
      reason: 'All four modules are done. An avatar turns that insight into one person you write for.',
      path: PAGE_PATHS.avatars,
      cta: 'Create an avatar',
    };
  }
  if (canvasPercent < 100) {
    return {
      title: 'Finish your brand canvas',
      reason: `Your canvas is ${canvasPercent}% complete; it is what the coach and the copy generator write from.`,
      path: PAGE_PATHS.canvas,
      cta: 'Open the canvas',
    };
  }
  return {
    title: 'Retake the diagnostic',
    reason: 'Your modules, avatar and canvas are complete. Measure how far the brand has come.',
    path: PAGE_PATHS.diagnostic,
    cta: 'Retake the diagnostic',
  };
}

export function brandProgress(inputs: ProgressInputs): BrandProgress {
  const progress = ideaProgress(inputs);
  const modules = DIMENSIONS.map((dimension) => {
    const entry = progress[dimension];
    return {
      dimension,
      percent: entry.percent,
      learningDone: entry.learningDone,
      learningTotal: entry.learningTotal,
      worksheetDone: entry.worksheetDone,
      worksheetTotal: entry.worksheetTotal,
    };
  });
  const canvas = inputs.canvas ? canvasCompletion(inputs.canvas) : { percent: 0, filled: 0, total: 8 };
  return {
    modules,
    canvas: { percent: canvas.percent, filled: canvas.filled, total: canvas.total },
    avatars: { count: inputs.avatarNames.length, names: inputs.avatarNames.slice(0, 10) },
    nextStep: nextWorkspaceStep(inputs, modules, canvas.percent),
  };
}
