/**
 * The feedback control's calls. Its response contract is in the public contracts chunk: the control
 * is on the public pages too, where the signed-in app's contracts are not loaded.
 */
import type { SubmitFeedbackBody } from '../../../core/feedback/contracts.ts';
import { request } from '../../lib/api-client.ts';

/** Where the ALTCHA widget fetches the proof-of-work challenge for anonymous feedback. */
export const FEEDBACK_CHALLENGE_URL = '/api/feedback/challenge';

export const feedbackApi = {
  send: (body: SubmitFeedbackBody) => request('POST', '/api/feedback', 'submitFeedbackResponseSchema', body),
};
