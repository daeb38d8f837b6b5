/**
 * One survey's builder (`/app/research/surveys/:surveyId`): its title, introduction, questions in
 * order (add, remove, move up and down, required or not), an optional close date and answer cap;
 * publishing it, copying its public link, closing it, and deleting it. Questions can change only
 * while it is a draft: once people answer them, the page shows them without editing.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { PAGE_PATHS, publicSurveyPath, surveyResultsPath } from '../../../core/navigation/pages.ts';
import type { Survey, SurveyQuestion } from '../../../core/surveys/contracts.ts';
import {
  SURVEY_LIMITS,
  SURVEY_QUESTION_TYPE_LABELS,
  SURVEY_QUESTION_TYPES,
  type SurveyQuestionType,
} from '../../../core/surveys/limits.ts';
import { countOf } from '../../../core/text/plural.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { PageLoader } from '../../components/spinner.tsx';
import { inputClasses, TextField } from '../../components/text-field.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { useCurrentBrand } from '../../kit/workspace/brand.ts';
import { describeError, isApiError } from '../../lib/api-client.ts';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { formatDateTime } from '../../lib/format-date.ts';
import { surveyApi, surveyKeys, surveyQuery } from './api.ts';
import { QuestionEditor, withType } from './question-editor.tsx';
import { SurveyStatusBadge } from './survey-status.tsx';

interface Draft {
  title: string;
  intro: string;
  questions: SurveyQuestion[];
  /** A `datetime-local` value in the browser's time zone, or empty. */
  closesAt: string;
  responseCap: string;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** An ISO instant as a `datetime-local` value in the browser's time zone. */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function draftOf(survey: Survey): Draft {
  return {
    title: survey.title,
    intro: survey.intro,
    questions: survey.questions,
    closesAt: toLocalInput(survey.closesAt),
    responseCap: survey.responseCap === null ? '' : String(survey.responseCap),
  };
}

function newQuestionId(taken: readonly SurveyQuestion[]): string {
  for (;;) {
    const id = `q-${Math.random().toString(36).slice(2, 10)}`;
    if (!taken.some((question) => question.id === id)) return id;
  }
}

/** "body.questions.2.options" → "Question 3, options", so a server detail names what to fix. */
function describeDetailPath(fullPath: string): string {
  const path = fullPath.replace(/^body\./, '');
  const match = /^questions\.(\d+)(?:\.(.+))?$/.exec(path);
  if (!match) return path === 'closesAt' ? 'Close date' : path === 'responseCap' ? 'Answer cap' : path;
  const number = Number(match[1]) + 1;
  return match[2] ? `Question ${number}, ${match[2].replace(/\.\d+$/, '')}` : `Question ${number}`;
}

