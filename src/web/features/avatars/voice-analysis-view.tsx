/** The saved voice-of-customer analysis: sentiment split, key phrases, triggers, quotes, fit. */

import { useId } from 'react';
import { fieldAnchor } from '../../../core/knowledge/links.ts';
import { countOf, plural } from '../../../core/text/plural.ts';
import type { AvatarVoiceAnalysis } from '../../../core/workspace/avatar.ts';
import { TRIGGER_LABELS } from '../../../core/workspace/trigger-assessment.ts';
import { cx } from '../../components/cx.ts';
import { formatDateTime } from '../../lib/format-date.ts';

type Polarity = 'positive' | 'neutral' | 'negative';

const POLARITY_LABELS: Record<Polarity, string> = {
  positive: 'Positive',
  neutral: 'Neutral',
  negative: 'Negative',
};
const BAR_CLASSES: Record<Polarity, string> = {
  positive: 'bg-emerald-600',
  neutral: 'bg-slate-400',
  negative: 'bg-red-600',
};
const CHIP_CLASSES: Record<Polarity, string> = {
  positive: 'border-emerald-300 bg-emerald-50 text-emerald-900',
  neutral: 'border-slate-300 bg-slate-50 text-slate-800',
  negative: 'border-red-300 bg-red-50 text-red-900',
};

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}

function SubHeading({ id, children }: { id: string; children: string }) {
  return (
    <h3 id={id} className="text-base font-semibold text-slate-900">
      {children}
    </h3>
  );
}

interface VoiceAnalysisViewProps {
  analysis: AvatarVoiceAnalysis;
  analysedAt: string | null;
  analysedBy: 'offline' | 'openai-compatible' | null;
  /** Why the offline coach answered instead of the configured provider, when it did. */
  notice: string | null;
}

