/**
 * Uploaded documents (ADR 0033, ADR 0034): the rules of upload, replace, rename, delete, download and
 * the viewer's text, and the processing job's work. An upload is checked (throttle, brand, room left,
 * size, type by content) and stored with its processing job in one transaction; the job reads the
 * file in a worker with a time limit and, in one transaction, stores the sections, replaces the
 * document's passages in the knowledge index and marks it ready — or marks it failed with a reason
 * and leaves no passages. Every query is scoped to the owner: another user's document is a 404.
 */
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Section } from '../../../core/knowledge/chunking.ts';
import type { DocumentFormat, KnowledgeDocument } from '../../../core/knowledge/contracts.ts';
import {
  cleanDocumentName,
  documentDownloadName,
  documentSectionLabel,
  fileExtension,
  hasFormatExtension,
  labelDocumentSections,
  passageSections,
  sectionsAsText,
  uploadedDocumentName,
} from '../../../core/knowledge/document-text.ts';
import { formatBytes } from '../../../core/system/format.ts';
import type { AppConfig } from '../../config.ts';
import type { Database, Db } from '../../db/client.ts';
import { brands, documentFiles, documents, knowledgeChunks } from '../../db/schema.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import type { Clock } from '../../platform/clock.ts';
import type { ExportDocumentSource } from '../../platform/data-lifecycle/registry.ts';
import { AppError } from '../../platform/errors.ts';
import type { KnowledgeIndex } from '../../platform/knowledge/index.ts';
import type { UploadedFile } from '../../platform/multipart-upload.ts';
import { fileSlug } from '../../platform/pdf.ts';
import type { Throttle } from '../../platform/throttle.ts';
import type { WorkspaceStore } from '../../platform/workspace-store.ts';
import { detectDocumentFormat } from './detect.ts';
import { ExtractionFailure } from './extraction-failure.ts';
import type { ExtractionPool } from './extraction-pool.ts';

/** The job that reads an uploaded file and indexes it; its payload names the version it reads. */
export const DOCUMENT_PROCESS_JOB = 'documents.process';
/** Attempts at a run that failed for a reason other than the file (e.g. the database was away). */
export const DOCUMENT_PROCESS_ATTEMPTS = 3;

export interface ProcessPayload extends Record<string, unknown> {
  documentId: string;
  /** The version (the file's checksum) the run reads; a replaced or deleted document skips it. */
  sha256: string;
}

const GAVE_UP =
  'This file could not be processed because of a problem on our side. Upload it again, and contact us if it keeps failing.';

export const DOCUMENT_MEDIA_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

type DocumentRow = typeof documents.$inferSelect;

export interface DocumentServiceDeps {
  database: Database;
  knowledge: Pick<KnowledgeIndex, 'replaceSource' | 'removeSource'>;
  brands: Pick<WorkspaceStore, 'requireBrand'>;
  jobs: Pick<JobQueue, 'enqueueIn'>;
  throttle: Throttle;
  clock: Clock;
  config: AppConfig['documents'];
  extraction: ExtractionPool;
  log: FastifyBaseLogger;
}

