/**
 * Voice of customer: the avatar's customer reviews (typed, pasted or imported from a CSV file) and
 * their analysis by the coach's `avatar-voice` task. The server reads and checks the reviews (an
 * empty paste, a file that is not a CSV or one without review text are refused with a reason); the
 * analysis is saved on the avatar like any other field.
 */
import { useMutation } from '@tanstack/react-query';
import { type ChangeEvent, useId, useRef, useState } from 'react';
import type { AiMeta } from '../../../core/ai/contracts.ts';
import { fieldAnchor } from '../../../core/knowledge/links.ts';
import { countOf, plural } from '../../../core/text/plural.ts';
import type { AvatarData } from '../../../core/workspace/avatar.ts';
import type { ReviewImport } from '../../../core/workspace/avatar-contracts.ts';
import { AVATAR_REVIEWS_MAX_CHARACTERS } from '../../../core/workspace/avatar-profile.ts';
import { joinReviews, MAX_IMPORT_CHARACTERS } from '../../../core/workspace/avatar-reviews.ts';
import { avatarVoiceRequest } from '../../../core/workspace/avatar-summary.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { inputClasses } from '../../components/text-field.tsx';
import { runAiTask } from '../../kit/coach/ai-tasks.ts';
import { coachErrorMessage } from '../../kit/coach/coach-messages.ts';
import { RateAnswer } from '../../kit/coach/rate-answer.tsx';
import type { ItemController } from '../../kit/workspace/use-workspace-item.ts';
import { TextAreaField } from '../../kit/workspace/worksheet-fields.tsx';
import { describeError } from '../../lib/api-client.ts';
import { avatarsApi } from './api.ts';
import { VoiceAnalysisView } from './voice-analysis-view.tsx';

/** Over the quota the reviews stay as they are: say so rather than "keep writing". */
const QUOTA_SITUATION = { blocked: 'so the reviews can’t be analysed now', saved: 'Your reviews are saved.' };

interface CsvImport extends ReviewImport {
  fileName: string;
  text: string;
}

