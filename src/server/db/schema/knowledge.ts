/**
 * Brand knowledge: uploaded documents (the original bytes kept in the database, ADR 0033) and one
 * search index of passages over everything the owner wrote — document chunks, workspace fields,
 * reviews, diagnostics. Each passage keeps its locator so a citation opens the exact place.
 */
import { sql } from 'drizzle-orm';
import { customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ChunkLocator, Section } from '../../../core/knowledge/chunking.ts';
import { DOCUMENT_STATUSES } from '../../../core/knowledge/contracts.ts';
import { KNOWLEDGE_SOURCE_TYPES } from '../../../core/knowledge/sources.ts';
import { timestamps } from '../columns.ts';
import { users } from './auth.ts';
import { brands } from './workspace.ts';

/** Raw bytes; node-postgres answers a Buffer, PGlite a Uint8Array: both are Uint8Arrays. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Detected from the content: pdf, docx, txt, md or csv. */
    format: text('format').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    status: text('status', { enum: DOCUMENT_STATUSES }).notNull().default('queued'),
    /** Why processing failed, in words a person understands. */
    failureReason: text('failure_reason'),
    pageCount: integer('page_count'),
    chunkCount: integer('chunk_count').notNull().default(0),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    index('documents_brand_id_idx').on(table.brandId, table.createdAt),
    index('documents_user_id_idx').on(table.userId),
  ],
);

/** The original file and what was extracted from it, apart from the list so listing stays light. */
export const documentFiles = pgTable('document_files', {
  documentId: uuid('document_id')
    .primaryKey()
    .references(() => documents.id, { onDelete: 'cascade' }),
  content: bytea('content').notNull(),
  /** The extracted sections (page, heading or row range with its text), for the viewer and export. */
  sections: jsonb('sections').$type<Section[]>(),
  ...timestamps,
});

export const knowledgeChunks = pgTable(
  'knowledge_chunks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    sourceType: text('source_type', { enum: KNOWLEDGE_SOURCE_TYPES }).notNull(),
    /** The document, workspace item or diagnostic result the passage comes from. */
    sourceId: uuid('source_id').notNull(),
    /** Order within the source. */
    position: integer('position').notNull(),
    label: text('label').notNull(),
    text: text('text').notNull(),
    locator: jsonb('locator').$type<ChunkLocator>().notNull(),
    /** Stored in the row, not in TOAST (storage "main", migration 0017): every search reads it. */
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('english', label), 'B') || setweight(to_tsvector('english', text), 'A')`,
      ),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('knowledge_chunks_search_idx').using('gin', table.search),
    index('knowledge_chunks_brand_id_idx').on(table.brandId, table.sourceType),
    // A source's passages are found by (source_id, source_type), which every save and removal names:
    // with both in one index the plan never scans the brand index for the type (ADR 0063).
    index('knowledge_chunks_source_id_type_idx').on(table.sourceId, table.sourceType),
    index('knowledge_chunks_user_id_idx').on(table.userId),
  ],
);
