import { BAND_LABELS, type Band } from '../../../core/diagnostic/scoring.ts';
import { cx } from '../../components/cx.ts';

const tones: Record<Band, string> = {
  strong: 'border-emerald-300 bg-emerald-50 text-emerald-900',
  good: 'border-brand-300 bg-brand-50 text-brand-900',
  developing: 'border-amber-300 bg-amber-50 text-amber-900',
  'needs-attention': 'border-red-300 bg-red-50 text-red-900',
};

/** The band as words (never colour alone), tinted to match. */
export function BandBadge({
  band,
  size = 'md',
  className,
}: {
  band: Band;
  /** `sm` for tight spots such as table cells on phones. */
  size?: 'sm' | 'md';
  className?: string;
}) {
  return (
    <span
      className={cx(
        'inline-flex items-center rounded-full border font-semibold whitespace-nowrap',
        size === 'sm' ? 'px-2 py-0.5 text-xs sm:text-sm' : 'px-2.5 py-0.5 text-sm',
        tones[band],
        className,
      )}
    >
      {BAND_LABELS[band]}
    </span>
  );
}
