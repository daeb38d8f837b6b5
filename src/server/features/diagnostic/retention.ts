/**
 * The diagnostic's retention rules: anonymous results never claimed into an account go after their
 * own retention period, and spent proof-of-work challenges once they have expired.
 */
import type { AppConfig } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { daysBefore, deleteInBatches } from '../../platform/data-lifecycle/batches.ts';
import type { RetentionRule } from '../../platform/data-lifecycle/registry.ts';

export function diagnosticRetentionRules(
  database: Database,
  config: AppConfig['retention'],
): RetentionRule[] {
  return [
    {
      name: 'unclaimed:diagnostic_results',
      run: (now) =>
        deleteInBatches(
          database,
          'diagnostic_results',
          'user_id is null and created_at < $1::timestamptz',
          daysBefore(now, config.anonymousDiagnosticDays),
        ),
    },
    {
      name: 'expired:spent_challenges',
      run: (now) => deleteInBatches(database, 'spent_challenges', 'expires_at < $1::timestamptz', now),
    },
  ];
}