function SaveError({ error }: { error: unknown }) {
  if (!isApiError(error) || error.details.length === 0)
    return <Alert tone="error">{describeError(error)}</Alert>;
  return (
    <Alert tone="error" title={error.message}>
      <ul className="list-disc pl-5">
        {error.details.map((detail) => (
          <li key={`${detail.path}-${detail.message}`}>
            {describeDetailPath(detail.path)}: {detail.message}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

function PublicLink({ survey }: { survey: Survey }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const linkId = useId();
  const url = `${window.location.origin}${publicSurveyPath(survey.slug)}`;
  return (
    <div className="space-y-2">
      <label htmlFor={linkId} className="block text-sm font-semibold text-slate-900">
        Public link
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id={linkId}
          readOnly
          value={url}
          className={inputClasses}
          onFocus={(event) => event.target.select()}
        />
        <Button
          variant="secondary"
          className="shrink-0"
          onClick={() => {
            navigator.clipboard.writeText(url).then(
              () => setCopied('yes'),
              () => setCopied('failed'),
            );
          }}
        >
          Copy link
        </Button>
      </div>
      {copied === 'yes' ? (
        <p role="status" className="text-sm text-emerald-800">
          Link copied. Anyone with it can answer, without an account.
        </p>
      ) : copied === 'failed' ? (
        <p role="status" className="text-sm text-slate-700">
          Your browser did not allow copying: select the link above and copy it.
        </p>
      ) : null}
    </div>
  );
}

function Builder({ brandId, survey }: { brandId: string; survey: Survey }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(() => draftOf(survey));
  const [newType, setNewType] = useState<SurveyQuestionType>('single-choice');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const editable = survey.status === 'draft';
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(survey));

  // A save, publish or close answers with the new version: show it as saved.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new version replaces what is on screen.
  useEffect(() => {
    setDraft(draftOf(survey));
  }, [survey.version]);

  const store = (updated: Survey) => {
    queryClient.setQueryData(surveyKeys.one(brandId, survey.id), { survey: updated });
    void queryClient.invalidateQueries({ queryKey: surveyKeys.brand(brandId), exact: true });
  };

  const save = useMutation({
    mutationFn: () =>
      surveyApi.update(brandId, survey.id, {
        baseVersion: survey.version,
        title: draft.title,
        intro: draft.intro,
        ...(editable ? { questions: draft.questions } : {}),
        closesAt: draft.closesAt ? new Date(draft.closesAt).toISOString() : null,
        responseCap: draft.responseCap ? Number(draft.responseCap) : null,
      }),
    onSuccess: ({ survey: updated }) => store(updated),
  });
  const publish = useMutation({
    mutationFn: async () => {
      if (dirty) await save.mutateAsync();
      return surveyApi.publish(brandId, survey.id);
    },
    onSuccess: ({ survey: updated }) => store(updated),
  });
  const close = useMutation({
    mutationFn: () => surveyApi.close(brandId, survey.id),
    onSuccess: ({ survey: updated }) => store(updated),
  });
  const remove = useMutation({
    mutationFn: () => surveyApi.remove(brandId, survey.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: surveyKeys.brand(brandId) });
      navigate(PAGE_PATHS.surveys);
    },
  });

  const setQuestions = (update: (questions: SurveyQuestion[]) => SurveyQuestion[]) =>
    setDraft((current) => ({ ...current, questions: update(current.questions) }));

  function onSave(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  const busy = save.isPending || publish.isPending || close.isPending;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <SurveyStatusBadge survey={survey} />
        <span className="text-sm text-slate-700">{countOf(survey.responseCount, 'answer')}</span>
        {survey.status === 'draft' ? null : (
          <TextLink to={surveyResultsPath(survey.id)}>See the results</TextLink>
        )}
      </div>

      {survey.status === 'draft' ? null : (
        <Card>
          <PublicLink survey={survey} />
        </Card>
      )}

      <form onSubmit={onSave} className="space-y-6">
        <Card className="space-y-4">
          <h2 className="text-lg font-semibold text-slate-900">About the survey</h2>
          <TextField
            label="Title"
            value={draft.title}
            maxLength={SURVEY_LIMITS.titleMax}
            required
            onChange={(event) => setDraft({ ...draft, title: event.target.value })}
          />
          <div className="space-y-1.5">
            <label htmlFor="survey-intro" className="block text-sm font-semibold text-slate-900">
              Introduction (optional)
            </label>
            <textarea
              id="survey-intro"
              rows={3}
              className={inputClasses}
              value={draft.intro}
              maxLength={SURVEY_LIMITS.introMax}
              onChange={(event) => setDraft({ ...draft, intro: event.target.value })}
            />
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label="Close date (optional)"
              description="No answers are taken after this moment."
              type="datetime-local"
              value={draft.closesAt}
              onChange={(event) => setDraft({ ...draft, closesAt: event.target.value })}
            />
            <TextField
              label="Answer cap (optional)"
              description={`Closes after this many answers (at most ${SURVEY_LIMITS.responsesMax.toLocaleString('en')}).`}
              type="number"
              inputMode="numeric"
              min={1}
              max={SURVEY_LIMITS.responsesMax}
              value={draft.responseCap}
              onChange={(event) => setDraft({ ...draft, responseCap: event.target.value })}
            />
          </div>
        </Card>

        <Card className="space-y-4">
          <h2 className="text-lg font-semibold text-slate-900">
            Questions{' '}
            <span className="font-normal text-slate-600">
              ({draft.questions.length} of {SURVEY_LIMITS.questionsMax})
            </span>
          </h2>
          {editable ? null : (
            <Alert tone="info">
              <p>
                People have been answering these questions, so they no longer change. To ask something
                different, start a new survey.
              </p>
            </Alert>
          )}
          {draft.questions.length === 0 ? (
            <p className="text-slate-700">No questions yet. Add the first one below.</p>
          ) : null}
          {editable ? (
            <ol className="space-y-4">
              {draft.questions.map((question, index) => (
                <li key={question.id}>
                  <QuestionEditor
                    question={question}
                    index={index}
                    count={draft.questions.length}
                    onChange={(changed) =>
                      setQuestions((all) => all.map((q, at) => (at === index ? changed : q)))
                    }
                    onMove={(delta) =>
                      setQuestions((all) => {
                        const moved = [...all];
                        const [taken] = moved.splice(index, 1);
                        if (taken) moved.splice(index + delta, 0, taken);
                        return moved;
                      })
                    }
                    onRemove={() => setQuestions((all) => all.filter((_, at) => at !== index))}
                  />
                </li>
              ))}
            </ol>
          ) : (
            <ol className="list-decimal space-y-2 pl-6">
              {draft.questions.map((question) => (
                <li key={question.id} className="text-slate-900">
                  <span className="break-words">{question.prompt}</span>{' '}
                  <span className="text-sm text-slate-600">
                    ({SURVEY_QUESTION_TYPE_LABELS[question.type]}
                    {question.required ? ', required' : ''})
                  </span>
                </li>
              ))}
            </ol>
          )}
          {editable ? (
            <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
              <div className="space-y-1.5">
                <label htmlFor="new-question-type" className="block text-sm font-semibold text-slate-900">
                  New question type
                </label>
                <select
                  id="new-question-type"
                  className={inputClasses}
                  value={newType}
                  onChange={(event) => setNewType(event.target.value as SurveyQuestionType)}
                >
                  {SURVEY_QUESTION_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {SURVEY_QUESTION_TYPE_LABELS[type]}
                    </option>
                  ))}
                </select>
              </div>
              <Button
                variant="secondary"
                disabled={draft.questions.length >= SURVEY_LIMITS.questionsMax}
                onClick={() =>
                  setQuestions((all) => [
                    ...all,
                    withType(
                      { id: newQuestionId(all), type: 'short-text', prompt: '', help: '', required: false },
                      newType,
                    ),
                  ])
                }
              >
                Add question
              </Button>
            </div>
          ) : null}
        </Card>

        {save.isError ? <SaveError error={save.error} /> : null}
        {publish.isError && !save.isError ? <SaveError error={publish.error} /> : null}
        {close.isError ? <SaveError error={close.error} /> : null}
        {save.isSuccess && !dirty && !publish.isSuccess ? (
          <p role="status" className="text-sm text-emerald-800">
            Saved.
          </p>
        ) : null}

        <div className="flex flex-wrap gap-3">
          <Button
            type="submit"
            variant={survey.status === 'draft' ? 'secondary' : 'primary'}
            pending={save.isPending}
            pendingLabel="Saving…"
            disabled={!dirty || busy}
          >
            Save changes
          </Button>
          {survey.status === 'published' ? null : (
            <Button
              pending={publish.isPending}
              pendingLabel="Publishing…"
              disabled={busy}
              onClick={() => publish.mutate()}
            >
              {survey.status === 'draft' ? 'Publish' : 'Reopen'}
            </Button>
          )}
          {survey.status === 'published' ? (
            <Button
              variant="secondary"
              pending={close.isPending}
              pendingLabel="Closing…"
              disabled={busy}
              onClick={() => close.mutate()}
            >
              Close the survey
            </Button>
          ) : null}
          <Button variant="ghost" disabled={busy} onClick={() => setConfirmDelete(true)}>
            Delete
          </Button>
        </div>
        {survey.closedAt && survey.status === 'closed' ? (
          <p className="text-sm text-slate-600">Closed on {formatDateTime(survey.closedAt)}.</p>
        ) : null}
      </form>

      <ConfirmDialog
        open={confirmDelete}
        title="Delete this survey?"
        confirmLabel="Delete survey"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        onConfirm={() => remove.mutate()}
        onCancel={() => {
          setConfirmDelete(false);
          remove.reset();
        }}
      >
        <p>
          “{survey.title}” and its {countOf(survey.responseCount, 'answer')} will be deleted, and its link
          will stop working.
        </p>
        {remove.isError ? <Alert tone="error">{describeError(remove.error)}</Alert> : null}
      </ConfirmDialog>
    </div>
  );
}