export function VoiceAnalysisView({ analysis, analysedAt, analysedBy, notice }: VoiceAnalysisViewProps) {
  const ids = {
    root: useId(),
    sentiment: useId(),
    phrases: useId(),
    triggers: useId(),
    quotes: useId(),
    fit: useId(),
  };
  const { positive, neutral, negative } = analysis.sentiment;
  const total = positive + neutral + negative;
  const split: [Polarity, number][] = [
    ['positive', positive],
    ['neutral', neutral],
    ['negative', negative],
  ];
  const confirmed = analysis.echoes.filter((echo) => echo.mentions > 0);
  const silent = analysis.echoes.filter((echo) => echo.mentions === 0);
  const when = analysedAt ? formatDateTime(analysedAt) : null;

  return (
    <section
      id={fieldAnchor('voice.analysis')}
      aria-labelledby={ids.root}
      className="space-y-6 rounded-2xl border border-slate-200 bg-slate-50 p-4 sm:p-5"
    >
      <div className="space-y-1">
        <h3 id={ids.root} className="text-lg font-semibold text-slate-900">
          What {countOf(analysis.reviewCount, 'review')} {plural(analysis.reviewCount, 'says', 'say')}
        </h3>
        <p className="text-xs text-slate-600">
          {analysedBy === 'offline' ? 'Offline coach' : 'AI coach'}
          {when ? ` · analysed ${when}` : null}
          {notice ? ` · ${notice}` : null}
        </p>
      </div>

      {analysis.summary.length > 0 ? (
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
          {analysis.summary.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}

      <section className="space-y-2" aria-labelledby={ids.sentiment}>
        <SubHeading id={ids.sentiment}>Sentiment</SubHeading>
        <div className="flex h-3 w-full overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
          {split.map(([polarity, count]) =>
            count > 0 ? (
              <div
                key={polarity}
                className={BAR_CLASSES[polarity]}
                style={{ width: `${percent(count, total)}%` }}
              />
            ) : null,
          )}
        </div>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800" data-testid="sentiment-split">
          {split.map(([polarity, count]) => (
            <li key={polarity} className="flex items-center gap-1.5">
              <span
                aria-hidden="true"
                className={cx('inline-block size-2.5 rounded-full', BAR_CLASSES[polarity])}
              />
              {POLARITY_LABELS[polarity]}: {count} ({percent(count, total)}%)
            </li>
          ))}
        </ul>
      </section>

      <section className="space-y-2" aria-labelledby={ids.phrases}>
        <SubHeading id={ids.phrases}>Key phrases</SubHeading>
        {analysis.keyPhrases.length > 0 ? (
          <ul className="flex flex-wrap gap-2">
            {analysis.keyPhrases.map((entry) => (
              <li
                key={entry.phrase}
                className={cx('rounded-full border px-3 py-1 text-sm', CHIP_CLASSES[entry.sentiment])}
              >
                {entry.phrase}
                <span className="ml-1 text-xs">
                  ×{entry.count}
                  <span className="sr-only">
                    {' '}
                    {plural(entry.count, 'review')}, mostly {entry.sentiment}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-700">
            No phrase recurs across these reviews yet; add more reviews.
          </p>
        )}
      </section>

      <section className="space-y-2" aria-labelledby={ids.triggers}>
        <SubHeading id={ids.triggers}>Emotional triggers detected</SubHeading>
        {analysis.triggers.length > 0 ? (
          <ul className="space-y-3">
            {analysis.triggers.map((entry) => (
              <li key={entry.trigger} className="space-y-1">
                <p className="text-sm font-semibold text-slate-900">
                  {TRIGGER_LABELS[entry.trigger]}{' '}
                  <span className="font-normal text-slate-700">
                    — {entry.mentions} of {countOf(analysis.reviewCount, 'review')}
                  </span>
                </p>
                {entry.quotes.slice(0, 2).map((quote) => (
                  <blockquote
                    key={quote}
                    className="border-l-2 border-slate-300 pl-3 text-sm break-words text-slate-700 italic"
                  >
                    “{quote}”
                  </blockquote>
                ))}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-700">
            These reviews don’t name a feeling the seven triggers cover.
          </p>
        )}
      </section>

      <section className="space-y-2" aria-labelledby={ids.quotes}>
        <SubHeading id={ids.quotes}>Representative quotes</SubHeading>
        <ul className="space-y-2">
          {analysis.quotes.map((quote) => (
            <li key={quote.text} className="rounded-lg border border-slate-200 bg-white p-3">
              <blockquote className="text-sm break-words text-slate-800">“{quote.text}”</blockquote>
              <p
                className={cx(
                  'mt-1 inline-block rounded-full border px-2 text-xs',
                  CHIP_CLASSES[quote.sentiment],
                )}
              >
                {POLARITY_LABELS[quote.sentiment]}
              </p>
            </li>
          ))}
        </ul>
      </section>

      {analysis.echoes.length > 0 ? (
        <section className="space-y-2" aria-labelledby={ids.fit}>
          <SubHeading id={ids.fit}>This avatar against the reviews</SubHeading>
          {confirmed.length > 0 ? (
            <ul className="space-y-1 text-sm text-slate-800">
              {confirmed.map((echo) => (
                <li key={`${echo.field}:${echo.tag}`}>
                  <span className="font-semibold">{echo.tag}</span> ({echo.field.replace(/s$/, '')}) — heard
                  in {countOf(echo.mentions, 'review')}
                  {echo.quote ? <span className="block text-slate-600 italic">“{echo.quote}”</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
          {silent.length > 0 ? (
            <p className="text-sm text-slate-700">
              Not heard in these reviews: {silent.map((echo) => echo.tag).join(', ')}. Check them with real
              customers.
            </p>
          ) : null}
        </section>
      ) : null}

      {analysis.suggestions.values.length +
        analysis.suggestions.fears.length +
        analysis.suggestions.desires.length >
      0 ? (
        <p className="text-sm text-slate-700">
          Suggestions from these reviews appear as chips under Values, Fears and Desires above.
        </p>
      ) : null}
    </section>
  );
}
