import { type FormEvent, useId, useRef, useState } from 'react';
import {
  INTENT_TERMS_PER_REQUEST,
  INTENT_RESEARCH_LIMITS as LIMITS,
} from '../../../core/research/intent-limits.ts';
import { countOf } from '../../../core/text/plural.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { TextField } from '../../components/text-field.tsx';
import { describeError, isApiError } from '../../lib/api-client.ts';
import { TextAreaField } from './text-area-field.tsx';

/** Distinct non-empty lines, as the server counts them, to say how many requests a run takes. */
function countTerms(text: string): number {
  const seen = new Set<string>();
  for (const line of text.split(/\r\n|\r|\n/)) {
    const term = line.replace(/\s+/g, ' ').trim().toLowerCase();
    if (term) seen.add(term);
  }
  return seen.size;
}

function fieldError(error: unknown, field: 'text' | 'industry' | 'file'): string | null {
  if (!isApiError(error)) return null;
  return error.details.find((detail) => detail.path === `body.${field}`)?.message ?? null;
}

interface RunFormProps {
  pending: 'paste' | 'upload' | null;
  error: { source: 'paste' | 'upload'; error: unknown } | null;
  onPaste(request: { text: string; industry?: string }): void;
  onUpload(file: File): void;
}

/** A new run: terms pasted one per line, or a search-term report uploaded as CSV. */
export function RunForm({ pending, error, onPaste, onUpload }: RunFormProps) {
  const [text, setText] = useState('');
  const [industry, setIndustry] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileMissing, setFileMissing] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const terms = countTerms(text);
  const requests = Math.ceil(terms / INTENT_TERMS_PER_REQUEST);

  const pasteError = error?.source === 'paste' ? error.error : null;
  const uploadError = error?.source === 'upload' ? error.error : null;
  const textError = fieldError(pasteError, 'text');
  const industryError = fieldError(pasteError, 'industry');
  const pasteGeneral = pasteError && !textError && !industryError ? describeError(pasteError) : null;
  const fileError = fieldError(uploadError, 'file') ?? (uploadError ? describeError(uploadError) : null);

  function submitPaste(event: FormEvent) {
    event.preventDefault();
    onPaste({ text, ...(industry.trim() ? { industry: industry.trim() } : {}) });
  }

  function submitUpload(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setFileMissing(true);
      fileInput.current?.focus();
      return;
    }
    onUpload(file);
  }

  return (
    <section aria-labelledby="intent-new-run" className="space-y-6">
      <h2 id="intent-new-run" className="text-xl font-semibold text-slate-900">
        New run
      </h2>
      <form className="space-y-4" onSubmit={submitPaste} noValidate>
        <TextAreaField
          label="Search terms"
          description={`One per line, up to ${LIMITS.termsPerRun.toLocaleString('en-GB')} terms of ${LIMITS.termLength} characters. Repeats are counted once.`}
          rows={8}
          value={text}
          maxLength={LIMITS.pasteLength}
          error={textError}
          onChange={(event) => setText(event.target.value)}
        />
        <TextField
          label="Industry (optional)"
          description="Helps the strategy speak your market’s language, e.g. “home fragrance”."
          value={industry}
          maxLength={LIMITS.industry}
          error={industryError ?? undefined}
          onChange={(event) => setIndustry(event.target.value)}
        />
        {pasteGeneral ? <Alert tone="error">{pasteGeneral}</Alert> : null}
        <div className="flex flex-wrap items-center gap-3">
          <Button
            type="submit"
            pending={pending === 'paste'}
            pendingLabel="Classifying…"
            disabled={pending !== null}
          >
            Classify terms
          </Button>
          <p className="text-sm text-slate-600">
            {terms > 0
              ? `${countOf(terms, 'term')}: uses ${requests} of today’s coach requests.`
              : `Each ${INTENT_TERMS_PER_REQUEST} terms use one of today’s coach requests.`}
          </p>
        </div>
      </form>

      <form className="space-y-3" onSubmit={submitUpload} noValidate>
        <label htmlFor={fileId} className="block text-sm font-semibold text-slate-900">
          Or upload a search-term report (CSV)
        </label>
        <p id={`${fileId}-description`} className="text-sm text-slate-600">
          An export from your ads account, Search Console or a keyword planner: a column called “Search term”,
          “Query” or “Keyword”, and optionally “Impressions”, “Clicks”, “Volume” or “Searches”. At most{' '}
          {LIMITS.csvRows.toLocaleString('en-GB')} rows; the {LIMITS.termsPerRun.toLocaleString('en-GB')}{' '}
          terms with the most volume are analysed.
        </p>
        <input
          ref={fileInput}
          id={fileId}
          type="file"
          accept=".csv,.tsv,.txt,text/csv"
          aria-describedby={`${fileId}-description${fileError || fileMissing ? ` ${fileId}-error` : ''}`}
          aria-invalid={fileError || fileMissing ? true : undefined}
          onChange={(event) => {
            setFileMissing(false);
            setFile(event.target.files?.[0] ?? null);
          }}
          className="block w-full max-w-full text-sm text-slate-800 file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-4 file:font-semibold file:text-slate-900 hover:file:bg-slate-50"
        />
        {fileError || fileMissing ? (
          <p id={`${fileId}-error`} className="text-sm font-medium text-red-700" role="alert">
            {fileError ?? 'Choose a CSV file first.'}
          </p>
        ) : null}
        <Button
          type="submit"
          variant="secondary"
          pending={pending === 'upload'}
          pendingLabel="Uploading and classifying…"
          disabled={pending !== null}
        >
          Upload and classify
        </Button>
      </form>
    </section>
  );
}
