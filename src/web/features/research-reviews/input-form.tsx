import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import {
  REVIEW_COLUMN_LABELS,
  REVIEW_COLUMN_ROLES,
  type ReviewColumnMapping,
  type ReviewColumnRole,
} from '../../../core/research-reviews/columns.ts';
import type { ReviewCsvPreview } from '../../../core/research-reviews/contracts.ts';
import { formatCount, REVIEW_RUN_LIMITS as LIMITS } from '../../../core/research-reviews/limits.ts';
import { countOf } from '../../../core/text/plural.ts';
import { splitPastedReviews } from '../../../core/workspace/avatar-reviews.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { cx } from '../../components/cx.ts';
import { ScrollTable } from '../../components/scroll-table.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { inputClasses } from '../../components/text-field.tsx';
import { workspaceApi } from '../../kit/workspace/api.ts';
import { describeError, isApiError } from '../../lib/api-client.ts';
import { reviewResearchApi, reviewResearchKeys } from './api.ts';

export type RunInput =
  | { source: 'paste'; text: string }
  | { source: 'csv'; file: File; mapping: ReviewColumnMapping }
  | { source: 'avatar'; avatarId: string };

type Tab = RunInput['source'];
const TABS: readonly { id: Tab; label: string }[] = [
  { id: 'paste', label: 'Paste reviews' },
  { id: 'csv', label: 'Upload a CSV' },
  { id: 'avatar', label: 'An avatar’s reviews' },
];

/** The message for a field the server named (`body.text`), or the whole error when it named none. */
function messageFor(error: unknown, paths: readonly string[]): string | null {
  if (!error) return null;
  if (isApiError(error)) {
    const detail = error.details.find((entry) => paths.includes(entry.path));
    if (detail) return detail.message;
  }
  return describeError(error);
}

interface InputFormProps {
  brandId: string;
  pending: Tab | null;
  error: { source: Tab; error: unknown } | null;
  onRun(input: RunInput): void;
}

