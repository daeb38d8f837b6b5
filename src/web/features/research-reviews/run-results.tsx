import { useQuery } from '@tanstack/react-query';
import { type Ref, useState } from 'react';
import { TRIGGER_KNOWLEDGE } from '../../../core/ai/knowledge.ts';
import type { ReviewLabel, ReviewRun, ReviewTheme } from '../../../core/research-reviews/contracts.ts';
import { formatCount } from '../../../core/research-reviews/limits.ts';
import { countOf } from '../../../core/text/plural.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { cx } from '../../components/cx.ts';
import { SelectField } from '../../components/select-field.tsx';
import { describeError } from '../../lib/api-client.ts';
import { formatDateTime } from '../../lib/format-date.ts';
import { saveFile } from '../../lib/save-file.ts';
import { reviewResearchApi, reviewResearchKeys } from './api.ts';
import { ApplyFindings } from './apply-findings.tsx';
import { LABEL_NAMES, LABEL_ORDER } from './labels.ts';
import { TrendChart } from './trend-chart.tsx';

/** Text and border colours with at least 4.5:1 contrast on their light backgrounds. */
const LABEL_STYLES: Record<ReviewLabel, string> = {
  positive: 'border-emerald-300 bg-emerald-50 text-emerald-900',
  mixed: 'border-amber-300 bg-amber-50 text-amber-900',
  negative: 'border-red-300 bg-red-50 text-red-900',
  neutral: 'border-slate-300 bg-slate-50 text-slate-800',
};

export function LabelBadge({ label }: { label: ReviewLabel }) {
  return (
    <span
      className={cx(
        'inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-semibold',
        LABEL_STYLES[label],
      )}
    >
      {LABEL_NAMES[label]}
    </span>
  );
}