function toDocument(row: DocumentRow): KnowledgeDocument {
  return {
    id: row.id,
    brandId: row.brandId,
    name: row.name,
    format: row.format as DocumentFormat,
    sizeBytes: row.sizeBytes,
    status: row.status,
    failureReason: row.status === 'failed' ? row.failureReason : null,
    pageCount: row.pageCount,
    chunkCount: row.chunkCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const notFound = () => new AppError(404, 'NOT_FOUND', 'That document was not found.');

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * When a replacement changes the format, a name ending in the old format's extension takes the new
 * one ("Plan.pdf" replaced by a Word file becomes "Plan.docx"); any other name is kept.
 */
function nameForFormat(name: string, from: DocumentFormat, to: DocumentFormat): string {
  if (from === to || !hasFormatExtension(name, from)) return name;
  const extension = fileExtension(name);
  return `${name.slice(0, name.length - extension.length - 1)}.${to}`;
}

export function createDocumentService(deps: DocumentServiceDeps) {
  const { database, knowledge, clock, config, log } = deps;
  const { db } = database;

  const minuteRule = { name: 'documents:upload:minute', max: config.uploadsPerMinute, windowSeconds: 60 };
  const dayRule = { name: 'documents:upload:day', max: config.uploadsPerDay, windowSeconds: 24 * 60 * 60 };

  async function throttleUploads(userId: string): Promise<void> {
    await deps.throttle.enforce(
      minuteRule,
      userId,
      `You have uploaded ${config.uploadsPerMinute} files in the last minute. Please wait a moment and try again.`,
    );
    await deps.throttle.enforce(
      dayRule,
      userId,
      `You have uploaded ${config.uploadsPerDay} files today, the daily limit. Please try again tomorrow.`,
    );
  }

  /** Bytes of the brand's live documents, optionally leaving one out (the one being replaced). */
  async function usedBytes(executor: Db, brandId: string, except?: string): Promise<number> {
    const [row] = await executor
      .select({ used: sql<number>`coalesce(sum(${documents.sizeBytes}), 0)::bigint` })
      .from(documents)
      .where(
        and(
          eq(documents.brandId, brandId),
          isNull(documents.deletedAt),
          except ? sql`${documents.id} <> ${except}` : undefined,
        ),
      );
    return Number(row?.used ?? 0);
  }

  /** Throws a 413 unless `adding` bytes fit beside `used`; with nothing to add yet, unless the brand is full. */
  /**
   * Throws the 413 when `adding` bytes do not fit beside `used` (with nothing to add: when the brand
   * is full). `atLeast` says `adding` is the least the file can be (from the declared length).
   */
  function assertRoom(used: number, adding: number, atLeast = false): void {
    if (adding === 0 ? used < config.brandLimitBytes : used + adding <= config.brandLimitBytes) return;
    const limit = formatBytes(config.brandLimitBytes);
    throw new AppError(
      413,
      'PAYLOAD_TOO_LARGE',
      adding === 0
        ? `This brand's documents already use all of its ${limit}. Delete a document to make room.`
        : `This file (${atLeast ? 'over ' : ''}${formatBytes(adding)}) does not fit: this brand's documents use ${formatBytes(used)} of ${limit}. Delete a document to make room.`,
    );
  }

  /** The owner's live document in a live brand, or a 404. */
  async function ownedRow(
    executor: Db,
    userId: string,
    documentId: string,
    lock = false,
  ): Promise<DocumentRow> {
    const query = executor
      .select({ document: documents })
      .from(documents)
      .innerJoin(brands, eq(brands.id, documents.brandId))
      .where(
        and(
          eq(documents.id, documentId),
          eq(documents.userId, userId),
          isNull(documents.deletedAt),
          isNull(brands.deletedAt),
        ),
      );
    const [row] = lock ? await query.for('update', { of: documents }) : await query;
    if (!row) throw notFound();
    return row.document;
  }

  /** Reads the upload (at most 10 MB) and decides its format from the content, or throws the 4xx. */
  async function receive(file: () => Promise<UploadedFile>) {
    const { fileName, bytes } = await file();
    const detection = detectDocumentFormat(bytes, fileName);
    if (!detection.ok) throw new AppError(detection.status, detection.code, detection.message);
    return { fileName, bytes, format: detection.format, sha256: sha256Of(bytes) };
  }

  /** Serialises uploads to one brand, so two at once cannot both squeeze under its allowance. */
  async function lockBrand(tx: Db, brandId: string): Promise<void> {
    await tx.execute(sql`select id from ${brands} where ${brands.id} = ${brandId} for update`);
  }

  async function setFailed(documentId: string, sha256: string, reason: string): Promise<void> {
    const now = clock.now();
    await db.transaction(async (tx) => {
      const [current] = await tx
        .select({ id: documents.id })
        .from(documents)
        .where(and(eq(documents.id, documentId), eq(documents.sha256, sha256), isNull(documents.deletedAt)))
        .for('update');
      if (!current) return;
      // A failed version leaves nothing searchable, not even the passages of the file it replaced.
      await knowledge.removeSource(tx, { sourceType: 'document', sourceId: documentId });
      await tx
        .update(documentFiles)
        .set({ sections: null, updatedAt: now })
        .where(eq(documentFiles.documentId, documentId));
      await tx
        .update(documents)
        .set({
          status: 'failed',
          failureReason: reason,
          chunkCount: 0,
          pageCount: null,
          processedAt: now,
          updatedAt: now,
        })
        .where(eq(documents.id, documentId));
    });
  }

  return {
    async list(userId: string, brandId: string) {
      await deps.brands.requireBrand(userId, brandId);
      const rows = await db
        .select()
        .from(documents)
        .where(and(eq(documents.brandId, brandId), eq(documents.userId, userId), isNull(documents.deletedAt)))
        .orderBy(desc(documents.createdAt), desc(documents.id));
      return {
        documents: rows.map(toDocument),
        usedBytes: rows.reduce((total, row) => total + row.sizeBytes, 0),
        limitBytes: config.brandLimitBytes,
      };
    },

    /**
     * Stores a new document and queues its processing. The cheap checks (throttle, brand, room left,
     * for `leastBytes` when the length was declared) come before the body is read; `file` reads it
     * (streamed, at most 10 MB).
     */
    async upload(
      userId: string,
      brandId: string,
      file: () => Promise<UploadedFile>,
      leastBytes = 0,
    ): Promise<KnowledgeDocument> {
      await throttleUploads(userId);
      await deps.brands.requireBrand(userId, brandId);
      assertRoom(await usedBytes(db, brandId), leastBytes, true);
      const upload = await receive(file);
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        await lockBrand(tx, brandId);
        assertRoom(await usedBytes(tx, brandId), upload.bytes.length);
        const [inserted] = await tx
          .insert(documents)
          .values({
            userId,
            brandId,
            name: uploadedDocumentName(upload.fileName),
            format: upload.format,
            sizeBytes: upload.bytes.length,
            sha256: upload.sha256,
            status: 'queued',
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        if (!inserted) throw new Error('document insert returned no row');
        await tx
          .insert(documentFiles)
          .values({ documentId: inserted.id, content: upload.bytes, createdAt: now, updatedAt: now });
        await deps.jobs.enqueueIn(tx, DOCUMENT_PROCESS_JOB, {
          documentId: inserted.id,
          sha256: upload.sha256,
        });
        return inserted;
      });
      log.info({ documentId: row.id, format: row.format, sizeBytes: row.sizeBytes }, 'document uploaded');
      return toDocument(row);
    },

    /**
     * Replaces a document's file, keeping its id. The previous version's passages and text stay
     * until the new one is ready (then they are replaced in one transaction) or has failed (then
     * they are removed), so the document is never half indexed.
     */
    async replace(
      userId: string,
      documentId: string,
      file: () => Promise<UploadedFile>,
      leastBytes = 0,
    ): Promise<KnowledgeDocument> {
      await throttleUploads(userId);
      const existing = await ownedRow(db, userId, documentId);
      if (leastBytes > 0) assertRoom(await usedBytes(db, existing.brandId, documentId), leastBytes, true);
      const upload = await receive(file);
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        await lockBrand(tx, existing.brandId);
        const current = await ownedRow(tx, userId, documentId, true);
        assertRoom(await usedBytes(tx, current.brandId, documentId), upload.bytes.length);
        const [updated] = await tx
          .update(documents)
          .set({
            name: nameForFormat(current.name, current.format as DocumentFormat, upload.format),
            format: upload.format,
            sizeBytes: upload.bytes.length,
            sha256: upload.sha256,
            status: 'queued',
            failureReason: null,
            updatedAt: now,
          })
          .where(eq(documents.id, documentId))
          .returning();
        if (!updated) throw notFound();
        await tx
          .update(documentFiles)
          .set({ content: upload.bytes, updatedAt: now })
          .where(eq(documentFiles.documentId, documentId));
        await deps.jobs.enqueueIn(tx, DOCUMENT_PROCESS_JOB, { documentId, sha256: upload.sha256 });
        return updated;
      });
      log.info({ documentId, format: row.format, sizeBytes: row.sizeBytes }, 'document file replaced');
      return toDocument(row);
    },

    async get(userId: string, documentId: string): Promise<KnowledgeDocument> {
      return toDocument(await ownedRow(db, userId, documentId));
    },

    /** Renames the document; its passages' labels (which carry the name) change with it. */
    async rename(userId: string, documentId: string, requested: string): Promise<KnowledgeDocument> {
      const name = cleanDocumentName(requested);
      if (!name) {
        throw new AppError(400, 'VALIDATION_FAILED', 'The name has no visible characters.', {
          details: [{ path: 'body.name', message: 'Must not be empty' }],
        });
      }
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        await ownedRow(tx, userId, documentId, true);
        const [updated] = await tx
          .update(documents)
          .set({ name, updatedAt: now })
          .where(eq(documents.id, documentId))
          .returning();
        if (!updated) throw notFound();
        const chunks = await tx
          .select({ id: knowledgeChunks.id, locator: knowledgeChunks.locator })
          .from(knowledgeChunks)
          .where(and(eq(knowledgeChunks.sourceType, 'document'), eq(knowledgeChunks.sourceId, documentId)));
        if (chunks.length > 0) {
          const labels = chunks.map((chunk) => ({
            id: chunk.id,
            label: documentSectionLabel(chunk.locator, name),
          }));
          await tx.execute(sql`
            update ${knowledgeChunks} set label = relabelled.label
            from jsonb_to_recordset(${JSON.stringify(labels)}::jsonb) as relabelled(id uuid, label text)
            where ${knowledgeChunks.id} = relabelled.id`);
        }
        const [stored] = await tx
          .select({ sections: documentFiles.sections })
          .from(documentFiles)
          .where(eq(documentFiles.documentId, documentId));
        if (stored?.sections) {
          await tx
            .update(documentFiles)
            .set({ sections: labelDocumentSections(stored.sections, name), updatedAt: now })
            .where(eq(documentFiles.documentId, documentId));
        }
        return updated;
      });
      return toDocument(row);
    },

    /** Soft delete: the passages go at once (nothing is found any more), the bytes with retention. */
    async remove(userId: string, documentId: string): Promise<void> {
      const now = clock.now();
      await db.transaction(async (tx) => {
        await ownedRow(tx, userId, documentId, true);
        await tx
          .update(documents)
          .set({ deletedAt: now, updatedAt: now })
          .where(eq(documents.id, documentId));
        await knowledge.removeSource(tx, { sourceType: 'document', sourceId: documentId });
      });
      log.info({ documentId }, 'document deleted');
    },

    /** The original file as uploaded, with the name to save it under. */
    async file(userId: string, documentId: string) {
      const row = await ownedRow(db, userId, documentId);
      const [file] = await db
        .select({ content: documentFiles.content })
        .from(documentFiles)
        .where(eq(documentFiles.documentId, documentId));
      if (!file) throw notFound();
      const format = row.format as DocumentFormat;
      return {
        bytes: file.content,
        mediaType: DOCUMENT_MEDIA_TYPES[format],
        fileName: documentDownloadName(row.name, format),
      };
    },

    /**
     * What the viewer shows: the sections of the last version that was read, and where each indexed
     * passage lies in them (so a citation can highlight its passage).
     */
    async text(userId: string, documentId: string) {
      const row = await ownedRow(db, userId, documentId);
      const [[stored], chunks] = await Promise.all([
        db
          .select({ sections: documentFiles.sections })
          .from(documentFiles)
          .where(eq(documentFiles.documentId, documentId)),
        db
          .select({ id: knowledgeChunks.id, text: knowledgeChunks.text, locator: knowledgeChunks.locator })
          .from(knowledgeChunks)
          .where(and(eq(knowledgeChunks.sourceType, 'document'), eq(knowledgeChunks.sourceId, documentId)))
          .orderBy(asc(knowledgeChunks.position)),
      ]);
      const sections: Section[] = stored?.sections ?? [];
      return {
        document: toDocument(row),
        sections: sections.map(({ label, text, locator }) => ({ label, text, locator })),
        passages: passageSections(sections, chunks),
      };
    },

    /**
     * The processing job's work for one version of a document. A run for a version that was replaced
     * or deleted meanwhile does nothing. A file that cannot be read fails the document with its reason
     * (and the run succeeds: retrying would read the same bytes); any other error fails the run so it
     * is retried, and on the last attempt the document fails too.
     */
    async process(payload: ProcessPayload, attempt: number): Promise<void> {
      const { documentId, sha256 } = payload;
      const now = clock.now();
      const [claimed] = await db
        .update(documents)
        .set({ status: 'processing', updatedAt: now })
        .where(
          and(
            eq(documents.id, documentId),
            eq(documents.sha256, sha256),
            isNull(documents.deletedAt),
            inArray(documents.status, ['queued', 'processing']),
          ),
        )
        .returning();
      if (!claimed) return;
      const [file] = await db
        .select({ content: documentFiles.content })
        .from(documentFiles)
        .where(eq(documentFiles.documentId, documentId));
      if (!file) return;

      let extracted: { sections: Section[]; pageCount: number | null };
      const started = performance.now();
      try {
        extracted = await deps.extraction.extract({
          bytes: file.content,
          format: claimed.format as DocumentFormat,
          name: claimed.name,
        });
      } catch (error) {
        if (error instanceof ExtractionFailure) {
          log.info({ documentId, kind: error.kind, cause: error.cause }, 'document could not be read');
          await setFailed(documentId, sha256, error.message);
          return;
        }
        if (attempt >= DOCUMENT_PROCESS_ATTEMPTS) await setFailed(documentId, sha256, GAVE_UP);
        throw error;
      }

      const outcome = await db.transaction(async (tx) => {
        const [current] = await tx
          .select({ name: documents.name, userId: documents.userId, brandId: documents.brandId })
          .from(documents)
          .where(and(eq(documents.id, documentId), eq(documents.sha256, sha256), isNull(documents.deletedAt)))
          .for('update');
        // Replaced or deleted while it was being read: the newer state wins.
        if (!current) return null;
        // Renamed while it was being read: the labels carry the current name.
        const sections = labelDocumentSections(extracted.sections, current.name);
        await tx
          .update(documentFiles)
          .set({ sections, updatedAt: now })
          .where(eq(documentFiles.documentId, documentId));
        const chunkCount = await knowledge.replaceSource(tx, {
          userId: current.userId,
          brandId: current.brandId,
          sourceType: 'document',
          sourceId: documentId,
          sections,
        });
        await tx
          .update(documents)
          .set({
            status: 'ready',
            failureReason: null,
            chunkCount,
            pageCount: extracted.pageCount,
            processedAt: now,
            updatedAt: now,
          })
          .where(eq(documents.id, documentId));
        return chunkCount;
      });
      if (outcome !== null) {
        log.info(
          { documentId, chunkCount: outcome, elapsedMs: Math.round(performance.now() - started) },
          'document ready',
        );
      }
    },

    /** The account export's `documents/uploads/`: each live document's original and its text. */
    exportSource(): ExportDocumentSource {
      return {
        name: 'uploads',
        description: 'the documents you uploaded, as uploaded, each with its extracted text (<file>.txt)',
        async list(userId) {
          const rows = await db
            .select({ document: documents })
            .from(documents)
            .innerJoin(brands, eq(brands.id, documents.brandId))
            .where(and(eq(documents.userId, userId), isNull(documents.deletedAt), isNull(brands.deletedAt)))
            .orderBy(asc(documents.createdAt));
          return rows.flatMap(({ document }) => {
            const format = document.format as DocumentFormat;
            const stem = documentDownloadName(document.name, format).replace(/\.[^.]*$/, '');
            const fileName = `${fileSlug(stem, 'document')}-${document.id.slice(0, 8)}.${format}`;
            const original = {
              fileName,
              compressed: format === 'pdf' || format === 'docx',
              async content() {
                const [file] = await db
                  .select({ content: documentFiles.content })
                  .from(documentFiles)
                  .where(eq(documentFiles.documentId, document.id));
                return file?.content ?? new Uint8Array();
              },
            };
            if (document.status !== 'ready') return [original];
            return [
              original,
              {
                fileName: `${fileName}.txt`,
                compressed: false,
                async content() {
                  const [file] = await db
                    .select({ sections: documentFiles.sections })
                    .from(documentFiles)
                    .where(eq(documentFiles.documentId, document.id));
                  return new TextEncoder().encode(sectionsAsText(document.name, file?.sections ?? []));
                },
              },
            ];
          });
        },
      };
    },
  };
}

export type DocumentService = ReturnType<typeof createDocumentService>;
