/**
 * A survey's public link (`/s/:slug`): anyone answers it without an account, on a phone as well as a
 * desktop. The page loads little code of its own (no zod until the first request, no form library);
 * the proof-of-work widget downloads only when its box comes into view. Required questions are
 * checked here first, the server checks everything again, and its answer (closed, already answered,
 * a field to fix, too many answers) is shown as it says it.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { PublicSurvey, SurveyAnswers, SurveyAnswerValue } from '../../../core/surveys/contracts.ts';
import { SURVEY_SLUG_PATTERN } from '../../../core/surveys/limits.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { NoIndex } from '../../components/no-index.tsx';
import { PageLoader } from '../../components/spinner.tsx';
import { AltchaField } from '../../kit/proof-of-work/altcha-field.tsx';
import { describeError, isApiError } from '../../lib/api-client.ts';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { formatDate } from '../../lib/format-date.ts';
import { publicSurveyApi, surveyChallengeUrl } from './public-api.ts';
import { QuestionField } from './question-field.tsx';

/** Where the server's details name an answer: `body.answers.<question id>`. */
const ANSWER_PATH = 'body.answers.';

function isBlank(value: SurveyAnswerValue | undefined): boolean {
  if (value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

function Closed({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card className="space-y-3">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
      {children}
    </Card>
  );
}

function SurveyForm({ survey }: { survey: PublicSurvey }) {
  const [answers, setAnswers] = useState<SurveyAnswers>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [altcha, setAltcha] = useState<string | null>(null);
  const [altchaError, setAltchaError] = useState<string | undefined>();
  const [resetSignal, setResetSignal] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);

  const send = useMutation({
    mutationFn: (payload: string) => publicSurveyApi.answer(survey.slug, { answers, altcha: payload }),
    onError: (error) => {
      // Only a refused check spends the solution; other refusals come before it, so it stays valid.
      if (isApiError(error) && error.code === 'CAPTCHA_FAILED') {
        setAltchaError(error.message);
        setAltcha(null);
        setResetSignal((value) => value + 1);
      }
      if (isApiError(error) && error.details.length > 0) {
        setErrors(
          Object.fromEntries(
            error.details
              .filter((detail) => detail.path.startsWith(ANSWER_PATH))
              .map((detail) => [detail.path.slice(ANSWER_PATH.length), detail.message]),
          ),
        );
      }
      summaryRef.current?.focus();
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const missing = Object.fromEntries(
      survey.questions
        .filter((question) => question.required && isBlank(answers[question.id]))
        .map((question) => [question.id, 'Please answer this question']),
    );
    setErrors(missing);
    setAltchaError(altcha ? undefined : 'Please tick the box to confirm you’re a person');
    if (Object.keys(missing).length > 0 || !altcha) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    send.mutate(altcha);
  }

  if (send.isSuccess) {
    return (
      <Closed title="Thank you!">
        <p className="text-slate-700">{send.data.message} You can close this page.</p>
      </Closed>
    );
  }

  const errorCount = Object.keys(errors).length;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <Card className="space-y-3">
        <p className="text-sm font-semibold text-brand-700">A survey from {survey.brandName}</p>
        <h1 className="text-2xl font-bold tracking-tight break-words text-slate-900 sm:text-3xl">
          {survey.title}
        </h1>
        {survey.intro ? (
          <p className="whitespace-pre-line break-words text-slate-700">{survey.intro}</p>
        ) : null}
        {survey.closesAt ? (
          <p className="text-sm text-slate-600">Open until {formatDate(survey.closesAt)}.</p>
        ) : null}
      </Card>
      <div ref={summaryRef} tabIndex={-1} className="focus:outline-none">
        {errorCount > 0 ? (
          <Alert tone="error" title="Some answers need another look">
            <ul className="list-disc pl-5">
              {survey.questions
                .filter((question) => errors[question.id])
                .map((question) => (
                  <li key={question.id}>
                    <a className="underline" href={`#question-${question.id}`}>
                      {question.prompt}
                    </a>
                    : {errors[question.id]}
                  </li>
                ))}
            </ul>
          </Alert>
        ) : send.isError && !(isApiError(send.error) && send.error.code === 'CAPTCHA_FAILED') ? (
          <Alert tone="error">
            <p>{describeError(send.error)}</p>
          </Alert>
        ) : null}
      </div>
      <Card className="space-y-8">
        {survey.questions.map((question, index) => (
          <QuestionField
            key={question.id}
            question={question}
            number={index + 1}
            value={answers[question.id]}
            error={errors[question.id]}
            onChange={(value) => {
              setAnswers((current) => ({ ...current, [question.id]: value }));
              if (errors[question.id]) setErrors(({ [question.id]: _fixed, ...rest }) => rest);
            }}
          />
        ))}
      </Card>
      <Card className="space-y-4">
        <AltchaField
          challengeUrl={surveyChallengeUrl(survey.slug)}
          resetSignal={resetSignal}
          error={altchaError}
          onPayload={(payload) => {
            setAltcha(payload);
            if (payload) setAltchaError(undefined);
          }}
        />
        <Button
          type="submit"
          size="lg"
          className="w-full sm:w-auto"
          pending={send.isPending}
          pendingLabel="Sending…"
        >
          Send my answers
        </Button>
        <p className="text-sm text-slate-600">
          Your answers go to {survey.brandName} without your name or email address.
        </p>
      </Card>
    </form>
  );
}

export default function PublicSurveyPage() {
  const { slug = '' } = useParams();
  const valid = SURVEY_SLUG_PATTERN.test(slug);
  const survey = useQuery({
    queryKey: ['public-survey', slug],
    queryFn: () => publicSurveyApi.get(slug),
    enabled: valid,
    retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
    // The answers are on screen: a background refetch must not replace the form mid-answer.
    refetchOnWindowFocus: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  useDocumentTitle(survey.data?.survey.title ?? 'Survey');

  let body: ReactNode;
  if (!valid || (survey.isError && isApiError(survey.error) && survey.error.status === 404)) {
    body = (
      <Closed title="Survey not found">
        <p className="text-slate-700">
          This survey link does not exist or is no longer available. Check that the whole link was copied.
        </p>
      </Closed>
    );
  } else if (survey.isError) {
    body = (
      <Alert tone="error" title="We couldn’t load this survey">
        <p>{describeError(survey.error)}</p>
        <Button variant="secondary" pending={survey.isFetching} onClick={() => void survey.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  } else if (!survey.data) {
    body = <PageLoader variant="inline" label="Loading the survey…" />;
  } else if (survey.data.survey.closedMessage) {
    body = (
      <Closed title={survey.data.survey.title}>
        <p className="text-slate-700">{survey.data.survey.closedMessage}</p>
      </Closed>
    );
  } else if (survey.data.survey.answered) {
    body = (
      <Closed title={survey.data.survey.title}>
        <p className="text-slate-700">You have already answered this survey from this browser. Thank you!</p>
      </Closed>
    );
  } else {
    body = <SurveyForm survey={survey.data.survey} />;
  }

  return (
    <div className="mx-auto w-full max-w-2xl px-4 py-6 sm:px-6 sm:py-10">
      <NoIndex />
      {body}
    </div>
  );
}
