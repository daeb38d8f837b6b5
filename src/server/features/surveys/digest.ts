/**
 * The daily email about new survey answers: once a day (the `surveys.digest` job), each owner whose
 * surveys received answers since the last digest gets one email listing them with a link to the
 * results, unless they turned it off in Settings. Only verified addresses are written to. Every
 * survey counted is marked as digested up to the run's start, opted-out owners' too, so turning the
 * email back on never sends a backlog.
 */
import { inArray } from 'drizzle-orm';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { countOf } from '../../../core/text/plural.ts';
import type { AppConfig } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { surveys } from '../../db/schema.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { HOUR_MS, MINUTE_MS } from '../../platform/clock.ts';
import { type Mailer, renderActionEmail } from '../../platform/mailer.ts';

export const SURVEY_DIGEST_JOB = 'surveys.digest';

type NewAnswers = {
  survey_id: string;
  title: string;
  brand_name: string;
  user_id: string;
  email: string;
  name: string;
  email_verified: boolean;
  opted_out: boolean;
  new_answers: number;
};

export interface SurveyDigestDeps {
  database: Database;
  mailer: Mailer;
  config: Pick<AppConfig, 'publicUrl'>;
}

/** Sends the digests of answers stored up to `through`; returns how many emails went out. */
export async function sendSurveyDigests(
  { database, mailer, config }: SurveyDigestDeps,
  through: Date,
): Promise<number> {
  const rows = await database.query<NewAnswers>(
    `select s.id as survey_id, s.title, b.name as brand_name, u.id as user_id, u.email, u.name,
            u.email_verified, (o.user_id is not null) as opted_out, count(r.id)::int as new_answers
       from surveys s
       join brands b on b.id = s.brand_id and b.deleted_at is null
       join users u on u.id = s.user_id
       join survey_responses r on r.survey_id = s.id
            and r.created_at > coalesce(s.digested_through, '-infinity'::timestamptz)
            and r.created_at <= $1
       left join survey_digest_opt_outs o on o.user_id = s.user_id
      where s.deleted_at is null
        and not exists (select 1 from account_deletions d where d.user_id = s.user_id)
      group by s.id, b.name, u.id, o.user_id
      order by u.id, count(r.id) desc, s.title`,
    [through.toISOString()],
  );
  const byOwner = new Map<string, NewAnswers[]>();
  for (const row of rows) byOwner.set(row.user_id, [...(byOwner.get(row.user_id) ?? []), row]);

  let sent = 0;
  const resultsUrl = new URL(PAGE_PATHS.surveys, config.publicUrl).toString();
  const settingsUrl = new URL(PAGE_PATHS.settings, config.publicUrl).toString();
  for (const owned of byOwner.values()) {
    const [owner] = owned;
    if (!owner) continue;
    if (owner.email_verified && !owner.opted_out) {
      const total = owned.reduce((sum, row) => sum + row.new_answers, 0);
      const list = owned.map(
        (row) => `“${row.title}” (${row.brand_name}): ${countOf(row.new_answers, 'new answer')}`,
      );
      await mailer.send(
        renderActionEmail({
          to: owner.email,
          subject: `${countOf(total, 'new survey answer')} since yesterday`,
          greetingName: owner.name,
          intro: `Your surveys received ${countOf(total, 'new answer')}. ${list.join('; ')}.`,
          actionLabel: 'Read the answers',
          actionUrl: resultsUrl,
          outro: `You get this email at most once a day, only when there are new answers. To stop it, turn off the survey digest in Settings: ${settingsUrl}`,
        }),
      );
      sent += 1;
    }
    await database.db
      .update(surveys)
      .set({ digestedThrough: through })
      .where(
        inArray(
          surveys.id,
          owned.map((row) => row.survey_id),
        ),
      );
  }
  return sent;
}

export function registerSurveyDigest(queue: JobQueue, deps: SurveyDigestDeps): void {
  queue.register({
    name: SURVEY_DIGEST_JOB,
    schedule: { every: 'day' },
    maxAttempts: 5,
    backoff: { baseMs: 10 * MINUTE_MS, maxMs: 2 * HOUR_MS },
    leaseMs: HOUR_MS,
    handler: async (_payload, context) => {
      await sendSurveyDigests(deps, context.startedAt);
    },
  });
}