function Quotes({
  title,
  quotes,
  tone,
}: {
  title: string;
  quotes: ReviewTheme['pros'];
  tone: 'pro' | 'con';
}) {
  if (quotes.length === 0) return null;
  return (
    <div className="space-y-1.5">
      <h4 className={cx('text-sm font-semibold', tone === 'pro' ? 'text-emerald-900' : 'text-red-900')}>
        {title}
      </h4>
      <ul className="space-y-1.5">
        {quotes.map((quote) => (
          <li key={`${quote.review}-${quote.text}`}>
            <blockquote
              className={cx(
                'border-l-4 pl-3 text-sm break-words text-slate-800',
                tone === 'pro' ? 'border-emerald-500' : 'border-red-500',
              )}
            >
              “{quote.text}”
            </blockquote>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ThemeCard({ theme }: { theme: ReviewTheme }) {
  return (
    <li className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="review-theme">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-semibold break-words text-slate-900">{theme.label}</h3>
        <p className="text-sm text-slate-700">
          {countOf(theme.mentions, 'review')}: {formatCount(theme.positive)} praise,{' '}
          {formatCount(theme.negative)} complain
        </p>
      </div>
      <Quotes title="Pros" quotes={theme.pros} tone="pro" />
      <Quotes title="Cons" quotes={theme.cons} tone="con" />
    </li>
  );
}

const PAGE = 20;

function ReviewList({ run }: { run: ReviewRun }) {
  const [label, setLabel] = useState<ReviewLabel | null>(null);
  const [offset, setOffset] = useState(0);
  const rows = useQuery({
    queryKey: reviewResearchKeys.reviews(run.brandId, run.id, label ?? 'all', offset),
    queryFn: () =>
      reviewResearchApi.reviews(run.brandId, run.id, { offset, limit: PAGE, ...(label ? { label } : {}) }),
  });
  const total = rows.data?.total ?? 0;
  return (
    <section aria-labelledby="reviews-list" className="space-y-3">
      <h3 id="reviews-list" className="text-lg font-semibold text-slate-900">
        Sentiment per review
      </h3>
      <SelectField
        label="Show"
        options={LABEL_ORDER.map((value) => ({
          value,
          label: `${LABEL_NAMES[value]} (${formatCount(run.counts[value])})`,
        }))}
        value={label}
        emptyLabel={`All reviews (${formatCount(run.reviewCount)})`}
        onChange={(value) => {
          setLabel(value);
          setOffset(0);
        }}
        className="max-w-xs"
      />
      {rows.error ? <Alert tone="error">{describeError(rows.error)}</Alert> : null}
      <ol className="space-y-2" start={offset + 1}>
        {(rows.data?.reviews ?? []).map((review) => (
          <li key={review.index} className="space-y-1 rounded-lg border border-slate-200 p-3">
            <div className="flex flex-wrap items-center gap-2 text-xs text-slate-700">
              <LabelBadge label={review.label} />
              {review.rating !== null ? <span>{review.rating} of 5 stars</span> : null}
              {review.date ? <span>{review.date}</span> : null}
              {review.source ? <span>{review.source}</span> : null}
              {review.themes.length > 0 ? <span>· {review.themes.join(', ')}</span> : null}
            </div>
            <p className="text-sm break-words whitespace-pre-line text-slate-900">{review.text}</p>
          </li>
        ))}
      </ol>
      {total > PAGE ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button
            variant="secondary"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE))}
          >
            Previous
          </Button>
          <p className="text-sm text-slate-700">
            {formatCount(offset + 1)}–{formatCount(Math.min(offset + PAGE, total))} of {formatCount(total)}
          </p>
          <Button
            variant="secondary"
            disabled={offset + PAGE >= total}
            onClick={() => setOffset(offset + PAGE)}
          >
            Next
          </Button>
        </div>
      ) : null}
    </section>
  );
}

function Exports({ run }: { run: ReviewRun }) {
  const [busy, setBusy] = useState<'csv' | 'pdf' | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function download(kind: 'csv' | 'pdf') {
    setBusy(kind);
    setError(null);
    try {
      const file =
        kind === 'csv'
          ? await reviewResearchApi.downloadCsv(run.brandId, run.id)
          : await reviewResearchApi.downloadPdf(run.brandId, run.id);
      saveFile(file.blob, file.filename ?? `reviews.${kind}`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  }
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          pending={busy === 'csv'}
          pendingLabel="Preparing CSV…"
          onClick={() => download('csv')}
        >
          Download CSV
        </Button>
        <Button
          variant="secondary"
          pending={busy === 'pdf'}
          pendingLabel="Preparing PDF…"
          onClick={() => download('pdf')}
        >
          Download PDF
        </Button>
      </div>
      {error ? <Alert tone="error">{describeError(error)}</Alert> : null}
    </div>
  );
}

interface RunResultsProps {
  run: ReviewRun;
  headingRef: Ref<HTMLHeadingElement>;
}

/** One run: how the reviews lean, themes with quotes, the month trend, mismatches, phrases and triggers. */
export function RunResults({ run, headingRef }: RunResultsProps) {
  const { result } = run;
  const themes = result.themes.filter((theme) => theme.pros.length + theme.cons.length > 0);
  return (
    <section aria-labelledby="review-results" className="space-y-8">
      <div className="space-y-2">
        <h2
          id="review-results"
          ref={headingRef}
          tabIndex={-1}
          className="text-xl font-semibold break-words text-slate-900 focus:outline-none"
        >
          {run.name}
        </h2>
        <p className="text-sm text-slate-700">
          <time dateTime={run.createdAt}>{formatDateTime(run.createdAt)}</time> ·{' '}
          {countOf(run.reviewCount, 'review')}
          {result.averageRating !== null ? ` · average ${result.averageRating} of 5 stars` : ''}
        </p>
        <ul className="flex flex-wrap gap-2" aria-label="Reviews by sentiment">
          {LABEL_ORDER.map((label) => (
            <li key={label} className={cx('rounded-lg border px-3 py-1 text-sm', LABEL_STYLES[label])}>
              {LABEL_NAMES[label]}: <strong>{formatCount(run.counts[label])}</strong>
            </li>
          ))}
        </ul>
        {run.notes.map((note) => (
          <Alert key={note} tone="info">
            {note}
          </Alert>
        ))}
        <Exports run={run} />
      </div>

      <section aria-labelledby="review-themes" className="space-y-3">
        <h3 id="review-themes" className="text-lg font-semibold text-slate-900">
          Themes
        </h3>
        {themes.length === 0 ? (
          <p className="text-sm text-slate-700">
            No theme came up with praise or complaint in these reviews.
          </p>
        ) : (
          <ul className="grid gap-3 lg:grid-cols-2">
            {themes.map((theme) => (
              <ThemeCard key={theme.key} theme={theme} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="review-trend" className="space-y-3">
        <h3 id="review-trend" className="text-lg font-semibold text-slate-900">
          Sentiment over time
        </h3>
        {result.trend.length === 0 ? (
          <p className="text-sm text-slate-700">These reviews have no dates, so there is no trend to show.</p>
        ) : (
          <TrendChart trend={result.trend} undated={result.undated} />
        )}
      </section>

      <section aria-labelledby="review-mismatches" className="space-y-3">
        <h3 id="review-mismatches" className="text-lg font-semibold text-slate-900">
          Stars and words that disagree
        </h3>
        {result.rated === 0 ? (
          <p className="text-sm text-slate-700">These reviews have no ratings to compare with.</p>
        ) : result.mismatchCount === 0 ? (
          <p className="text-sm text-slate-700">Every rated review’s words match its stars.</p>
        ) : (
          <>
            <p className="text-sm text-slate-700">
              {countOf(result.mismatchCount, 'review')} where 4–5 stars sit over a complaint, or 1–2 stars
              over praise: worth reading again.
            </p>
            <ul className="space-y-2">
              {result.mismatches.map((mismatch) => (
                <li
                  key={mismatch.review}
                  className="space-y-1 rounded-lg border border-slate-200 p-3"
                  data-testid="mismatch"
                >
                  <p className="text-sm font-semibold text-slate-900">
                    {mismatch.rating} of 5 stars, but the text reads{' '}
                    {LABEL_NAMES[mismatch.label].toLowerCase()}
                  </p>
                  <blockquote className="border-l-4 border-slate-400 pl-3 text-sm break-words text-slate-800">
                    “{mismatch.text}”
                  </blockquote>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="review-phrases" className="space-y-3">
          <h3 id="review-phrases" className="text-lg font-semibold text-slate-900">
            Key phrases
          </h3>
          {result.keyPhrases.length === 0 ? (
            <p className="text-sm text-slate-700">No phrase came up more than once.</p>
          ) : (
            <ul className="flex flex-wrap gap-2">
              {result.keyPhrases.map((phrase) => (
                <li
                  key={phrase.phrase}
                  className="rounded-full border border-slate-300 bg-white px-3 py-1 text-sm text-slate-800"
                >
                  {phrase.phrase} <span className="text-slate-600">×{phrase.count}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="review-triggers" className="space-y-3">
          <h3 id="review-triggers" className="text-lg font-semibold text-slate-900">
            Emotional triggers
          </h3>
          {result.triggers.length === 0 ? (
            <p className="text-sm text-slate-700">No emotional trigger was heard.</p>
          ) : (
            <ul className="space-y-2">
              {result.triggers.map((trigger) => (
                <li key={trigger.trigger} className="space-y-1">
                  <p className="text-sm font-semibold text-slate-900">
                    {TRIGGER_KNOWLEDGE[trigger.trigger].label}: {countOf(trigger.mentions, 'review')}
                  </p>
                  {trigger.quotes[0] ? (
                    <blockquote className="border-l-4 border-slate-300 pl-3 text-sm break-words text-slate-800">
                      “{trigger.quotes[0].text}”
                    </blockquote>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <ApplyFindings run={run} />
      <ReviewList run={run} />
    </section>
  );
}