/** Where the reviews come from: pasted, a CSV export with its columns mapped, or an avatar's saved reviews. */
export function InputForm({ brandId, pending, error, onRun }: InputFormProps) {
  const [tab, setTab] = useState<Tab>('paste');
  const baseId = useId();
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ paste: null, csv: null, avatar: null });

  function onTabKey(event: KeyboardEvent<HTMLButtonElement>) {
    const index = TABS.findIndex((entry) => entry.id === tab);
    const moves: Record<string, number> = {
      ArrowRight: (index + 1) % TABS.length,
      ArrowLeft: (index - 1 + TABS.length) % TABS.length,
      Home: 0,
      End: TABS.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = TABS[next]?.id ?? 'paste';
    setTab(target);
    tabRefs.current[target]?.focus();
  }

  const errorFor = (source: Tab) => (error?.source === source ? error.error : null);
  return (
    <section aria-labelledby={`${baseId}-heading`} className="space-y-4">
      <h2 id={`${baseId}-heading`} className="text-xl font-semibold text-slate-900">
        New analysis
      </h2>
      <div
        role="tablist"
        aria-label="Where the reviews come from"
        className="flex flex-wrap gap-2 border-b border-slate-200"
      >
        {TABS.map((entry) => (
          <button
            key={entry.id}
            ref={(element) => {
              tabRefs.current[entry.id] = element;
            }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${entry.id}`}
            aria-selected={tab === entry.id}
            aria-controls={`${baseId}-panel-${entry.id}`}
            tabIndex={tab === entry.id ? 0 : -1}
            onClick={() => setTab(entry.id)}
            onKeyDown={onTabKey}
            className={cx(
              '-mb-px min-h-11 rounded-t-lg border px-4 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-brand-700',
              tab === entry.id
                ? 'border-slate-200 border-b-white bg-white text-brand-800'
                : 'border-transparent text-slate-700 hover:text-slate-900',
            )}
          >
            {entry.label}
          </button>
        ))}
      </div>
      {TABS.map((entry) => (
        <div
          key={entry.id}
          role="tabpanel"
          id={`${baseId}-panel-${entry.id}`}
          aria-labelledby={`${baseId}-tab-${entry.id}`}
          hidden={tab !== entry.id}
        >
          {entry.id === 'paste' ? (
            <PastePanel pending={pending} error={errorFor('paste')} onRun={onRun} />
          ) : entry.id === 'csv' ? (
            <CsvPanel brandId={brandId} pending={pending} error={errorFor('csv')} onRun={onRun} />
          ) : (
            <AvatarPanel
              brandId={brandId}
              active={tab === 'avatar'}
              pending={pending}
              error={errorFor('avatar')}
              onRun={onRun}
            />
          )}
        </div>
      ))}
    </section>
  );
}

interface PanelProps {
  pending: Tab | null;
  error: unknown;
  onRun(input: RunInput): void;
}

function PastePanel({ pending, error, onRun }: PanelProps) {
  const [text, setText] = useState('');
  const id = useId();
  const count = text.trim() ? splitPastedReviews(text).length : 0;
  const message = messageFor(error, ['body.text']);
  function submit(event: FormEvent) {
    event.preventDefault();
    onRun({ source: 'paste', text });
  }
  return (
    <form className="space-y-3" onSubmit={submit} noValidate>
      <label htmlFor={id} className="block text-sm font-semibold text-slate-900">
        Reviews
      </label>
      <p id={`${id}-description`} className="text-sm text-slate-600">
        Separate reviews with a blank line (a review may then span several lines), or put one on each line. Up
        to {formatCount(LIMITS.reviews)} reviews.
      </p>
      <textarea
        id={id}
        rows={10}
        value={text}
        maxLength={LIMITS.pasteCharacters}
        aria-describedby={`${id}-description${message ? ` ${id}-error` : ''}`}
        aria-invalid={message ? true : undefined}
        onChange={(event) => setText(event.target.value)}
        className={cx(inputClasses, 'text-sm', message ? 'border-red-600' : null)}
      />
      {message ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {message}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="submit"
          pending={pending === 'paste'}
          pendingLabel="Analysing…"
          disabled={pending !== null}
        >
          Analyse reviews
        </Button>
        <p className="text-sm text-slate-600" aria-live="polite">
          {count > 0 ? `${countOf(count, 'review')} found.` : ''}
        </p>
      </div>
    </form>
  );
}

function CsvPanel({ brandId, pending, error, onRun }: PanelProps & { brandId: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ReviewCsvPreview | null>(null);
  const [mapping, setMapping] = useState<ReviewColumnMapping | null>(null);
  const [reading, setReading] = useState(false);
  const [readError, setReadError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const mappingHeading = useRef<HTMLHeadingElement>(null);
  const [focusMapping, setFocusMapping] = useState(false);
  const id = useId();

  useEffect(() => {
    // The mapping step has appeared below: take keyboard and screen-reader users to it (once it is
    // rendered, whenever React commits it).
    if (preview && focusMapping) {
      mappingHeading.current?.focus();
      setFocusMapping(false);
    }
  }, [preview, focusMapping]);

  async function readHeader(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setMissing(true);
      fileInput.current?.focus();
      return;
    }
    setReading(true);
    setReadError(null);
    try {
      const answer = await reviewResearchApi.previewCsv(brandId, file);
      setPreview(answer.preview);
      setMapping(answer.preview.mapping);
      setFocusMapping(true);
    } catch (caught) {
      setReadError(caught);
    } finally {
      setReading(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (file && mapping?.text) onRun({ source: 'csv', file, mapping });
  }

  const fileMessage = messageFor(readError, ['body.file']) ?? (missing ? 'Choose a CSV file first.' : null);
  const runMessage = messageFor(error, [
    'body.file',
    ...REVIEW_COLUMN_ROLES.map((role) => `querystring.${role}`),
  ]);
  const options = (preview?.columns ?? []).map((column) => ({ value: column, label: column }));
  return (
    <div className="space-y-5">
      <form className="space-y-3" onSubmit={readHeader} noValidate>
        <label htmlFor={id} className="block text-sm font-semibold text-slate-900">
          Review export (CSV)
        </label>
        <p id={`${id}-description`} className="text-sm text-slate-600">
          An export from your shop or marketplace, with a column of review text and optionally the rating,
          date and source. Comma or semicolon separated, UTF-8 or UTF-16; at most{' '}
          {formatCount(LIMITS.reviews)} rows and {LIMITS.csvBytes / (1024 * 1024)} MB.
        </p>
        <input
          ref={fileInput}
          id={id}
          type="file"
          accept=".csv,.tsv,.txt,text/csv"
          aria-describedby={`${id}-description${fileMessage ? ` ${id}-error` : ''}`}
          aria-invalid={fileMessage ? true : undefined}
          onChange={(event) => {
            setMissing(false);
            setPreview(null);
            setMapping(null);
            setReadError(null);
            setFile(event.target.files?.[0] ?? null);
          }}
          className="block w-full max-w-full text-sm text-slate-800 file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-4 file:font-semibold file:text-slate-900 hover:file:bg-slate-50"
        />
        {fileMessage ? (
          <p id={`${id}-error`} className="text-sm font-medium text-red-700" role="alert">
            {fileMessage}
          </p>
        ) : null}
        <Button
          type="submit"
          variant="secondary"
          pending={reading}
          pendingLabel="Reading the columns…"
          disabled={pending !== null}
        >
          Read the columns
        </Button>
      </form>

      {preview && mapping ? (
        <form
          className="space-y-4 rounded-xl border border-slate-200 bg-slate-50 p-4"
          onSubmit={submit}
          noValidate
        >
          <h3 ref={mappingHeading} tabIndex={-1} className="font-semibold text-slate-900 focus:outline-none">
            Match the columns of {preview.fileName}
          </h3>
          <p className="text-sm text-slate-700">
            {countOf(preview.rowCount, 'row')} and {countOf(preview.columns.length, 'column')}. The columns we
            recognised are chosen; change any that are wrong.
          </p>
          <div className="grid gap-3 sm:grid-cols-2">
            {REVIEW_COLUMN_ROLES.map((role: ReviewColumnRole) => (
              <SelectField
                key={role}
                label={
                  role === 'text' ? REVIEW_COLUMN_LABELS[role] : `${REVIEW_COLUMN_LABELS[role]} (optional)`
                }
                options={options}
                value={mapping[role]}
                emptyLabel={role === 'text' ? 'Choose a column' : 'Not in this file'}
                onChange={(column: string | null) => setMapping({ ...mapping, [role]: column })}
              />
            ))}
          </div>
          {preview.sample.length > 0 ? (
            <ScrollTable caption="The first rows of the file">
              <thead>
                <tr>
                  {preview.columns.map((column) => (
                    <th
                      key={column}
                      scope="col"
                      className="border-b border-slate-200 px-3 py-2 text-left text-xs font-semibold"
                    >
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((row, rowIndex) => (
                  // The rows are a fixed sample that never reorders.
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own.
                  <tr key={rowIndex}>
                    {preview.columns.map((column, cellIndex) => (
                      <td
                        key={column}
                        className="max-w-64 border-b border-slate-100 px-3 py-2 align-top text-xs break-words"
                      >
                        {row[cellIndex] ?? ''}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          ) : null}
          {!mapping.text ? (
            <p className="text-sm font-medium text-amber-900">
              Choose the column that holds the review text.
            </p>
          ) : null}
          {runMessage ? <Alert tone="error">{runMessage}</Alert> : null}
          <Button
            type="submit"
            pending={pending === 'csv'}
            pendingLabel="Analysing…"
            disabled={pending !== null || !mapping.text}
          >
            Analyse {countOf(preview.rowCount, 'row')}
          </Button>
        </form>
      ) : null}
    </div>
  );
}

function AvatarPanel({
  brandId,
  active,
  pending,
  error,
  onRun,
}: PanelProps & { brandId: string; active: boolean }) {
  const avatars = useQuery({
    queryKey: reviewResearchKeys.avatars(brandId),
    queryFn: () => workspaceApi.listCollection(brandId, 'avatar').then((body) => body.items),
    enabled: active,
  });
  const [avatarId, setAvatarId] = useState<string | null>(null);
  const withReviews = (avatars.data ?? []).filter((item) => {
    const voice = (item.data as { voice?: { reviews?: string } }).voice;
    return Boolean(voice?.reviews?.trim());
  });
  const message = messageFor(error, ['body.avatarId']);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (avatarId) onRun({ source: 'avatar', avatarId });
  }
  if (avatars.error) return <Alert tone="error">{describeError(avatars.error)}</Alert>;
  if (avatars.isLoading) return <p className="text-sm text-slate-700">Loading your avatars…</p>;
  if (withReviews.length === 0)
    return (
      <p className="text-sm text-slate-700">
        None of this brand’s avatars has saved customer reviews yet. Add reviews to an avatar’s voice of
        customer, or paste them here.
      </p>
    );
  return (
    <form className="space-y-3" onSubmit={submit} noValidate>
      <SelectField
        label="Avatar"
        description="Analyses the customer reviews saved with this avatar."
        options={withReviews.map((item) => ({
          value: item.id ?? '',
          label: (item.data as { name?: string }).name ?? 'Avatar without a name',
        }))}
        value={avatarId}
        emptyLabel="Choose an avatar"
        onChange={setAvatarId}
      />
      {message ? <Alert tone="error">{message}</Alert> : null}
      <Button
        type="submit"
        pending={pending === 'avatar'}
        pendingLabel="Analysing…"
        disabled={pending !== null || !avatarId}
      >
        Analyse the avatar’s reviews
      </Button>
    </form>
  );
}
