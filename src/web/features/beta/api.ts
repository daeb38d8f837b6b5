import { queryOptions } from '@tanstack/react-query';
import type { StepFeedbackBody } from '../../../core/beta/contracts.ts';
import type { BetaStep } from '../../../core/beta/journey.ts';
import { request } from '../../lib/api-client.ts';

export const betaApi = {
  status: () => request('GET', '/api/beta', 'betaStatusSchema'),
  join: (textVersion: string) =>
    request('POST', '/api/beta/membership', 'betaStatusSchema', { consent: true, textVersion }),
  leave: () => request('DELETE', '/api/beta/membership', 'betaStatusSchema'),
  saveStepFeedback: (step: BetaStep, body: StepFeedbackBody) =>
    request('PUT', `/api/beta/steps/${encodeURIComponent(step)}/feedback`, 'betaStatusSchema', body),
};

export const betaKeys = { status: ['beta', 'status'] as const };

export const betaStatusQuery = queryOptions({ queryKey: betaKeys.status, queryFn: betaApi.status });
