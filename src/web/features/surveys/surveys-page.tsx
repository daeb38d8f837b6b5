/**
 * A brand's surveys (`/app/research/surveys`): start one from a template (the IDEA customer-insight
 * survey, a post-purchase check-in, brand perception) or blank, and open each one's builder or
 * results. Templates are written with the brand's name by the server when the survey is made.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useNavigate } from 'react-router';
import { surveyBuilderPath, surveyResultsPath } from '../../../core/navigation/pages.ts';
import type { CreateSurveyBody } from '../../../core/surveys/contracts.ts';
import { SURVEY_LIMITS } from '../../../core/surveys/limits.ts';
import { surveyTemplates } from '../../../core/surveys/templates.ts';
import { countOf } from '../../../core/text/plural.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { PageLoader } from '../../components/spinner.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { useCurrentBrand } from '../../kit/workspace/brand.ts';
import { BrandSwitcher } from '../../kit/workspace/brand-switcher.tsx';
import { describeError } from '../../lib/api-client.ts';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { formatDate } from '../../lib/format-date.ts';
import { surveyApi, surveyKeys, surveyListQuery } from './api.ts';
import { SurveyStatusBadge } from './survey-status.tsx';

function StartSurvey({ brandId, brandName, full }: { brandId: string; brandName: string; full: boolean }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const headingId = useId();
  const create = useMutation({
    mutationFn: (body: CreateSurveyBody) => surveyApi.create(brandId, body),
    onSuccess: async ({ survey }) => {
      await queryClient.invalidateQueries({ queryKey: surveyKeys.brand(brandId) });
      navigate(surveyBuilderPath(survey.id));
    },
  });
  const templates = surveyTemplates(brandName);

  if (full) {
    return (
      <Alert tone="info" title={`${brandName} has ${countOf(SURVEY_LIMITS.surveysPerBrand, 'survey')}`}>
        <p>That is as many as a brand holds. Delete old surveys to start another.</p>
      </Alert>
    );
  }
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="text-lg font-semibold text-slate-900">
        Start a survey
      </h2>
      {create.isError ? <Alert tone="error">{describeError(create.error)}</Alert> : null}
      <ul className="grid gap-3 sm:grid-cols-2">
        {templates.map((template) => (
          <li key={template.id}>
            <Card className="flex h-full flex-col gap-3">
              <h3 className="font-semibold text-slate-900">{template.name}</h3>
              <p className="flex-1 text-sm text-slate-700">{template.description}</p>
              <p className="text-sm text-slate-600">{countOf(template.questions.length, 'question')}</p>
              <Button
                variant="secondary"
                pending={create.isPending && create.variables?.template === template.id}
                pendingLabel="Creating…"
                disabled={create.isPending}
                onClick={() => create.mutate({ template: template.id })}
              >
                Use this template<span className="sr-only"> for {template.name}</span>
              </Button>
            </Card>
          </li>
        ))}
        <li>
          <Card className="flex h-full flex-col gap-3">
            <h3 className="font-semibold text-slate-900">Blank survey</h3>
            <p className="flex-1 text-sm text-slate-700">Write your own questions from scratch.</p>
            <Button
              variant="secondary"
              pending={create.isPending && !create.variables?.template}
              pendingLabel="Creating…"
              disabled={create.isPending}
              onClick={() => create.mutate({ title: 'Untitled survey' })}
            >
              Start blank
            </Button>
          </Card>
        </li>
      </ul>
    </section>
  );
}

export default function SurveysPage() {
  useDocumentTitle('Surveys');
  const { brand, isLoading: brandsLoading, error: brandsError } = useCurrentBrand();
  const list = useQuery({ ...surveyListQuery(brand?.id ?? ''), enabled: Boolean(brand) });
  const listId = useId();
  const surveys = list.data?.surveys ?? [];

  return (
    <div className="mx-auto w-full max-w-4xl space-y-6 px-4 py-8 sm:px-6 sm:py-10">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Surveys</h1>
        <p className="text-slate-700">
          Ask customers directly. Publish a survey to a link anyone can answer without an account, then read
          the answers per question here.
        </p>
        <BrandSwitcher />
      </div>
      {brandsError ? <Alert tone="error">{describeError(brandsError)}</Alert> : null}
      {brandsLoading || (brand && list.isPending) ? <PageLoader variant="inline" label="Loading…" /> : null}
      {list.isError ? (
        <Alert tone="error" title="We couldn’t load the surveys">
          <p>{describeError(list.error)}</p>
          <Button variant="secondary" pending={list.isFetching} onClick={() => void list.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : null}
      {brand && list.data ? (
        <>
          <StartSurvey
            brandId={brand.id}
            brandName={brand.name}
            full={surveys.length >= SURVEY_LIMITS.surveysPerBrand}
          />
          <Card>
            <h2 id={listId} className="text-lg font-semibold text-slate-900">
              {brand.name}’s surveys
            </h2>
            {surveys.length === 0 ? (
              <p className="mt-2 text-slate-700">No surveys yet. Start one from a template above.</p>
            ) : (
              <ul aria-labelledby={listId} className="divide-y divide-slate-200">
                {surveys.map((survey) => (
                  <li
                    key={survey.id}
                    className="flex flex-col gap-2 py-4 sm:flex-row sm:items-center sm:justify-between"
                  >
                    <div className="min-w-0 space-y-1">
                      <p className="font-semibold break-words text-slate-900">{survey.title}</p>
                      <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
                        <SurveyStatusBadge survey={survey} />
                        <span>{countOf(survey.responseCount, 'answer')}</span>
                        <span>· created {formatDate(survey.createdAt)}</span>
                      </p>
                    </div>
                    <div className="flex shrink-0 gap-4">
                      <TextLink to={surveyBuilderPath(survey.id)}>
                        {survey.status === 'draft' ? 'Edit' : 'Manage'}
                        <span className="sr-only"> “{survey.title}”</span>
                      </TextLink>
                      {survey.status === 'draft' ? null : (
                        <TextLink to={surveyResultsPath(survey.id)}>
                          Results<span className="sr-only"> of “{survey.title}”</span>
                        </TextLink>
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </>
      ) : null}
    </div>
  );
}
