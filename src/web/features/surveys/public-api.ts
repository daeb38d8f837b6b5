/**
 * The public link's endpoints, apart from the owner's so the public page loads none of the signed-in
 * app's code: reading the survey, the proof-of-work challenge and sending the answers.
 */
import type { SubmitSurveyResponseBody } from '../../../core/surveys/contracts.ts';
import { request } from '../../lib/api-client.ts';

const publicPath = (slug: string) => `/api/public/surveys/${encodeURIComponent(slug)}`;

/** Where the ALTCHA widget fetches the survey's proof-of-work challenge. */
export const surveyChallengeUrl = (slug: string) => `${publicPath(slug)}/challenge`;

export const publicSurveyApi = {
  get: (slug: string) => request('GET', publicPath(slug), 'publicSurveySchema'),
  answer: (slug: string, body: SubmitSurveyResponseBody) =>
    request('POST', `${publicPath(slug)}/responses`, 'submitSurveyResponseSchema', body),
};
