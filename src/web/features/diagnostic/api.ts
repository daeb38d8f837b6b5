import type { QueryClient } from '@tanstack/react-query';
import type { SessionResponse } from '../../../core/auth/contracts.ts';
import type { LeadCaptureBody, SubmitDiagnosticBody } from '../../../core/diagnostic/contracts.ts';
import { currentBrandId } from '../../kit/workspace/brand.ts';
import { type Ok, type ResponseOf, request } from '../../lib/api-client.ts';
import { sessionQueryKey } from '../../lib/session.ts';

export type DiagnosticResultResponse = ResponseOf<'diagnosticResultResponseSchema'>;

/** Result ids are UUIDs; anything else is not worth a round trip. */
export function isResultId(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

function resultPath(id: string): string {
  return `/api/diagnostic/results/${encodeURIComponent(id)}`;
}

/** Where the PDF report of a result downloads from (same owner rules as the result itself). */
export function diagnosticReportUrl(id: string): string {
  return `${resultPath(id)}/report.pdf`;
}

/** The ALTCHA widget fetches its proof-of-work challenge from here. */
export const ALTCHA_CHALLENGE_URL = '/api/diagnostic/altcha-challenge';

/** Taking the diagnostic and reading one result; the signed-in history is kit/diagnostic's. */
export const diagnosticApi = {
  /**
   * Takes the diagnostic. Used as a mutation function, it gets the query client, and a signed-in
   * taker's result is for the brand the app currently shows (anonymous results get theirs when
   * claimed at sign-in).
   */
  submitDiagnostic: async (
    body: SubmitDiagnosticBody,
    context?: { client: QueryClient },
  ): Promise<DiagnosticResultResponse> => {
    const client = context?.client;
    const signedIn = Boolean(client?.getQueryData<SessionResponse>(sessionQueryKey)?.user);
    const brandId = body.brandId ?? (client && signedIn ? await currentBrandId(client) : null);
    return request(
      'POST',
      '/api/diagnostic/results',
      'diagnosticResultResponseSchema',
      brandId ? { ...body, brandId } : body,
    );
  },
  getDiagnosticResult: (id: string): Promise<DiagnosticResultResponse> =>
    request('GET', resultPath(id), 'diagnosticResultResponseSchema'),
  emailDiagnosticReport: (id: string, body: LeadCaptureBody): Promise<Ok> =>
    request('POST', `${resultPath(id)}/lead`, 'okSchema', body),
};
