import type { HTMLAttributes } from 'react';
import { cx } from './cx.ts';

export function Card({ className, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return (
    <div
      {...rest}
      className={cx('rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8', className)}
    />
  );
}
