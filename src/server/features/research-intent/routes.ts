import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import type { FastifyRouteSchemaDef } from 'fastify/types/schema.js';
import { type FastifyPluginAsyncZod, validatorCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  brandNamesResponseSchema,
  brandNamesSchema,
  intentRunListQuerySchema,
  intentRunListResponseSchema,
  intentRunParamsSchema,
  intentRunResponseSchema,
  intentUploadFormSchema,
  pastedTermsRunSchema,
} from '../../../core/research/intent-contracts.ts';
import { brandIdParamsSchema } from '../../../core/workspace/items.ts';
import { quotaHeaders } from '../../ai/quota.ts';
import { attachmentDisposition } from '../../platform/pdf.ts';
import { TIER } from '../../platform/route-limits.ts';
import type { ResearchIntentService } from './service.ts';
import { reportUpload } from './upload.ts';

const tags = ['research'];
const base = '/api/brands/:brandId/research/intent';

/**
 * The upload route's body is a multipart stream the handler reads itself (upload.ts); its schema only
 * describes the form in the API document. Params are validated by the contracts as everywhere.
 */
const streamedBodyValidator: FastifySchemaCompiler<unknown> = (route) =>
  route.httpPart === 'body'
    ? () => ({ value: undefined })
    : validatorCompiler(route as FastifyRouteSchemaDef<z.ZodType>);

/** The upload: its own context, the only one here that parses multipart bodies. */
const uploadRoutes =
  (research: ResearchIntentService): FastifyPluginAsyncZod =>
  async (app) => {
    await reportUpload.accept(app as unknown as FastifyInstance);

    app.post(
      `${base}/runs/upload`,
      {
        config: TIER.write,
        validatorCompiler: streamedBodyValidator,
        schema: {
          tags,
          summary:
            'Classify the terms of an uploaded search-term report (CSV, at most 100,000 rows and 20 MB) as multipart/form-data; the run is saved',
          consumes: ['multipart/form-data'],
          params: brandIdParamsSchema,
          body: intentUploadFormSchema,
          response: { 201: intentRunResponseSchema },
        },
      },
      async (request, reply) => {
        const { run, quota } = await research.runFromUpload(request.user.id, request.params.brandId, () =>
          reportUpload.read(request),
        );
        reply.headers(quotaHeaders(quota));
        return reply.status(201).send({ run });
      },
    );
  };

export const researchIntentRoutes =
  (research: ResearchIntentService): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(uploadRoutes(research));

    app.post(
      `${base}/runs`,
      {
        config: TIER.write,
        schema: {
          tags,
          summary:
            'Classify pasted search terms (one per line, at most 2,000) by buyer intent, grouped by theme; the run is saved',
          params: brandIdParamsSchema,
          body: pastedTermsRunSchema,
          response: { 201: intentRunResponseSchema },
        },
      },
      async (request, reply) => {
        const { run, quota } = await research.runFromPaste(
          request.user.id,
          request.params.brandId,
          request.body,
        );
        reply.headers(quotaHeaders(quota));
        return reply.status(201).send({ run });
      },
    );

    app.get(
      `${base}/runs`,
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'The brand’s buyer-intent runs, newest first, a page at a time (without their terms)',
          params: brandIdParamsSchema,
          querystring: intentRunListQuerySchema,
          response: { 200: intentRunListResponseSchema },
        },
      },
      async (request) => research.list(request.user.id, request.params.brandId, request.query),
    );

    app.get(
      `${base}/runs/:runId`,
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'One buyer-intent run with its terms grouped by theme',
          params: intentRunParamsSchema,
          response: { 200: intentRunResponseSchema },
        },
      },
      async (request) => ({
        run: await research.get(request.user.id, request.params.brandId, request.params.runId),
      }),
    );

    app.delete(
      `${base}/runs/:runId`,
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Remove a buyer-intent run from the list (soft)',
          params: intentRunParamsSchema,
        },
      },
      async (request, reply) => {
        await research.remove(request.user.id, request.params.brandId, request.params.runId);
        return reply.status(204).send();
      },
    );

    app.get(
      `${base}/runs/:runId/export.csv`,
      {
        config: TIER.read,
        schema: {
          tags,
          summary:
            'A buyer-intent run as CSV: one row per term with its theme, class, reason, volume and suggestion',
          params: intentRunParamsSchema,
        },
      },
      async (request, reply) => {
        const file = await research.exportCsv(request.user.id, request.params.brandId, request.params.runId);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', attachmentDisposition(file.fileName))
          .send(file.csv);
      },
    );

    app.get(
      `${base}/brand-names`,
      {
        config: TIER.read,
        schema: {
          tags,
          summary:
            'The brand’s own names and its competitors’, which make search terms naming them navigational',
          params: brandIdParamsSchema,
          response: { 200: brandNamesResponseSchema },
        },
      },
      async (request) => research.getBrandNames(request.user.id, request.params.brandId),
    );

    app.put(
      `${base}/brand-names`,
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Replace the brand’s list of own and competitor names (repeats and blanks removed)',
          params: brandIdParamsSchema,
          body: brandNamesSchema,
          response: { 200: brandNamesResponseSchema },
        },
      },
      async (request) => research.saveBrandNames(request.user.id, request.params.brandId, request.body),
    );
  };