export function VoiceSection({
  controller,
  data,
}: {
  controller: ItemController<AvatarData>;
  data: AvatarData;
}) {
  const { update } = controller;
  const fileId = useId();
  const columnId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [inputError, setInputError] = useState<string | null>(null);
  const [csv, setCsv] = useState<CsvImport | null>(null);
  const [meta, setMeta] = useState<AiMeta | null>(null);

  const importCsv = useMutation({
    mutationFn: async ({ fileName, text, column }: { fileName: string; text: string; column?: string }) => {
      const imported = await avatarsApi.importReviews({ format: 'csv', text, ...(column ? { column } : {}) });
      return { ...imported, fileName, text };
    },
    onSuccess: (imported) => {
      setCsv(imported);
      update((draft) => {
        draft.voice.reviews = joinReviews(imported.reviews);
      });
    },
  });

  const analyse = useMutation({
    mutationFn: async (avatar: AvatarData) => {
      const imported = await avatarsApi.importReviews({ format: 'text', text: avatar.voice.reviews });
      const result = await runAiTask('avatar-voice', avatarVoiceRequest(avatar, imported.reviews));
      return { ...result, omitted: imported.omitted };
    },
    onSuccess: (result) => {
      setMeta(result.meta);
      update((draft) => {
        draft.voice.analysis = result.output;
        draft.voice.analysedAt = new Date().toISOString();
        draft.voice.analysedBy = result.meta.provider;
      });
    },
  });

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setInputError(null);
    importCsv.reset();
    if (file.size > MAX_IMPORT_CHARACTERS) {
      setInputError(`“${file.name}” is larger than 900 KB. Export fewer reviews, or split the file.`);
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setInputError(`“${file.name}” could not be read. Choose the file again.`);
      return;
    }
    importCsv.mutate({ fileName: file.name, text });
    // Choosing the same file again (after fixing it) must fire a change.
    if (fileInput.current) fileInput.current.value = '';
  }

  function onAnalyse() {
    importCsv.reset();
    if (!data.voice.reviews.trim()) {
      setInputError('Paste at least one review, or import a CSV file, before analysing.');
      return;
    }
    setInputError(null);
    analyse.mutate(data);
  }

  const errorMessage =
    inputError ??
    (importCsv.isError ? describeError(importCsv.error) : null) ??
    (analyse.isError ? coachErrorMessage(analyse.error, QUOTA_SITUATION) : null);

  return (
    <div className="space-y-5">
      {/* One textarea holds every review: a link to review N (`#review-N`) selects it here. */}
      <TextAreaField
        id={fieldAnchor('voice.reviews')}
        label="Customer reviews"
        description="Paste reviews, one per line — or separate them with a blank line when a review runs over several lines."
        value={data.voice.reviews}
        maxLength={AVATAR_REVIEWS_MAX_CHARACTERS}
        rows={8}
        onChange={(value) => {
          setInputError(null);
          update((draft) => {
            draft.voice.reviews = value;
          });
        }}
      />

      <div className="space-y-2">
        <label htmlFor={fileId} className="block text-sm font-semibold text-slate-900">
          Or import a CSV file
        </label>
        <p id={`${fileId}-description`} className="text-sm text-slate-600">
          A file exported from your shop or review platform, with a header row. The column called review, text
          or comment is used; you can choose another after importing. It replaces the reviews above.
        </p>
        <input
          ref={fileInput}
          id={fileId}
          type="file"
          accept=".csv,text/csv"
          aria-describedby={`${fileId}-description`}
          onChange={(event) => void onFile(event)}
          className="block w-full max-w-full text-sm text-slate-800 file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-4 file:font-semibold file:text-slate-900 hover:file:bg-slate-50"
        />
        {importCsv.isPending ? (
          <p role="status" className="text-sm text-slate-700">
            Reading the file…
          </p>
        ) : null}
        {csv ? (
          <div className="space-y-2 rounded-xl border border-slate-200 bg-slate-50 p-3">
            <p role="status" className="text-sm text-slate-800">
              Imported {countOf(csv.reviews.length, 'review')} from “{csv.fileName}”
              {csv.column ? `, column “${csv.column}”` : ''}.
              {csv.omitted > 0
                ? ` ${csv.omitted} more ${plural(csv.omitted, 'was', 'were')} left out to stay within one analysis (200 reviews).`
                : ''}
            </p>
            {csv.columns.length > 1 ? (
              <div className="space-y-1.5">
                <label htmlFor={columnId} className="block text-sm font-semibold text-slate-900">
                  Column with the review text
                </label>
                <select
                  id={columnId}
                  value={csv.column ?? ''}
                  disabled={importCsv.isPending}
                  onChange={(event) =>
                    importCsv.mutate({ fileName: csv.fileName, text: csv.text, column: event.target.value })
                  }
                  className={inputClasses}
                >
                  {csv.columns.map((column) => (
                    <option key={column} value={column}>
                      {column}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
          </div>
        ) : null}
      </div>

      {errorMessage ? <Alert tone="error">{errorMessage}</Alert> : null}

      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={onAnalyse} pending={analyse.isPending} pendingLabel="Analysing reviews…">
          {data.voice.analysis ? 'Analyse again' : 'Analyse reviews'}
        </Button>
        <p className="text-sm text-slate-600">Uses one of today’s coach requests.</p>
      </div>
      {analyse.data && analyse.data.omitted > 0 ? (
        <Alert tone="warning">
          Only the first {countOf(analyse.data.output.reviewCount, 'review')}{' '}
          {plural(analyse.data.output.reviewCount, 'was', 'were')} analysed; {analyse.data.omitted} more would
          exceed one analysis.
        </Alert>
      ) : null}

      {meta?.callId && data.voice.analysis ? (
        <RateAnswer
          key={meta.callId}
          target={{ subject: 'task-result', callId: meta.callId }}
          label="this analysis"
        />
      ) : null}
      {data.voice.analysis ? (
        <VoiceAnalysisView
          analysis={data.voice.analysis}
          analysedAt={data.voice.analysedAt}
          analysedBy={data.voice.analysedBy}
          notice={meta?.notice?.message ?? null}
        />
      ) : (
        <p className="rounded-xl border border-dashed border-slate-300 bg-slate-50 p-4 text-sm text-slate-700">
          No analysis yet. Add reviews and choose “Analyse reviews” to see key phrases, the sentiment split,
          the emotional triggers customers express and quotes that stand for them.
        </p>
      )}
    </div>
  );
}
