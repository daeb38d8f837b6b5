import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import type { FastifyRouteSchemaDef } from 'fastify/types/schema.js';
import { type FastifyPluginAsyncZod, validatorCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  brandDocumentsParamsSchema,
  documentListSchema,
  documentParamsSchema,
  documentResponseSchema,
  documentTextSchema,
  documentUploadFormSchema,
  renameDocumentSchema,
} from '../../../core/knowledge/contracts.ts';
import { leastFileBytes } from '../../platform/multipart-upload.ts';
import { attachmentDisposition } from '../../platform/pdf.ts';
import { TIER } from '../../platform/route-limits.ts';
import type { DocumentService } from './service.ts';
import { documentUpload } from './upload.ts';

const tags = ['documents'];

/**
 * The upload routes' body is a multipart stream the handler reads itself (upload.ts); its schema only
 * describes the form in the API document. Params are validated by the contracts as everywhere.
 */
const streamedBodyValidator: FastifySchemaCompiler<unknown> = (route) =>
  route.httpPart === 'body'
    ? () => ({ value: undefined })
    : validatorCompiler(route as FastifyRouteSchemaDef<z.ZodType>);

/** Upload and replace: their own context, the only one that parses multipart bodies. */
const uploadRoutes =
  (documents: DocumentService): FastifyPluginAsyncZod =>
  async (app) => {
    await documentUpload.accept(app as unknown as FastifyInstance);

    app.post(
      '/api/brands/:brandId/documents',
      {
        config: TIER.write,
        validatorCompiler: streamedBodyValidator,
        schema: {
          tags,
          summary:
            'Upload one document (PDF, DOCX, TXT, Markdown or CSV; at most 10 MB) as multipart/form-data; it is processed by a job',
          consumes: ['multipart/form-data'],
          params: brandDocumentsParamsSchema,
          body: documentUploadFormSchema,
          response: { 201: documentResponseSchema },
        },
      },
      async (request, reply) => {
        const document = await documents.upload(
          request.user.id,
          request.params.brandId,
          () => documentUpload.read(request),
          leastFileBytes(request),
        );
        return reply.status(201).send({ document });
      },
    );

    app.put(
      '/api/documents/:documentId/file',
      {
        config: TIER.write,
        validatorCompiler: streamedBodyValidator,
        schema: {
          tags,
          summary: 'Replace a document’s file (same id); the new version is processed again',
          consumes: ['multipart/form-data'],
          params: documentParamsSchema,
          body: documentUploadFormSchema,
          response: { 200: documentResponseSchema },
        },
      },
      async (request) => {
        const document = await documents.replace(
          request.user.id,
          request.params.documentId,
          () => documentUpload.read(request),
          leastFileBytes(request),
        );
        return { document };
      },
    );
  };

export const documentRoutes =
  (documents: DocumentService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/brands/:brandId/documents',
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'The brand’s documents, newest first, with the bytes used of its allowance',
          params: brandDocumentsParamsSchema,
          response: { 200: documentListSchema },
        },
      },
      async (request) => documents.list(request.user.id, request.params.brandId),
    );

    app.get(
      '/api/documents/:documentId',
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'One document and its processing status',
          params: documentParamsSchema,
          response: { 200: documentResponseSchema },
        },
      },
      async (request) => ({ document: await documents.get(request.user.id, request.params.documentId) }),
    );

    app.patch(
      '/api/documents/:documentId',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Rename a document',
          params: documentParamsSchema,
          body: renameDocumentSchema,
          response: { 200: documentResponseSchema },
        },
      },
      async (request) => ({
        document: await documents.rename(request.user.id, request.params.documentId, request.body.name),
      }),
    );

    app.delete(
      '/api/documents/:documentId',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Delete a document (soft): its passages leave the index at once, its file with retention',
          params: documentParamsSchema,
        },
      },
      async (request, reply) => {
        await documents.remove(request.user.id, request.params.documentId);
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/documents/:documentId/file',
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'Download the original file',
          params: documentParamsSchema,
        },
      },
      async (request, reply) => {
        const file = await documents.file(request.user.id, request.params.documentId);
        return reply
          .type(file.mediaType)
          .header('content-disposition', attachmentDisposition(file.fileName))
          .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
      },
    );

    app.get(
      '/api/documents/:documentId/text',
      {
        config: TIER.read,
        schema: {
          tags,
          summary:
            'The extracted sections (pages, headings, rows) and where each indexed passage lies in them',
          params: documentParamsSchema,
          response: { 200: documentTextSchema },
        },
      },
      async (request) => documents.text(request.user.id, request.params.documentId),
    );

    await app.register(uploadRoutes(documents));
  };
