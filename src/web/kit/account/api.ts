import { type Ok, request } from '../../lib/api-client.ts';

export const accountApi = {
  sendVerificationEmail: (): Promise<Ok> => request('POST', '/api/auth/send-verification-email', 'okSchema'),
};
