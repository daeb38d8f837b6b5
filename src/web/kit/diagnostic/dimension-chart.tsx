/**
 * Bar chart of the four dimension scores. Loaded on demand (see lazy-charts.tsx): it is decoration
 * over the scores table, which carries the same numbers for everyone.
 */
import { DIMENSION_LABELS, DIMENSIONS } from '../../../core/diagnostic/questionnaire.ts';
import { BAND_LABELS, type Band, type DiagnosticScores } from '../../../core/diagnostic/scoring.ts';

/** Band zones along the 0–100 axis, tinted behind each bar. */
const ZONES: ReadonlyArray<{ band: Band; from: number; to: number; fill: string; swatch: string }> = [
  { band: 'needs-attention', from: 0, to: 40, fill: 'fill-red-100', swatch: 'bg-red-100' },
  { band: 'developing', from: 40, to: 60, fill: 'fill-amber-100', swatch: 'bg-amber-100' },
  { band: 'good', from: 60, to: 80, fill: 'fill-brand-100', swatch: 'bg-brand-100' },
  { band: 'strong', from: 80, to: 100, fill: 'fill-emerald-100', swatch: 'bg-emerald-100' },
];

export default function DimensionChart({ scores }: { scores: DiagnosticScores }) {
  const summary = DIMENSIONS.map(
    (dimension) => `${DIMENSION_LABELS[dimension]} ${scores.dimensions[dimension].score}`,
  ).join(', ');
  return (
    <div role="img" aria-label={`Bar chart of your scores out of 100: ${summary}.`} className="space-y-4">
      {DIMENSIONS.map((dimension) => {
        const { score } = scores.dimensions[dimension];
        return (
          <div key={dimension} className="space-y-1.5">
            <div className="flex items-baseline justify-between gap-3">
              <span className="font-semibold text-slate-900">{DIMENSION_LABELS[dimension]}</span>
              <span className="font-semibold text-slate-900 tabular-nums">
                {score}
                <span className="text-sm font-normal text-slate-600"> / 100</span>
              </span>
            </div>
            <svg
              aria-hidden="true"
              viewBox="0 0 100 10"
              preserveAspectRatio="none"
              className="block h-5 w-full overflow-hidden rounded-md"
            >
              {ZONES.map((zone) => (
                <rect
                  key={zone.band}
                  x={zone.from}
                  width={zone.to - zone.from}
                  height="10"
                  className={zone.fill}
                />
              ))}
              {/* A sliver even at 0, so an empty score still reads as a bar on the axis. */}
              <rect y="2" width={Math.max(score, 0.75)} height="6" rx="0.5" className="fill-brand-700" />
            </svg>
          </div>
        );
      })}
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
        {ZONES.map((zone) => (
          <li key={zone.band} className="flex items-center gap-1.5">
            <span className={`size-3 rounded-sm border border-slate-300 ${zone.swatch}`} />
            {BAND_LABELS[zone.band]} ({zone.from}–{zone.to === 100 ? 100 : zone.to - 1})
          </li>
        ))}
      </ul>
    </div>
  );
}
