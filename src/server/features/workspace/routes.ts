import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  brandBodySchema,
  brandIdParamsSchema,
  brandListResponseSchema,
  brandResponseSchema,
  collectionParamsSchema,
  createItemBodySchema,
  itemIdParamsSchema,
  itemListResponseSchema,
  itemResponseSchema,
  restoreRevisionBodySchema,
  revisionListResponseSchema,
  revisionParamsSchema,
  revisionResponseSchema,
  saveItemBodySchema,
  saveItemResponseSchema,
  singletonParamsSchema,
} from '../../../core/workspace/items.ts';
import { TIER } from '../../platform/route-limits.ts';
import type { WorkspaceStore } from '../../platform/workspace-store.ts';

export const workspaceRoutes =
  (workspace: WorkspaceStore): FastifyPluginAsyncZod =>
  async (app) => {
    const brandTags = ['brands'];
    const tags = ['workspace'];

    app.get(
      '/api/brands',
      {
        config: TIER.read,
        schema: {
          tags: brandTags,
          summary: 'The user’s brands (a default one always exists)',
          response: { 200: brandListResponseSchema },
        },
      },
      async (request) => ({ brands: await workspace.listBrands(request.user.id) }),
    );

    app.post(
      '/api/brands',
      {
        config: TIER.newBrand,
        schema: {
          tags: brandTags,
          summary: 'Create a brand',
          body: brandBodySchema,
          response: { 201: brandResponseSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send({ brand: await workspace.createBrand(request.user.id, request.body.name) }),
    );

    app.patch(
      '/api/brands/:brandId',
      {
        config: TIER.write,
        schema: {
          tags: brandTags,
          summary: 'Rename a brand',
          params: brandIdParamsSchema,
          body: brandBodySchema,
          response: { 200: brandResponseSchema },
        },
      },
      async (request) => ({
        brand: await workspace.renameBrand(request.user.id, request.params.brandId, request.body.name),
      }),
    );

    app.delete(
      '/api/brands/:brandId',
      {
        config: TIER.write,
        schema: {
          tags: brandTags,
          summary: 'Delete a brand (soft; not the last one)',
          params: brandIdParamsSchema,
        },
      },
      async (request, reply) => {
        await workspace.deleteBrand(request.user.id, request.params.brandId);
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/brands/:brandId/items/:kind',
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'A one-per-brand item (worksheet, canvas…); never saved → empty at version 0',
          params: singletonParamsSchema,
          response: { 200: itemResponseSchema },
        },
      },
      async (request) => ({
        item: await workspace.getSingleton(request.user.id, request.params.brandId, request.params.kind),
      }),
    );

    app.put(
      '/api/brands/:brandId/items/:kind',
      {
        config: TIER.write,
        schema: {
          tags,
          summary:
            'Save a one-per-brand item on top of `baseVersion`; a newer copy saved elsewhere is merged field by field (409 with the fields changed on both sides)',
          params: singletonParamsSchema,
          body: saveItemBodySchema,
          response: { 200: saveItemResponseSchema },
        },
      },
      async (request) =>
        workspace.saveSingleton(request.user.id, request.params.brandId, request.params.kind, request.body),
    );

    app.get(
      '/api/brands/:brandId/collections/:kind',
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'The brand’s items of a collection kind (avatars)',
          params: collectionParamsSchema,
          response: { 200: itemListResponseSchema },
        },
      },
      async (request) => ({
        items: await workspace.listCollection(request.user.id, request.params.brandId, request.params.kind),
      }),
    );

    app.post(
      '/api/brands/:brandId/collections/:kind',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Create an item in a collection (an avatar)',
          params: collectionParamsSchema,
          body: createItemBodySchema,
          response: { 201: itemResponseSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send({
          item: await workspace.createInCollection(
            request.user.id,
            request.params.brandId,
            request.params.kind,
            request.body,
          ),
        }),
    );

    app.get(
      '/api/items/:itemId',
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'An item by id',
          params: itemIdParamsSchema,
          response: { 200: itemResponseSchema },
        },
      },
      async (request) => ({
        item: await workspace.getItem(request.user.id, request.params.itemId),
      }),
    );

    app.put(
      '/api/items/:itemId',
      {
        config: TIER.write,
        schema: {
          tags,
          summary:
            'Save an item on top of `baseVersion`; a newer copy saved elsewhere is merged field by field (409 with the fields changed on both sides)',
          params: itemIdParamsSchema,
          body: saveItemBodySchema,
          response: { 200: saveItemResponseSchema },
        },
      },
      async (request) => workspace.saveItem(request.user.id, request.params.itemId, request.body),
    );

    app.delete(
      '/api/items/:itemId',
      { config: TIER.write, schema: { tags, summary: 'Delete an item (soft)', params: itemIdParamsSchema } },
      async (request, reply) => {
        await workspace.deleteItem(request.user.id, request.params.itemId);
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/items/:itemId/duplicate',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Copy a collection item (an avatar)',
          params: itemIdParamsSchema,
          response: { 201: itemResponseSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send({ item: await workspace.duplicateItem(request.user.id, request.params.itemId) }),
    );

    app.get(
      '/api/items/:itemId/revisions',
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'The item’s saved versions, newest first (the last 50)',
          params: itemIdParamsSchema,
          response: { 200: revisionListResponseSchema },
        },
      },
      async (request) => ({
        revisions: await workspace.listRevisions(request.user.id, request.params.itemId),
      }),
    );

    app.get(
      '/api/items/:itemId/revisions/:version',
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'One saved version of the item',
          params: revisionParamsSchema,
          response: { 200: revisionResponseSchema },
        },
      },
      async (request) => ({
        revision: await workspace.getRevision(request.user.id, request.params.itemId, request.params.version),
      }),
    );

    app.post(
      '/api/items/:itemId/revisions/:version/restore',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Restore a saved version (as a new version; 409 if `baseVersion` is stale)',
          params: revisionParamsSchema,
          body: restoreRevisionBodySchema,
          response: { 200: itemResponseSchema },
        },
      },
      async (request) => ({
        item: await workspace.restoreRevision(
          request.user.id,
          request.params.itemId,
          request.params.version,
          request.body.baseVersion,
        ),
      }),
    );
  };
