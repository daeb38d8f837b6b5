/**
 * What each feature contributes to the data lifecycle, collected at start-up: files for the account
 * export (rendered reports, uploaded originals) and retention rules (what to delete, and when). The
 * account export and the daily retention job read this registry; they never import a feature, so a
 * new feature joins both by registering here from the app's composition root.
 */

/** A file added to the export next to the data, e.g. a rendered report or an uploaded original. */
export interface ExportDocument {
  /** Path inside the archive's `documents/<source>/` folder, e.g. `diagnostic-2026-11-26-ab12cd34.pdf`. */
  fileName: string;
  /** Already-compressed formats (PDF, images, Office files) are stored rather than deflated again. */
  compressed: boolean;
  content(): Promise<Uint8Array>;
}

/** A feature's contribution to the export. */
export interface ExportDocumentSource {
  /** Folder name under `documents/`, e.g. `diagnostic-reports`. */
  name: string;
  /** One line for README.txt saying what these files are. */
  description: string;
  list(userId: string): Promise<ExportDocument[]>;
}

/**
 * A table whose rows the export leaves out of `data/`, because they are a copy of something the export
 * already holds in a better form (the uploaded originals as files; the search index built from the
 * rest). Said in README.txt, so nothing is missing silently.
 */
export interface ExportExclusion {
  table: string;
  /** Completes "data/<table>.json is not included: …" in README.txt. */
  reason: string;
}

/**
 * One retention rule: deletes what is due at `now` and returns how many rows went. It must be
 * idempotent (a second run deletes nothing more), because the job may be retried on any instance.
 */
export interface RetentionRule {
  /** Stable name used in logs and the job's report, e.g. `expired:ai_cache`. */
  name: string;
  run(now: Date): Promise<number>;
}

/** The rule that purges accounts whose deletion grace period has ended; its count is reported apart. */
export const ACCOUNT_PURGE_RULE = 'accounts';

export function createDataLifecycle() {
  const documentSources: ExportDocumentSource[] = [];
  const retentionRules: RetentionRule[] = [];
  const exportExclusions: ExportExclusion[] = [];

  function unique(kind: string, name: string, taken: readonly { name: string }[]): void {
    if (taken.some((existing) => existing.name === name)) {
      throw new Error(`A ${kind} named "${name}" is already registered`);
    }
  }

  return {
    registerExportDocuments(source: ExportDocumentSource): void {
      unique('export document source', source.name, documentSources);
      documentSources.push(source);
    },
    excludeFromExport(exclusion: ExportExclusion): void {
      unique(
        'export exclusion',
        exclusion.table,
        exportExclusions.map((taken) => ({ name: taken.table })),
      );
      exportExclusions.push(exclusion);
    },
    /** Rules run in the order they were registered. */
    registerRetentionRule(rule: RetentionRule): void {
      unique('retention rule', rule.name, retentionRules);
      retentionRules.push(rule);
    },
    exportDocumentSources: (): readonly ExportDocumentSource[] => documentSources,
    retentionRules: (): readonly RetentionRule[] => retentionRules,
    exportExclusions: (): readonly ExportExclusion[] => exportExclusions,
  };
}

export type DataLifecycle = ReturnType<typeof createDataLifecycle>;