export default function SurveyBuilderPage() {
  const { surveyId = '' } = useParams();
  const { brand, isLoading: brandsLoading, error: brandsError } = useCurrentBrand();
  const query = useQuery({ ...surveyQuery(brand?.id ?? '', surveyId), enabled: Boolean(brand) });
  useDocumentTitle(query.data ? `Survey: ${query.data.survey.title}` : 'Survey');
  const notFound = isApiError(query.error) && (query.error.status === 404 || query.error.status === 400);

  return (
    <div className="mx-auto w-full max-w-3xl space-y-6 px-4 py-8 sm:px-6 sm:py-10">
      <div className="space-y-2">
        <TextLink to={PAGE_PATHS.surveys}>All surveys</TextLink>
        <h1 className="text-2xl font-bold tracking-tight break-words text-slate-900 sm:text-3xl">
          {query.data?.survey.title ?? 'Survey'}
        </h1>
      </div>
      {brandsError ? <Alert tone="error">{describeError(brandsError)}</Alert> : null}
      {brandsLoading || (brand && query.isPending) ? <PageLoader variant="inline" label="Loading…" /> : null}
      {notFound ? (
        <Alert tone="warning" title="Survey not found">
          <p>
            There is no such survey in {brand?.name ?? 'this brand'}. It may have been deleted, or belong to
            another of your brands.
          </p>
        </Alert>
      ) : query.isError ? (
        <Alert tone="error" title="We couldn’t load the survey">
          <p>{describeError(query.error)}</p>
        </Alert>
      ) : null}
      {brand && query.data ? (
        <Builder key={query.data.survey.id} brandId={brand.id} survey={query.data.survey} />
      ) : null}
    </div>
  );
}
