/**
 * Spending control and the cost ledger. Before a provider call its worst-case cost (input estimate
 * plus the task's maximum output, at the model's price) is reserved against the monthly global and
 * per-user caps; afterwards the reservation is swapped for the real cost. A reservation is admitted
 * only while committed spend (spent + reserved) is below the cap, in one conditional upsert per
 * row — so concurrent calls can overshoot a cap by at most one call's worst case.
 */
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { formatMonth, SERVER_TIME_ZONE } from '../../core/text/dates.ts';
import type { AppConfig, ModelPrice } from '../config.ts';
import { MICROS_PER_USD } from '../config.ts';
import type { Database } from '../db/client.ts';
import { aiCalls } from '../db/schema.ts';
import type { Mailer } from '../platform/mailer.ts';

/** Cost in micro-dollars: a price per million tokens is exactly micro-dollars per token. */
export function costMicros(price: ModelPrice, inputTokens: number, outputTokens: number): number {
  return Math.ceil(inputTokens * price.inputPerMTok + outputTokens * price.outputPerMTok);
}

export function monthOf(date = new Date()): string {
  return date.toISOString().slice(0, 7);
}

export interface Reservation {
  month: string;
  userId: string;
  amountMicros: number;
}

export type ReserveResult = { ok: true; reservation: Reservation } | { ok: false; scope: 'global' | 'user' };

export interface CallRecord {
  userId: string;
  task: string;
  provider: 'offline' | 'openai-compatible';
  model: string;
  promptId: string;
  promptVersion: number;
  inputTokens: number;
  outputTokens: number;
  costMicros: number;
  latencyMs: number;
  cacheHit: boolean;
  outcome: 'ok' | 'fallback-outage' | 'fallback-cap' | 'invalid-output' | 'error' | 'aborted';
  attempts: number;
}

const usd = (micros: number) => `$${(micros / MICROS_PER_USD).toFixed(2)}`;

export function createSpendControl(deps: {
  database: Database;
  mailer: Mailer;
  config: AppConfig['ai'];
  log: FastifyBaseLogger;
}) {
  const { database, mailer, config, log } = deps;
  // Every AI answer writes one: prepared once (named statement, SQL built once; ADR 0055).
  const value = (name: keyof CallRecord) => sql.placeholder(name);
  const recordCall = database.db
    .insert(aiCalls)
    .values({
      userId: value('userId'),
      task: value('task'),
      provider: value('provider'),
      model: value('model'),
      promptId: value('promptId'),
      promptVersion: value('promptVersion'),
      inputTokens: value('inputTokens'),
      outputTokens: value('outputTokens'),
      costMicros: value('costMicros'),
      latencyMs: value('latencyMs'),
      cacheHit: value('cacheHit'),
      outcome: value('outcome'),
      attempts: value('attempts'),
    })
    .returning({ id: aiCalls.id })
    .prepare('ai_calls_record');

  async function reserveRow(key: string, month: string, userId: string | null, amount: number, cap: number) {
    if (cap <= 0) return false;
    const rows = await database.query(
      `insert into ai_spend as s (key, month, user_id, spent_micros, reserved_micros)
         values ($1, $2, $3, 0, $4)
       on conflict (key) do update set reserved_micros = s.reserved_micros + $4, updated_at = now()
         where s.spent_micros + s.reserved_micros < $5
       returning key`,
      [key, month, userId, amount, cap],
    );
    return rows.length > 0;
  }

  async function settleRow(key: string, reserved: number, actual: number): Promise<number> {
    const [row] = await database.query<{ spent: string | number }>(
      `update ai_spend set reserved_micros = greatest(reserved_micros - $2, 0),
         spent_micros = spent_micros + $3, updated_at = now()
       where key = $1 returning spent_micros as spent`,
      [key, reserved, actual],
    );
    return Number(row?.spent ?? 0);
  }

  const globalKey = (month: string) => `global:${month}`;
  const userKey = (month: string, userId: string) => `user:${userId}:${month}`;

  /** Emails admins once per (month, threshold) crossed; the unique row is the "once". */
  async function checkAlerts(month: string, spent: number): Promise<void> {
    for (const threshold of config.alertThresholdsMicros) {
      if (spent < threshold) break;
      const inserted = await database.query(
        `insert into ai_spend_alerts (month, threshold_micros, spent_micros) values ($1, $2, $3)
         on conflict (month, threshold_micros) do nothing returning id`,
        [month, threshold, spent],
      );
      if (inserted.length === 0) continue;
      const admins = await database.query<{ email: string }>("select email from users where role = 'admin'");
      let notified = 0;
      for (const admin of admins) {
        try {
          // If the mail server fails, the mailer queues the message for retry (the jobs queue backs
          // off and tries again), so the alert still arrives — and the row above keeps it once.
          const period = formatMonth(`${month}-01T00:00:00Z`, { timeZone: SERVER_TIME_ZONE });
          await mailer.send({
            to: admin.email,
            subject: `AI spending passed ${usd(threshold)} in ${period}`,
            text: `AI spending this month (${period}) has reached ${usd(spent)}, passing the ${usd(threshold)} alert threshold. The monthly cap is ${usd(config.monthlyBudgetMicros)}; at the cap the coach answers from the offline coach.`,
            html: `<p>AI spending this month (${period}) has reached <strong>${usd(spent)}</strong>, passing the ${usd(threshold)} alert threshold.</p><p>The monthly cap is ${usd(config.monthlyBudgetMicros)}; at the cap the coach answers from the offline coach.</p>`,
          });
          notified += 1;
        } catch (error) {
          log.error({ err: error, threshold }, 'AI spending alert email could be neither sent nor queued');
        }
      }
      await database.query(
        'update ai_spend_alerts set notified_count = $2, updated_at = now() where id = $1',
        [(inserted[0] as { id: string }).id, notified],
      );
      log.warn({ month, threshold, spent }, 'AI spending alert threshold crossed');
    }
  }

  return {
    /** Reserves `amountMicros` against both caps, or neither. */
    async reserve(userId: string, amountMicros: number): Promise<ReserveResult> {
      const month = monthOf();
      if (!(await reserveRow(globalKey(month), month, null, amountMicros, config.monthlyBudgetMicros))) {
        return { ok: false, scope: 'global' };
      }
      if (
        !(await reserveRow(
          userKey(month, userId),
          month,
          userId,
          amountMicros,
          config.userMonthlyBudgetMicros,
        ))
      ) {
        await settleRow(globalKey(month), amountMicros, 0);
        return { ok: false, scope: 'user' };
      }
      return { ok: true, reservation: { month, userId, amountMicros } };
    },

    /** Swaps a reservation for the real cost (0 when the call produced nothing billable). */
    async settle(reservation: Reservation, actualMicros: number): Promise<void> {
      const { month, userId, amountMicros } = reservation;
      await settleRow(userKey(month, userId), amountMicros, actualMicros);
      const spent = await settleRow(globalKey(month), amountMicros, actualMicros);
      if (actualMicros > 0) {
        try {
          await checkAlerts(month, spent);
        } catch (error) {
          log.error({ err: error }, 'AI spending alert check failed');
        }
      }
    },

    /** Writes the call's ledger row and returns its id (answers carry it, so they can be rated). */
    async record(call: CallRecord): Promise<string> {
      const [row] = await recordCall.execute({ ...call });
      if (!row) throw new Error('the AI call ledger insert returned no row');
      return row.id;
    },
  };
}
export type SpendControl = ReturnType<typeof createSpendControl>;
