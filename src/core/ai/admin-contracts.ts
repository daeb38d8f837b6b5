/** The admin console's AI pages: usage and spend, the budget, and the prompt editor. */
import { z } from 'zod';
import { int4, integerParam } from '../http/params.ts';
import { AI_TASKS } from './contracts.ts';
import { PROMPT_BODY_LIMITS } from './input-limits.ts';

export const adminUsageQuerySchema = z.strictObject({
  days: integerParam({ max: 366 }).default(30),
});

const usageRow = {
  calls: z.number().int(),
  providerCalls: z.number().int(),
  cacheHits: z.number().int(),
  costMicros: z.number().int(),
};

export const adminUsageSchema = z.object({
  days: z.number().int(),
  perDay: z.array(z.object({ day: z.string(), ...usageRow })),
  perTask: z.array(z.object({ task: z.string(), ...usageRow })),
  topUsers: z.array(
    z.object({
      userId: z.string(),
      email: z.string().nullable(),
      calls: z.number().int(),
      costMicros: z.number().int(),
    }),
  ),
});
export type AdminUsage = z.infer<typeof adminUsageSchema>;

export const adminBudgetSchema = z.object({
  month: z.string(),
  monthlyBudgetMicros: z.number().int(),
  userMonthlyBudgetMicros: z.number().int(),
  alertThresholdsMicros: z.array(z.number().int()),
  dailyQuota: z.number().int(),
  spentMicros: z.number().int(),
  reservedMicros: z.number().int(),
  alerts: z.array(
    z.object({
      month: z.string(),
      thresholdMicros: z.number().int(),
      spentMicros: z.number().int(),
      notifiedCount: z.number().int(),
      createdAt: z.iso.datetime(),
    }),
  ),
});
export type AdminBudget = z.infer<typeof adminBudgetSchema>;

export const promptVersionSchema = z.object({
  version: z.number().int(),
  status: z.enum(['draft', 'published', 'archived']),
  body: z.string(),
  createdAt: z.iso.datetime(),
  publishedAt: z.iso.datetime().nullable(),
});
export const adminPromptListSchema = z.object({
  prompts: z.array(z.object({ promptId: z.enum(AI_TASKS), versions: z.array(promptVersionSchema) })),
});
export type AdminPromptList = z.infer<typeof adminPromptListSchema>;

export const promptParamsSchema = z.strictObject({ promptId: z.enum(AI_TASKS) });
export const promptVersionParamsSchema = z.strictObject({
  promptId: z.enum(AI_TASKS),
  version: integerParam(),
});
export const createPromptVersionSchema = z.strictObject({
  body: z
    .string()
    .trim()
    .min(PROMPT_BODY_LIMITS.min, `A prompt needs at least ${PROMPT_BODY_LIMITS.min} characters`)
    .max(PROMPT_BODY_LIMITS.max),
});
export const promptVersionRefSchema = z.object({
  promptId: z.string(),
  version: z.number().int(),
  status: z.enum(['draft', 'published', 'archived']),
});
export const promptPreviewSchema = z.strictObject({
  version: int4(),
  /** The task's own input (the task is the prompt's). */
  input: z.record(z.string(), z.unknown()),
});

/** The ledger's most recent rows, so admins can see which prompt version each call used. */
export const adminCallsQuerySchema = z.strictObject({
  limit: integerParam({ max: 200 }).default(50),
  task: z.enum(AI_TASKS).optional(),
});

export const adminCallSchema = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  task: z.string(),
  promptId: z.string(),
  promptVersion: z.number().int(),
  provider: z.string(),
  model: z.string(),
  /** Null when the user's account has since been deleted. */
  userEmail: z.string().nullable(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  costMicros: z.number().int(),
  latencyMs: z.number().int(),
  cacheHit: z.boolean(),
  outcome: z.string(),
});
export type AdminCall = z.infer<typeof adminCallSchema>;
export const adminCallListSchema = z.object({ calls: z.array(adminCallSchema) });
export type AdminCallList = z.infer<typeof adminCallListSchema>;
