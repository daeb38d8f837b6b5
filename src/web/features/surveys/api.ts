/** The owner's survey endpoints and queries: the list, the builder, publishing, results and export. */
import { queryOptions } from '@tanstack/react-query';
import type { CreateSurveyBody, UpdateSurveyBody } from '../../../core/surveys/contracts.ts';
import { brandApiPath } from '../../kit/workspace/brand.ts';
import { downloadFile, type Ok, request } from '../../lib/api-client.ts';
import { saveFile } from '../../lib/save-file.ts';

export const surveyKeys = {
  all: ['surveys'] as const,
  brand: (brandId: string) => ['surveys', brandId] as const,
  one: (brandId: string, surveyId: string) => ['surveys', brandId, surveyId] as const,
  results: (brandId: string, surveyId: string) => ['surveys', brandId, surveyId, 'results'] as const,
};

const listPath = (brandId: string) => `${brandApiPath(brandId)}/surveys`;
const surveyPath = (brandId: string, surveyId: string) =>
  `${listPath(brandId)}/${encodeURIComponent(surveyId)}`;

export const surveyApi = {
  list: (brandId: string) => request('GET', listPath(brandId), 'surveyListSchema'),
  get: (brandId: string, surveyId: string) =>
    request('GET', surveyPath(brandId, surveyId), 'surveyResponseSchema'),
  create: (brandId: string, body: CreateSurveyBody) =>
    request('POST', listPath(brandId), 'surveyResponseSchema', body),
  update: (brandId: string, surveyId: string, body: UpdateSurveyBody) =>
    request('PATCH', surveyPath(brandId, surveyId), 'surveyResponseSchema', body),
  remove: (brandId: string, surveyId: string): Promise<Ok> =>
    request('DELETE', surveyPath(brandId, surveyId), 'okSchema'),
  publish: (brandId: string, surveyId: string) =>
    request('POST', `${surveyPath(brandId, surveyId)}/publish`, 'surveyResponseSchema'),
  close: (brandId: string, surveyId: string) =>
    request('POST', `${surveyPath(brandId, surveyId)}/close`, 'surveyResponseSchema'),
  results: (brandId: string, surveyId: string) =>
    request('GET', `${surveyPath(brandId, surveyId)}/results`, 'surveyResultsSchema'),
  /** Fetches the CSV first, so a failure is a message on the page, then hands it to the browser. */
  async downloadCsv(brandId: string, surveyId: string): Promise<void> {
    const file = await downloadFile(`${surveyPath(brandId, surveyId)}/responses.csv`);
    saveFile(file.blob, file.filename ?? 'survey-responses.csv');
  },
};

export function surveyListQuery(brandId: string) {
  return queryOptions({ queryKey: surveyKeys.brand(brandId), queryFn: () => surveyApi.list(brandId) });
}

export function surveyQuery(brandId: string, surveyId: string) {
  return queryOptions({
    queryKey: surveyKeys.one(brandId, surveyId),
    queryFn: () => surveyApi.get(brandId, surveyId),
  });
}

export function surveyResultsQuery(brandId: string, surveyId: string) {
  return queryOptions({
    queryKey: surveyKeys.results(brandId, surveyId),
    queryFn: () => surveyApi.results(brandId, surveyId),
  });
}
