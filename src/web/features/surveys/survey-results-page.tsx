/**
 * A survey's results (`/app/research/surveys/:surveyId/results`): per question a bar chart with the
 * same numbers in a table beside it (the chart is hidden from screen readers, which read the table),
 * the average of a 1–5 scale, the Net Promoter Score, and the text answers as plain text. The CSV
 * download has every answer.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { PAGE_PATHS, surveyBuilderPath } from '../../../core/navigation/pages.ts';
import type { SurveyQuestion, SurveyQuestionResult, SurveyResults } from '../../../core/surveys/contracts.ts';
import { SURVEY_LIMITS, type TextSentiment } from '../../../core/surveys/limits.ts';
import { countOf } from '../../../core/text/plural.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { ScrollTable } from '../../components/scroll-table.tsx';
import { PageLoader } from '../../components/spinner.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { useCurrentBrand } from '../../kit/workspace/brand.ts';
import { describeError, isApiError } from '../../lib/api-client.ts';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { formatDateTime } from '../../lib/format-date.ts';
import { surveyApi, surveyResultsQuery } from './api.ts';
import { SurveyStatusBadge } from './survey-status.tsx';

const percent = (count: number, of: number) => (of === 0 ? 0 : Math.round((count / of) * 100));

function CountsChart({ counts, answered }: { counts: { label: string; count: number }[]; answered: number }) {
  return (
    <div aria-hidden="true" className="space-y-1.5">
      {counts.map((entry) => (
        <div
          key={entry.label}
          className="grid grid-cols-[minmax(0,8rem)_1fr_3rem] items-center gap-2 text-sm"
        >
          <span className="truncate text-slate-700">{entry.label}</span>
          <span className="h-4 rounded bg-slate-100">
            <span
              className="block h-4 rounded bg-brand-600"
              style={{ width: `${percent(entry.count, answered)}%` }}
            />
          </span>
          <span className="text-right text-slate-700 tabular-nums">{percent(entry.count, answered)}%</span>
        </div>
      ))}
    </div>
  );
}

function CountsTable({
  caption,
  counts,
  answered,
}: {
  caption: string;
  counts: { label: string; count: number }[];
  answered: number;
}) {
  return (
    <ScrollTable caption={caption}>
      <thead>
        <tr className="border-b border-slate-200 text-left text-sm">
          <th scope="col" className="px-3 py-2 font-semibold">
            Answer
          </th>
          <th scope="col" className="px-3 py-2 text-right font-semibold">
            People
          </th>
          <th scope="col" className="px-3 py-2 text-right font-semibold">
            Share
          </th>
        </tr>
      </thead>
      <tbody>
        {counts.map((entry) => (
          <tr key={entry.label} className="border-b border-slate-100 text-sm last:border-0">
            <th scope="row" className="px-3 py-2 text-left font-normal break-words">
              {entry.label}
            </th>
            <td className="px-3 py-2 text-right tabular-nums">{entry.count}</td>
            <td className="px-3 py-2 text-right tabular-nums">{percent(entry.count, answered)}%</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

const SENTIMENT_LABELS: Record<TextSentiment, string> = {
  positive: 'positive',
  negative: 'negative',
  mixed: 'mixed',
  neutral: 'no opinion',
};

type TextResult = Extract<SurveyQuestionResult, { answers: unknown }>;

/** What the review engine read in the newest text answers: their mood and the subjects they name. */
function TextReading({ result, number }: { result: TextResult; number: number }) {
  const { sentiment, themes } = result;
  if (sentiment.analysed === 0) return null;
  return (
    <div className="space-y-3">
      <p className="text-slate-900">
        {sentiment.analysed === result.answered
          ? 'Sentiment'
          : `Sentiment of the newest ${sentiment.analysed}`}
        : {sentiment.positive} positive, {sentiment.mixed} mixed, {sentiment.negative} negative,{' '}
        {sentiment.neutral} with no opinion.
      </p>
      {themes.length > 0 ? (
        <ScrollTable caption={`What people wrote about in question ${number}`}>
          <thead>
            <tr className="border-b border-slate-200 text-left text-sm">
              <th scope="col" className="px-3 py-2 font-semibold">
                Subject
              </th>
              <th scope="col" className="px-3 py-2 text-right font-semibold">
                Answers
              </th>
              <th scope="col" className="px-3 py-2 text-right font-semibold">
                Praise
              </th>
              <th scope="col" className="px-3 py-2 text-right font-semibold">
                Complaints
              </th>
            </tr>
          </thead>
          <tbody>
            {themes.map((theme) => (
              <tr key={theme.label} className="border-b border-slate-100 text-sm last:border-0">
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  {theme.label}
                </th>
                <td className="px-3 py-2 text-right tabular-nums">{theme.mentions}</td>
                <td className="px-3 py-2 text-right tabular-nums">{theme.positive}</td>
                <td className="px-3 py-2 text-right tabular-nums">{theme.negative}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      ) : null}
    </div>
  );
}

function QuestionResult({
  question,
  result,
  number,
}: {
  question: SurveyQuestion;
  result: SurveyQuestionResult;
  number: number;
}) {
  const caption = `Answers to question ${number}`;
  return (
    <Card className="space-y-4">
      <div className="space-y-1">
        <h2 className="font-semibold break-words text-slate-900">
          {number}. {question.prompt}
        </h2>
        <p className="text-sm text-slate-600">
          {countOf(result.answered, 'answer')}
          {result.type === 'multiple-choice' ? ' (people could choose several options)' : ''}
        </p>
      </div>
      {result.type === 'scale' ? (
        <p className="text-slate-900">
          Average:{' '}
          <strong>{result.average === null ? 'no answers yet' : `${result.average} out of 5`}</strong>
        </p>
      ) : null}
      {result.type === 'nps' ? (
        <p className="text-slate-900">
          Net Promoter Score: <strong>{result.score === null ? 'no answers yet' : result.score}</strong>{' '}
          <span className="text-sm text-slate-600">
            ({countOf(result.promoters, 'promoter')}, {countOf(result.passives, 'passive')},{' '}
            {countOf(result.detractors, 'detractor')})
          </span>
        </p>
      ) : null}
      {'counts' in result ? (
        <>
          <CountsChart counts={result.counts} answered={result.answered} />
          <CountsTable caption={caption} counts={result.counts} answered={result.answered} />
        </>
      ) : null}
      {'answers' in result ? (
        result.answers.length === 0 ? (
          <p className="text-slate-700">No answers yet.</p>
        ) : (
          <>
            <TextReading result={result} number={number} />
            <ul className="divide-y divide-slate-200" aria-label={caption}>
              {result.answers.map((answer, index) => (
                // Two people may write the same words; their order is what tells them apart.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above.
                <li key={index} className="space-y-1 py-3">
                  <p className="whitespace-pre-line break-words text-slate-900">{answer.text}</p>
                  <p className="text-xs text-slate-600">
                    {formatDateTime(answer.submittedAt)}
                    {answer.sentiment ? ` · ${SENTIMENT_LABELS[answer.sentiment]}` : ''}
                  </p>
                </li>
              ))}
            </ul>
            {result.answered > result.answers.length ? (
              <p className="text-sm text-slate-600">
                The newest {SURVEY_LIMITS.textAnswersListed} are shown; the CSV download has all{' '}
                {result.answered}.
              </p>
            ) : null}
          </>
        )
      ) : null}
    </Card>
  );
}

function Results({ brandId, results }: { brandId: string; results: SurveyResults }) {
  const download = useMutation({ mutationFn: () => surveyApi.downloadCsv(brandId, results.survey.id) });
  const byId = new Map(results.questions.map((result) => [result.questionId, result]));
  return (
    <div className="space-y-6">
      <Card className="space-y-3">
        <div className="flex flex-wrap items-center gap-3">
          <SurveyStatusBadge survey={results.survey} />
          <span className="text-slate-900">{countOf(results.responses, 'response')}</span>
          {results.lastResponseAt ? (
            <span className="text-sm text-slate-600">latest {formatDateTime(results.lastResponseAt)}</span>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <Button
            variant="secondary"
            pending={download.isPending}
            pendingLabel="Preparing…"
            onClick={() => download.mutate()}
          >
            Download CSV
          </Button>
          <TextLink to={surveyBuilderPath(results.survey.id)}>Manage the survey</TextLink>
        </div>
        {download.isError ? <Alert tone="error">{describeError(download.error)}</Alert> : null}
      </Card>
      {results.responses === 0 ? (
        <Alert tone="info" title="No answers yet">
          <p>Share the survey’s public link; answers appear here as they arrive.</p>
        </Alert>
      ) : null}
      {results.survey.questions.map((question, index) => {
        const result = byId.get(question.id);
        return result ? (
          <QuestionResult key={question.id} question={question} result={result} number={index + 1} />
        ) : null;
      })}
    </div>
  );
}

export default function SurveyResultsPage() {
  const { surveyId = '' } = useParams();
  const { brand, isLoading: brandsLoading, error: brandsError } = useCurrentBrand();
  const query = useQuery({ ...surveyResultsQuery(brand?.id ?? '', surveyId), enabled: Boolean(brand) });
  useDocumentTitle(query.data ? `Results: ${query.data.survey.title}` : 'Survey results');
  const notFound = isApiError(query.error) && (query.error.status === 404 || query.error.status === 400);

  return (
    <div className="mx-auto w-full max-w-3xl space-y-6 px-4 py-8 sm:px-6 sm:py-10">
      <div className="space-y-2">
        <TextLink to={PAGE_PATHS.surveys}>All surveys</TextLink>
        <h1 className="text-2xl font-bold tracking-tight break-words text-slate-900 sm:text-3xl">
          {query.data ? `Results: ${query.data.survey.title}` : 'Survey results'}
        </h1>
      </div>
      {brandsError ? <Alert tone="error">{describeError(brandsError)}</Alert> : null}
      {brandsLoading || (brand && query.isPending) ? <PageLoader variant="inline" label="Loading…" /> : null}
      {notFound ? (
        <Alert tone="warning" title="Survey not found">
          <p>There is no such survey in {brand?.name ?? 'this brand'}.</p>
        </Alert>
      ) : query.isError ? (
        <Alert tone="error" title="We couldn’t load the results">
          <p>{describeError(query.error)}</p>
          <Button variant="secondary" pending={query.isFetching} onClick={() => void query.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : null}
      {brand && query.data ? <Results brandId={brand.id} results={query.data} /> : null}
    </div>
  );
}
