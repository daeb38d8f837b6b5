/**
 * The admin console's AI data: usage and spend from the ledger, the budget and its alerts, and the
 * prompt editor (drafts, publishing, rollback, preview) on top of the prompt store.
 */
import type { AdminBudget, AdminCall, AdminUsage } from '../../../core/ai/admin-contracts.ts';
import type { AiEngine } from '../../ai/engine.ts';
import { monthOf } from '../../ai/spend.ts';
import type { AppConfig } from '../../config.ts';
import type { Database } from '../../db/client.ts';

type Num = string | number;
const n = (value: Num | null | undefined) => Number(value ?? 0);

const usageColumns = `count(*) as calls,
  count(*) filter (where provider <> 'offline' and not cache_hit) as provider_calls,
  count(*) filter (where cache_hit) as cache_hits,
  coalesce(sum(cost_micros), 0) as cost_micros`;

interface UsageRow extends Record<string, unknown> {
  calls: Num;
  provider_calls: Num;
  cache_hits: Num;
  cost_micros: Num;
}

const usageOf = (row: UsageRow) => ({
  calls: n(row.calls),
  providerCalls: n(row.provider_calls),
  cacheHits: n(row.cache_hits),
  costMicros: n(row.cost_micros),
});

export function createAiAdminService(deps: { database: Database; ai: AiEngine; config: AppConfig }) {
  const { database, ai, config } = deps;

  return {
    async usage(days: number): Promise<AdminUsage> {
      const since = `now() - make_interval(days => $1::int)`;
      const perDay = await database.query<UsageRow & { day: string }>(
        `select ((created_at at time zone 'utc')::date)::text as day, ${usageColumns}
         from ai_calls where created_at >= ${since} group by 1 order by 1`,
        [days],
      );
      const perTask = await database.query<UsageRow & { task: string }>(
        `select task, ${usageColumns} from ai_calls where created_at >= ${since}
         group by task order by cost_micros desc, calls desc, task`,
        [days],
      );
      const topUsers = await database.query<{
        user_id: string;
        email: string | null;
        calls: Num;
        cost_micros: Num;
      }>(
        `select c.user_id, u.email, count(*) as calls, coalesce(sum(c.cost_micros), 0) as cost_micros
         from ai_calls c left join users u on u.id = c.user_id
         where c.created_at >= ${since} and c.user_id is not null
         group by c.user_id, u.email order by cost_micros desc, calls desc limit 10`,
        [days],
      );
      return {
        days,
        perDay: perDay.map((row) => ({ day: row.day, ...usageOf(row) })),
        perTask: perTask.map((row) => ({ task: row.task, ...usageOf(row) })),
        topUsers: topUsers.map((row) => ({
          userId: row.user_id,
          email: row.email,
          calls: n(row.calls),
          costMicros: n(row.cost_micros),
        })),
      };
    },

    async budget(): Promise<AdminBudget> {
      const month = monthOf();
      const [global] = await database.query<{ spent: Num; reserved: Num }>(
        'select spent_micros as spent, reserved_micros as reserved from ai_spend where key = $1',
        [`global:${month}`],
      );
      const alerts = await database.query<{
        month: string;
        threshold_micros: Num;
        spent_micros: Num;
        notified_count: number;
        created_at: Date | string;
      }>(
        `select month, threshold_micros, spent_micros, notified_count, created_at
         from ai_spend_alerts order by created_at desc limit 100`,
      );
      return {
        month,
        monthlyBudgetMicros: config.ai.monthlyBudgetMicros,
        userMonthlyBudgetMicros: config.ai.userMonthlyBudgetMicros,
        alertThresholdsMicros: config.ai.alertThresholdsMicros,
        dailyQuota: config.ai.dailyQuota,
        spentMicros: n(global?.spent),
        reservedMicros: n(global?.reserved),
        alerts: alerts.map((row) => ({
          month: row.month,
          thresholdMicros: n(row.threshold_micros),
          spentMicros: n(row.spent_micros),
          notifiedCount: row.notified_count,
          createdAt: new Date(row.created_at).toISOString(),
        })),
      };
    },

    /** The newest ledger rows (optionally of one task), with the prompt version each call used. */
    async recentCalls(limit: number, task?: string): Promise<AdminCall[]> {
      const rows = await database.query<{
        id: string;
        created_at: Date | string;
        task: string;
        prompt_id: string;
        prompt_version: number;
        provider: string;
        model: string;
        email: string | null;
        input_tokens: number;
        output_tokens: number;
        cost_micros: Num;
        latency_ms: number;
        cache_hit: boolean;
        outcome: string;
      }>(
        `select c.id, c.created_at, c.task, c.prompt_id, c.prompt_version, c.provider, c.model, u.email,
           c.input_tokens, c.output_tokens, c.cost_micros, c.latency_ms, c.cache_hit, c.outcome
         from ai_calls c left join users u on u.id = c.user_id
         where ($2::text is null or c.task = $2)
         order by c.created_at desc, c.id desc limit $1`,
        [limit, task ?? null],
      );
      return rows.map((row) => ({
        id: row.id,
        createdAt: new Date(row.created_at).toISOString(),
        task: row.task,
        promptId: row.prompt_id,
        promptVersion: row.prompt_version,
        provider: row.provider,
        model: row.model,
        userEmail: row.email,
        inputTokens: row.input_tokens,
        outputTokens: row.output_tokens,
        costMicros: n(row.cost_micros),
        latencyMs: row.latency_ms,
        cacheHit: row.cache_hit,
        outcome: row.outcome,
      }));
    },

    prompts: () => ai.prompts.list(),
    createDraft: (promptId: string, body: string, adminId: string) =>
      ai.prompts.createDraft(promptId, body, adminId),
    publish: (promptId: string, version: number) => ai.prompts.publishVersion(promptId, version),

    /** Runs the prompt's task with one version of it: no quota, no cache. */
    async preview(promptId: string, version: number, input: unknown, adminId: string) {
      const draft = await ai.prompts.version(promptId, version);
      return ai.previewTask({ task: promptId, userId: adminId, input, draft });
    },
  };
}
export type AiAdminService = ReturnType<typeof createAiAdminService>;
