/**
 * The brand knowledge API: documents (upload, status, rename, delete, download, viewer) and the
 * search over everything the owner wrote, with the links a passage opens. Shared by the server
 * (validation, serialisation) and the web app.
 */
import { z } from 'zod';
import { idParam } from '../http/params.ts';
import { DOCUMENT_FORMATS, DOCUMENT_NAME_MAX, DOCUMENT_STATUSES, KNOWLEDGE_QUERY_MAX } from './documents.ts';
import { KNOWLEDGE_SOURCE_TYPES } from './sources.ts';

// The constants live in a zod-free module so pages can use them; they stay importable from here.
export {
  BRAND_DOCUMENTS_MAX_BYTES,
  DOCUMENT_FORMAT_LABELS,
  DOCUMENT_MAX_BYTES,
  type DocumentFormat,
  type DocumentStatus,
} from './documents.ts';
export {
  DOCUMENT_FORMATS,
  DOCUMENT_NAME_MAX,
  DOCUMENT_STATUSES,
  KNOWLEDGE_QUERY_MAX,
  KNOWLEDGE_SOURCE_TYPES,
};

/** The multipart form field that carries an uploaded file. */
export const DOCUMENT_UPLOAD_FIELD = 'file';
/**
 * The file names the upload picker offers. The server decides the type from the content (a PDF's
 * `%PDF-` signature, a Word file's `word/document.xml`, UTF-8 text); the ending only tells Markdown,
 * CSV and plain text apart.
 */
export const DOCUMENT_FILE_EXTENSIONS = ['.pdf', '.docx', '.txt', '.md', '.markdown', '.csv'] as const;

/**
 * `POST /api/brands/:brandId/documents` and `PUT /api/documents/:documentId/file`: one file in the
 * `file` field of a `multipart/form-data` body, read as a stream (never parsed up front).
 */
export const documentUploadFormSchema = z.strictObject({
  [DOCUMENT_UPLOAD_FIELD]: z.file().describe('The document: PDF, DOCX, TXT, Markdown or CSV, at most 10 MB.'),
});

export const documentSchema = z.object({
  id: z.uuid(),
  brandId: z.uuid(),
  name: z.string(),
  format: z.enum(DOCUMENT_FORMATS),
  sizeBytes: z.number().int().min(0),
  status: z.enum(DOCUMENT_STATUSES),
  /** Why processing failed, in words a person understands; null unless failed. */
  failureReason: z.string().nullable(),
  pageCount: z.number().int().min(0).nullable(),
  chunkCount: z.number().int().min(0),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type KnowledgeDocument = z.infer<typeof documentSchema>;

export const documentListSchema = z.object({
  documents: z.array(documentSchema),
  /** Bytes used of the brand's allowance, so the page can say how much room is left. */
  usedBytes: z.number().int().min(0),
  limitBytes: z.number().int().min(0),
});

export const documentResponseSchema = z.object({ document: documentSchema });

export const documentParamsSchema = z.strictObject({ documentId: idParam() });
export const brandDocumentsParamsSchema = z.strictObject({ brandId: idParam() });

export const renameDocumentSchema = z.strictObject({
  name: z.string().trim().min(1, 'Must not be empty').max(DOCUMENT_NAME_MAX),
});

const locatorSchema = z.object({
  page: z.number().int().optional(),
  heading: z.string().optional(),
  kind: z.string().optional(),
  rows: z.tuple([z.number().int(), z.number().int()]).optional(),
  field: z.string().optional(),
  index: z.number().int().optional(),
  parent: z.string().optional(),
  charStart: z.number().int(),
  charEnd: z.number().int(),
});

/** One extracted section of a document (a page, a heading's text, a run of CSV rows). */
export const documentSectionSchema = z.object({
  label: z.string(),
  text: z.string(),
  locator: locatorSchema.omit({ charStart: true, charEnd: true }),
});

export const documentTextSchema = z.object({
  document: documentSchema,
  sections: z.array(documentSectionSchema),
  /** The passages of the document as indexed, so the viewer can highlight the cited one. */
  passages: z.array(
    z.object({
      id: z.uuid(),
      sectionIndex: z.number().int(),
      charStart: z.number().int(),
      charEnd: z.number().int(),
    }),
  ),
});

export const knowledgeSearchQuerySchema = z.strictObject({
  q: z.string().trim().min(1, 'Type something to search for').max(KNOWLEDGE_QUERY_MAX),
  types: z
    .string()
    .max(200)
    .optional()
    .transform((value) => (value ? value.split(',').filter(Boolean) : []))
    .pipe(
      z
        .array(z.enum(KNOWLEDGE_SOURCE_TYPES, { message: 'Unknown source type' }))
        .max(KNOWLEDGE_SOURCE_TYPES.length),
    ),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const knowledgeHitSchema = z.object({
  id: z.uuid(),
  sourceType: z.enum(KNOWLEDGE_SOURCE_TYPES),
  sourceId: z.uuid(),
  label: z.string(),
  /** The matched fragments: plain and matched parts alternate (render matched ones marked). */
  snippet: z.array(z.object({ text: z.string(), match: z.boolean() })),
  locator: locatorSchema,
  /** The page that opens this passage's exact place. */
  href: z.string(),
});
export type KnowledgeHit = z.infer<typeof knowledgeHitSchema>;

export const knowledgeSearchResponseSchema = z.object({ hits: z.array(knowledgeHitSchema) });

/**
 * A numbered source the coach cited: what it says and where it opens. `n` is the number shown in
 * the answer ([1], [2]…).
 */
export const citationSchema = z.object({
  n: z.number().int().min(1),
  id: z.uuid(),
  sourceType: z.enum(KNOWLEDGE_SOURCE_TYPES),
  label: z.string(),
  quote: z.string(),
  href: z.string(),
});
export type Citation = z.infer<typeof citationSchema>;
