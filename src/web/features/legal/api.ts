import { request } from '../../lib/api-client.ts';

export const legalApi = {
  /** What this installation stores, the outside services it uses and its operator (public). */
  facts: () => request('GET', '/api/legal', 'legalFactsSchema'),
};
