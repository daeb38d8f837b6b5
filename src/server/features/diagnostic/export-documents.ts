/**
 * The files each feature adds to the account export. A feature with generated or uploaded files adds
 * its source here (or registers it from its own module) with `registerExportDocuments`.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { diagnosticResults } from '../../db/schema.ts';
import type { ExportDocumentSource } from '../../platform/data-lifecycle/registry.ts';
import type { DiagnosticService } from './service.ts';

/** The PDF report of every diagnostic the user took (rendered now, as the app would show it). */
export function diagnosticReportDocuments(
  database: Database,
  diagnostic: Pick<DiagnosticService, 'reportPdf'>,
): ExportDocumentSource {
  return {
    name: 'diagnostic-reports',
    description: 'the PDF report of each diagnostic you took',
    async list(userId) {
      const rows = await database.db
        .select({ id: diagnosticResults.id, createdAt: diagnosticResults.createdAt })
        .from(diagnosticResults)
        .where(and(eq(diagnosticResults.userId, userId), isNull(diagnosticResults.deletedAt)))
        .orderBy(asc(diagnosticResults.createdAt));
      return rows.map((row) => ({
        fileName: `diagnostic-${row.createdAt.toISOString().slice(0, 10)}-${row.id.slice(0, 8)}.pdf`,
        compressed: true,
        // Rendered through the same owner check as the download link.
        content: () => diagnostic.reportPdf(row.id, { userId, anonymousToken: null, ip: 'account-export' }),
      }));
    },
  };
}
