/**
 * The admin's view of report-by-email leads (ADR 0053): each request with the consent words and time
 * it came with and the result it was for, where the address stands now (subscribed to tips,
 * unsubscribed, or converted to an account), the CSV export, and deleting a lead when its person asks.
 * The export and the deletion are recorded in the audit log.
 */
import { desc, eq, sql } from 'drizzle-orm';
import type {
  AdminLead,
  AdminLeadList,
  DeleteLeadResponse,
  LeadStatus,
} from '../../../core/diagnostic/lead-admin-contracts.ts';
import { ADMIN_LEADS_SHOWN, LEAD_STATUS_LABELS } from '../../../core/diagnostic/lead-admin-contracts.ts';
import { CSV_BOM, csvLine } from '../../../core/text/csv-export.ts';
import type { Database } from '../../db/client.ts';
import { diagnosticResults, emailConsents, leads, users } from '../../db/schema.ts';
import type { AuditLog } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';

export interface LeadsServiceDeps {
  database: Database;
  audit: AuditLog;
  clock: Clock;
}

export function createLeadsService({ database, audit, clock }: LeadsServiceDeps) {
  const { db } = database;

  // An account "exists with that email" whatever its case; consents store the address lower-cased.
  const converted = sql<boolean>`exists (select 1 from ${users} where lower(${users.email}) = lower(${leads.email}))`;
  const subscribed = sql<boolean>`exists (select 1 from ${emailConsents} where ${emailConsents.email} = lower(${leads.email}) and ${emailConsents.purpose} = 'product-tips' and ${emailConsents.withdrawnAt} is null)`;

  function select(limit?: number) {
    const query = db
      .select({
        id: leads.id,
        email: leads.email,
        consentText: leads.consentText,
        consentedAt: leads.consentedAt,
        sourceResultId: leads.sourceResultId,
        sourceOverallScore: diagnosticResults.overallScore,
        reportSentAt: leads.reportSentAt,
        converted,
        subscribed,
      })
      .from(leads)
      .leftJoin(diagnosticResults, eq(diagnosticResults.id, leads.sourceResultId))
      .where(sql`${leads.deletedAt} is null`)
      .orderBy(desc(leads.consentedAt), desc(leads.id));
    return limit === undefined ? query : query.limit(limit);
  }

  type Row = Awaited<ReturnType<typeof select>>[number];

  function statusOf(row: Pick<Row, 'converted' | 'subscribed'>): LeadStatus {
    // PGlite and node-postgres both return booleans here; the comparison keeps a stray 't' honest.
    if (row.converted === true) return 'converted';
    return row.subscribed === true ? 'subscribed' : 'unsubscribed';
  }

  function toLead(row: Row): AdminLead {
    return {
      id: row.id,
      email: row.email,
      consentText: row.consentText,
      consentedAt: row.consentedAt.toISOString(),
      sourceResultId: row.sourceResultId,
      sourceOverallScore: row.sourceOverallScore ?? null,
      reportSentAt: row.reportSentAt?.toISOString() ?? null,
      status: statusOf(row),
    };
  }

  return {
    async list(): Promise<AdminLeadList> {
      const [rows, [count]] = await Promise.all([
        select(ADMIN_LEADS_SHOWN),
        db.select({ total: sql<number>`count(*)::int` }).from(leads).where(sql`${leads.deletedAt} is null`),
      ]);
      return { leads: rows.map(toLead), total: count?.total ?? 0 };
    },

    /** Every lead as CSV, recorded in the audit log first (the file carries email addresses). */
    async exportCsv(actorId: string): Promise<{ fileName: string; text: string }> {
      const rows = (await select()).map(toLead);
      await audit.record({
        actorId,
        action: 'leads.export-csv',
        targetType: 'leads',
        targetId: 'all',
        after: { rows: rows.length },
      });
      let text = CSV_BOM;
      text += csvLine([
        'Email',
        'Status',
        'Consented at (UTC)',
        'Consent text',
        'Source result',
        'Source overall score',
        'Report sent at (UTC)',
      ]);
      for (const lead of rows) {
        text += csvLine([
          lead.email,
          LEAD_STATUS_LABELS[lead.status],
          lead.consentedAt,
          lead.consentText,
          lead.sourceResultId,
          lead.sourceOverallScore,
          lead.reportSentAt,
        ]);
      }
      return { fileName: `leads-${clock.now().toISOString().slice(0, 10)}.csv`, text };
    },

    /**
     * Deletes a lead for good when its person asks, with the consent records given with it (so their
     * tips stop: a tip whose consent is gone is not sent). The audit entry names the lead by id and
     * keeps no address, so the erased address does not live on in the append-only log.
     */
    async remove(actorId: string, leadId: string): Promise<DeleteLeadResponse> {
      return db.transaction(async (tx) => {
        const [lead] = await tx
          .select({ id: leads.id, consentedAt: leads.consentedAt, sourceResultId: leads.sourceResultId })
          .from(leads)
          .where(eq(leads.id, leadId))
          .for('update');
        if (!lead)
          throw new AppError(404, 'NOT_FOUND', 'That lead was not found. It may have been deleted already.');
        const consents = await tx
          .delete(emailConsents)
          .where(eq(emailConsents.leadId, leadId))
          .returning({ id: emailConsents.id });
        await tx.delete(leads).where(eq(leads.id, leadId));
        await audit.record(
          {
            actorId,
            action: 'leads.delete',
            targetType: 'lead',
            targetId: leadId,
            before: {
              consentedAt: lead.consentedAt.toISOString(),
              sourceResultId: lead.sourceResultId,
              consentRecords: consents.length,
            },
          },
          tx,
        );
        return { consentsDeleted: consents.length };
      });
    },
  };
}

export type LeadsService = ReturnType<typeof createLeadsService>;
