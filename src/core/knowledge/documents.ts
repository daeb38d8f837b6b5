/**
 * What a brand document can be — formats, statuses, limits — free of the schema library, so the
 * pages can name them without downloading zod (the schemas in ./contracts.ts re-export them).
 */

export const DOCUMENT_FORMATS = ['pdf', 'docx', 'txt', 'md', 'csv'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];
export const DOCUMENT_FORMAT_LABELS: Record<DocumentFormat, string> = {
  pdf: 'PDF',
  docx: 'Word (DOCX)',
  txt: 'Text',
  md: 'Markdown',
  csv: 'CSV',
};

/** The file name endings a picker offers; the server still checks each file by its content. */
export const DOCUMENT_EXTENSIONS = ['.pdf', '.docx', '.txt', '.md', '.csv'] as const;

export const DOCUMENT_STATUSES = ['queued', 'processing', 'ready', 'failed'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** Largest file accepted. */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
/** All of a brand's live documents together. */
export const BRAND_DOCUMENTS_MAX_BYTES = 100 * 1024 * 1024;
export const DOCUMENT_NAME_MAX = 200;
export const KNOWLEDGE_QUERY_MAX = 300;
