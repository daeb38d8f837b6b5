import type { ReactNode } from 'react';
import { cx } from '../../components/cx.ts';

interface SettingsSectionProps {
  /** Also the URL fragment the page's contents list links to. */
  id: string;
  title: string;
  description?: ReactNode;
  /** `danger` marks the section whose actions cannot be taken back. */
  tone?: 'default' | 'danger';
  children: ReactNode;
}

/** One titled region of the Settings page; screen readers list it as a landmark by its heading. */
export function SettingsSection({
  id,
  title,
  description,
  tone = 'default',
  children,
}: SettingsSectionProps) {
  const headingId = `${id}-heading`;
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      className={cx(
        'scroll-mt-6 space-y-5 rounded-2xl border bg-white p-4 shadow-sm sm:p-8',
        tone === 'danger' ? 'border-red-300' : 'border-slate-200',
      )}
    >
      <div className="space-y-1">
        <h2
          id={headingId}
          className={cx('text-xl font-semibold', tone === 'danger' ? 'text-red-800' : 'text-slate-900')}
        >
          {title}
        </h2>
        {description ? <div className="text-slate-700">{description}</div> : null}
      </div>
      {children}
    </section>
  );
}
