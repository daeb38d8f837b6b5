import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  emailPreferencesSchema,
  unsubscribeBodySchema,
  unsubscribeQuerySchema,
  unsubscribeResponseSchema,
  updateEmailPreferencesBodySchema,
} from '../../../core/email-consent/contracts.ts';
import { TIER } from '../../platform/route-limits.ts';
import { UNSUBSCRIBE_API_PATH } from './emails.ts';
import type { EmailConsentService } from './service.ts';

/** The one-click POST's body is a single short field; anything longer is not a mail provider's. */
const FORM_BODY_LIMIT_BYTES = 4096;

/**
 * A mail provider's one-click POST (RFC 8058) is form-encoded, the one place the API accepts a form.
 * Registered in this plugin's own context, so every other route still speaks JSON only.
 */
function oneClickFields(raw: string, contentType: string): Record<string, string> {
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(raw));
  }
  // multipart/form-data: only the one field matters, so it is read by name rather than fully parsed.
  const match = /name="List-Unsubscribe"\r?\n(?:[^\r\n]+\r?\n)*\r?\n([^\r\n]*)/.exec(raw);
  return match?.[1] !== undefined ? { 'List-Unsubscribe': match[1] } : {};
}

export const emailConsentRoutes =
  (consent: EmailConsentService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['email'];

    app.addContentTypeParser(
      ['application/x-www-form-urlencoded', 'multipart/form-data'],
      { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT_BYTES },
      (request, body, done) =>
        done(null, oneClickFields(String(body), request.headers['content-type'] ?? '')),
    );

    app.post(
      UNSUBSCRIBE_API_PATH,
      {
        config: TIER.public,
        schema: {
          tags,
          summary:
            'Withdraw a marketing-email consent with the signed token from its email: the unsubscribe page, or a mail provider’s one-click POST (RFC 8058). No session needed.',
          querystring: unsubscribeQuerySchema,
          body: unsubscribeBodySchema,
          response: { 200: unsubscribeResponseSchema },
        },
      },
      async (request) => {
        const viaForm = !(request.headers['content-type'] ?? '').includes('json');
        return consent.unsubscribe(request.query.token, viaForm ? 'one-click' : 'unsubscribe-link');
      },
    );

    app.get(
      '/api/settings/email-preferences',
      {
        config: TIER.read,
        schema: {
          tags,
          summary: 'Which marketing email the signed-in user gets (product tips), and the consent behind it',
          response: { 200: emailPreferencesSchema },
        },
      },
      async (request) => consent.preferences(request.user),
    );

    app.put(
      '/api/settings/email-preferences',
      {
        config: TIER.write,
        schema: {
          tags,
          summary: 'Turn product tips on (records consent, where: settings) or off (withdraws it)',
          body: updateEmailPreferencesBodySchema,
          response: { 200: emailPreferencesSchema },
        },
      },
      async (request) => consent.setProductTips(request.user, request.body.productTips),
    );
  };
