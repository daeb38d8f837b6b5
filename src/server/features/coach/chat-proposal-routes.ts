import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  acceptProposalBodySchema,
  proposalParamsSchema,
  proposalResponseSchema,
} from '../../../core/coach/proposal-contracts.ts';
import { TIER } from '../../platform/route-limits.ts';
import type { ChatProposalService } from './chat-proposals.ts';

export const chatProposalRoutes =
  (proposals: ChatProposalService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['ai'];

    app.post(
      '/api/ai/chat/messages/:messageId/proposals/:proposalId/accept',
      {
        config: TIER.write,
        schema: {
          tags,
          summary:
            'Accept a coach proposal: saves its text (or `text`, the owner’s edit) as a new version marked as from the coach. Accepting again changes nothing; a field changed since the coach read it is a 409 with `current` {currentText, version}.',
          params: proposalParamsSchema,
          body: acceptProposalBodySchema,
          response: { 200: proposalResponseSchema },
        },
      },
      async (request) => {
        const { messageId, proposalId } = request.params;
        return {
          proposal: await proposals.accept(request.user.id, messageId, proposalId, request.body),
        };
      },
    );

    app.post(
      '/api/ai/chat/messages/:messageId/proposals/:proposalId/dismiss',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Dismiss a coach proposal (nothing is written; dismissing again changes nothing)',
          params: proposalParamsSchema,
          response: { 200: proposalResponseSchema },
        },
      },
      async (request) => {
        const { messageId, proposalId } = request.params;
        return { proposal: await proposals.dismiss(request.user.id, messageId, proposalId) };
      },
    );
  };
