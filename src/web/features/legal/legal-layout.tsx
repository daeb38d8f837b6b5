/**
 * The frame of the /privacy, /terms and /contact pages. The heading and introduction are fixed text,
 * so they are in the prerendered HTML; the facts come from `GET /api/legal` (this installation's
 * settings, ADR 0046) and appear below them — nothing above moves when they arrive.
 */
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { LegalFacts } from '../../../core/legal/contracts.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { PageLoader } from '../../components/spinner.tsx';
import { describeError } from '../../lib/api-client.ts';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { legalApi } from './api.ts';

export function useLegalFacts() {
  return useQuery({
    queryKey: ['legal-facts'],
    queryFn: legalApi.facts,
    // Settings change only when the server restarts.
    staleTime: 5 * 60 * 1000,
  });
}

interface LegalPageProps {
  title: string;
  intro: ReactNode;
  /** Renders the page's facts once they are loaded. */
  children: (facts: LegalFacts) => ReactNode;
}

export function LegalPage({ title, intro, children }: LegalPageProps) {
  useDocumentTitle(title);
  const facts = useLegalFacts();
  let body: ReactNode;
  if (facts.data) body = children(facts.data);
  else if (facts.isError) {
    body = (
      <Alert tone="error" title="We couldn’t load this site’s details">
        <p>{describeError(facts.error)}</p>
        <Button variant="secondary" pending={facts.isFetching} onClick={() => void facts.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  } else body = <PageLoader variant="inline" label="Loading this site’s details…" />;

  return (
    <article className="mx-auto w-full max-w-3xl px-4 py-12 sm:px-6 sm:py-16">
      <header className="space-y-4 border-b border-slate-200 pb-8">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">{title}</h1>
        <div className="space-y-3 text-lg text-slate-700">{intro}</div>
      </header>
      <div className="space-y-10 pt-8">{body}</div>
    </article>
  );
}

export function LegalSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-4">
      <h2 id={id} className="text-2xl font-bold tracking-tight text-slate-900">
        {title}
      </h2>
      <div className="space-y-3 text-slate-700">{children}</div>
    </section>
  );
}

/** "the operator of this site" in words, with the name when the operator gave one. */
export function operatorName(facts: LegalFacts): string {
  return facts.operator.name ?? 'the operator of this site';
}
