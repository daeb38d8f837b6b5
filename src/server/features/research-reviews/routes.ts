import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import type { FastifyRouteSchemaDef } from 'fastify/types/schema.js';
import { type FastifyPluginAsyncZod, validatorCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  acceptFindingResponseSchema,
  acceptFindingSchema,
  findingProposalsQuerySchema,
  findingProposalsResponseSchema,
  reviewCsvPreviewResponseSchema,
  reviewRowsQuerySchema,
  reviewRowsResponseSchema,
  reviewRunListQuerySchema,
  reviewRunListResponseSchema,
  reviewRunParamsSchema,
  reviewRunRequestSchema,
  reviewRunResponseSchema,
  reviewUploadFormSchema,
  reviewUploadQuerySchema,
} from '../../../core/research-reviews/contracts.ts';
import { brandIdParamsSchema } from '../../../core/workspace/items.ts';
import { attachmentDisposition, sendPdf } from '../../platform/pdf.ts';
import { TIER } from '../../platform/route-limits.ts';
import type { ReviewResearchService } from './service.ts';
import { readUploadedCsv, reviewUpload } from './upload.ts';

const tags = ['research'];
const base = '/api/brands/:brandId/research/reviews';

/**
 * The upload routes' bodies are multipart streams the handlers read themselves (upload.ts); their
 * schema only describes the form in the API document. Params and query are validated as everywhere.
 */
const streamedBodyValidator: FastifySchemaCompiler<unknown> = (route) =>
  route.httpPart === 'body'
    ? () => ({ value: undefined })
    : validatorCompiler(route as FastifyRouteSchemaDef<z.ZodType>);

/** The uploads: their own context, the only one here that parses multipart bodies. */
const uploadRoutes =
  (reviews: ReviewResearchService): FastifyPluginAsyncZod =>
  async (app) => {
    await reviewUpload.accept(app as unknown as FastifyInstance);

    app.post(
      `${base}/csv-preview`,
      {
        config: TIER.write,
        validatorCompiler: streamedBodyValidator,
        schema: {
          tags,
          summary:
            'Read the header of a review CSV (multipart/form-data): its columns, the columns recognised for text, rating, date and source, the row count and the first rows; nothing is saved',
          consumes: ['multipart/form-data'],
          params: brandIdParamsSchema,
          body: reviewUploadFormSchema,
          response: { 200: reviewCsvPreviewResponseSchema },
        },
      },
      async (request) => ({
        preview: await reviews.preview(request.user.id, request.params.brandId, () =>
          readUploadedCsv(request),
        ),
      }),
    );

    app.post(
      `${base}/runs/upload`,
      {
        config: TIER.write,
        validatorCompiler: streamedBodyValidator,
        schema: {
          tags,
          summary:
            'Analyse the reviews of an uploaded CSV (multipart/form-data, at most 5,000 rows and 5 MB); the query names the columns to read (others are recognised from the header); the run is saved',
          consumes: ['multipart/form-data'],
          params: brandIdParamsSchema,
          querystring: reviewUploadQuerySchema,
          body: reviewUploadFormSchema,
          response: { 201: reviewRunResponseSchema },
        },
      },
      async (request, reply) => {
        const run = await reviews.runFromUpload(request.user.id, request.params.brandId, request.query, () =>
          readUploadedCsv(request),
        );
        return reply.status(201).send({ run });
      },
    );
  };

export const reviewResearchRoutes =
  (reviews: ReviewResearchService): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('onClose', async () => {
      await reviews.close();
    });
    await app.register(uploadRoutes(reviews));

    app.post(
      `${base}/runs`,
      {
        config: TIER.write,
        schema: {
          tags,
          summary:
            'Analyse pasted reviews (one per blank-line-separated block, or one per line) or an avatar’s saved reviews; the run is saved',
          params: brandIdParamsSchema,
          body: reviewRunRequestSchema,
          response: { 201: reviewRunResponseSchema },
        },
      },
      async (request, reply) => {
        const run = await reviews.run(request.user.id, request.params.brandId, request.body);
        return reply.status(201).send({ run });
      },
    );

    app.get(
      `${base}/runs`,
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'The brand’s review runs, newest first, a page at a time (without their results)',
          params: brandIdParamsSchema,
          querystring: reviewRunListQuerySchema,
          response: { 200: reviewRunListResponseSchema },
        },
      },
      async (request) => reviews.list(request.user.id, request.params.brandId, request.query),
    );

    app.get(
      `${base}/runs/:runId`,
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'One review run with its themes, quotes, trend, mismatches, triggers and key phrases',
          params: reviewRunParamsSchema,
          response: { 200: reviewRunResponseSchema },
        },
      },
      async (request) => ({
        run: await reviews.get(request.user.id, request.params.brandId, request.params.runId),
      }),
    );

    app.get(
      `${base}/runs/:runId/reviews`,
      {
        config: TIER.read,
        schema: {
          tags,
          summary:
            'A run’s reviews with their sentiment and themes, a page at a time, optionally of one sentiment',
          params: reviewRunParamsSchema,
          querystring: reviewRowsQuerySchema,
          response: { 200: reviewRowsResponseSchema },
        },
      },
      async (request) =>
        reviews.reviews(request.user.id, request.params.brandId, request.params.runId, request.query),
    );

    app.delete(
      `${base}/runs/:runId`,
      {
        config: TIER.write,
        schema: { tags, summary: 'Remove a review run from the list (soft)', params: reviewRunParamsSchema },
      },
      async (request, reply) => {
        await reviews.remove(request.user.id, request.params.brandId, request.params.runId);
        return reply.status(204).send();
      },
    );

    app.get(
      `${base}/runs/:runId/export.csv`,
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'A review run as CSV: one row per review with rating, date, source, sentiment and themes',
          params: reviewRunParamsSchema,
        },
      },
      async (request, reply) => {
        const file = await reviews.exportCsv(request.user.id, request.params.brandId, request.params.runId);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', attachmentDisposition(file.fileName))
          .send(file.csv);
      },
    );

    app.get(
      `${base}/runs/:runId/export.pdf`,
      {
        config: TIER.pdf,
        schema: { tags, summary: 'A review run as a PDF report (download)', params: reviewRunParamsSchema },
      },
      async (request, reply) =>
        sendPdf(
          reply,
          await reviews.exportPdf(request.user.id, request.params.brandId, request.params.runId),
        ),
    );

    app.get(
      `${base}/runs/:runId/proposals`,
      {
        config: TIER.read,
        schema: {
          tags,
          summary:
            'Findings of a run proposed for an avatar (complaints as fears, praise as desires) or a canvas text field, each with the current and proposed text',
          params: reviewRunParamsSchema,
          querystring: findingProposalsQuerySchema,
          response: { 200: findingProposalsResponseSchema },
        },
      },
      async (request) => ({
        proposals: await reviews.proposals(
          request.user.id,
          request.params.brandId,
          request.params.runId,
          request.query,
        ),
      }),
    );

    app.post(
      `${base}/runs/:runId/proposals/accept`,
      {
        config: TIER.write,
        schema: {
          tags,
          summary:
            'Save an accepted finding as a normal versioned save; 409 with the current item when it changed since `baseVersion`',
          params: reviewRunParamsSchema,
          body: acceptFindingSchema,
          response: { 200: acceptFindingResponseSchema },
        },
      },
      async (request) =>
        reviews.accept(request.user.id, request.params.brandId, request.params.runId, request.body),
    );
  };
