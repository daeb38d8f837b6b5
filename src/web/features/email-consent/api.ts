import { request } from '../../lib/api-client.ts';

export const emailConsentApi = {
  /** Withdraws the consent the emailed link was signed for; works signed out. */
  unsubscribe: (token: string) =>
    request(
      'POST',
      `/api/email/unsubscribe?token=${encodeURIComponent(token)}`,
      'unsubscribeResponseSchema',
      {},
    ),
};
