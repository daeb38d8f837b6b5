import { cx } from './cx.ts';

interface SpinnerProps {
  className?: string;
}

/** Decorative; pair it with text or a labelled status region. */
export function Spinner({ className }: SpinnerProps) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      fill="none"
      className={cx('size-5 shrink-0 animate-spin motion-reduce:animate-none', className)}
    >
      <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
      <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}

interface PageLoaderProps {
  label?: string;
  /** `page` fills the main area (page-level loading); `inline` sits inside other content. */
  variant?: 'page' | 'inline';
}

export function PageLoader({ label = 'Loading…', variant = 'page' }: PageLoaderProps) {
  return (
    <div
      className={cx('flex items-center justify-center px-4', variant === 'page' ? 'flex-1 py-16' : 'py-8')}
    >
      <p role="status" className="flex items-center gap-3 text-slate-600">
        <Spinner className="text-brand-600" />
        <span>{label}</span>
      </p>
    </div>
  );
}
