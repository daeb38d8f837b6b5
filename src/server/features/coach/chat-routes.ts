import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  chatMessageListSchema,
  chatSessionListSchema,
  chatSessionParamsSchema,
  chatSessionQuerySchema,
  chatSessionSchema,
  chatTurnSchema,
  createChatSessionSchema,
  renameChatSessionSchema,
} from '../../../core/ai/chat-contracts.ts';
import { TIER } from '../../platform/route-limits.ts';
import type { ChatService } from './chat.ts';

export const chatRoutes =
  (chat: ChatService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['ai'];
    // Streams outlive their handler (Fastify counts a reply as sent once the stream is handed over),
    // so on shutdown they are stopped — refunding their quota — and awaited before the database closes.
    const streaming = new Set<{ controller: AbortController; done: Promise<void> }>();
    app.addHook('preClose', async () => {
      for (const stream of streaming) stream.controller.abort();
      await Promise.allSettled([...streaming].map((stream) => stream.done));
    });

    app.get(
      '/api/ai/chat/sessions',
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'The user’s conversations, newest first; `q` searches titles and messages',
          querystring: chatSessionQuerySchema,
          response: { 200: chatSessionListSchema },
        },
      },
      async (request) => {
        return {
          sessions: await chat.list(request.user.id, request.query.q || undefined, request.query.brandId),
        };
      },
    );

    app.post(
      '/api/ai/chat/sessions',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Start a conversation',
          body: createChatSessionSchema,
          response: { 201: chatSessionSchema },
        },
      },
      async (request, reply) => {
        const session = await chat.create(request.user.id, request.body.brandId, request.body.title);
        return reply.status(201).send(session);
      },
    );

    app.get(
      '/api/ai/chat/sessions/:id',
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'One conversation (someone else’s or a deleted one is a 404)',
          params: chatSessionParamsSchema,
          response: { 200: chatSessionSchema },
        },
      },
      async (request) => {
        return chat.get(request.user.id, request.params.id);
      },
    );

    app.patch(
      '/api/ai/chat/sessions/:id',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Rename a conversation',
          params: chatSessionParamsSchema,
          body: renameChatSessionSchema,
          response: { 200: chatSessionSchema },
        },
      },
      async (request) => chat.rename(request.user.id, request.params.id, request.body.title),
    );

    app.delete(
      '/api/ai/chat/sessions/:id',
      {
        config: TIER.write,
        schema: { tags, summary: 'Delete a conversation', params: chatSessionParamsSchema },
      },
      async (request, reply) => {
        await chat.remove(request.user.id, request.params.id);
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/ai/chat/sessions/:id/messages',
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'A conversation’s messages, oldest first',
          params: chatSessionParamsSchema,
          response: { 200: chatMessageListSchema },
        },
      },
      async (request) => {
        return { messages: await chat.messages(request.user.id, request.params.id) };
      },
    );

    app.post(
      '/api/ai/chat/sessions/:id/messages',
      {
        config: TIER.write,
        schema: {
          tags,
          summary:
            'Send a message; the answer streams as server-sent events: `delta` {text}, then `done` {messageId, text (the stored answer, citations checked), citations, followUps, provider, notice?} or `error` {code, message}',
          params: chatSessionParamsSchema,
          body: chatTurnSchema,
        },
      },
      async (request, reply) => {
        // Anything that fails here (404, 429, …) is a normal envelope: the stream has not started.
        const turn = await chat.startTurn(request.user.id, request.params.id, request.body.content);
        const body = new PassThrough();
        const controller = new AbortController();
        // The client going away (the stop button, a closed tab) aborts the provider call.
        reply.raw.on('close', () => {
          if (!reply.raw.writableFinished) controller.abort();
        });
        const entry = {
          controller,
          done: turn
            .run(controller.signal, (event) => {
              if (!body.writableEnded)
                body.write(`event: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`);
            })
            .finally(() => {
              streaming.delete(entry);
              body.end();
            }),
        };
        streaming.add(entry);
        reply.headers({
          ...turn.headers,
          'content-type': 'text/event-stream; charset=utf-8',
          'x-accel-buffering': 'no',
        });
        // Sent through Fastify (not hijacked), so x-request-id and the security headers still apply.
        return reply.send(body);
      },
    );
  };
