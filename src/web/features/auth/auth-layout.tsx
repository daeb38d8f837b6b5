import type { ReactNode } from 'react';
import { Card } from '../../components/card.tsx';
import { useDocumentTitle } from '../../lib/document-title.ts';

interface AuthLayoutProps {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  /** Links to the neighbouring auth pages, under the card. */
  footer?: ReactNode;
}

export function AuthLayout({ title, intro, children, footer }: AuthLayoutProps) {
  useDocumentTitle(title);
  return (
    <div className="mx-auto w-full max-w-md px-4 py-10 sm:py-16">
      <Card className="space-y-6">
        <div className="space-y-2">
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
          {intro ? <div className="text-slate-700">{intro}</div> : null}
        </div>
        {children}
      </Card>
      {footer ? <div className="mt-6 space-y-2 text-center text-sm text-slate-700">{footer}</div> : null}
    </div>
  );
}
