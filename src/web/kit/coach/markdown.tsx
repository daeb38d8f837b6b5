import { lazy, Suspense } from 'react';
import type { Citation } from '../../../core/knowledge/contracts.ts';
import { ErrorBoundary } from '../../components/error-boundaries.tsx';

// The renderer stays at the path scripts/check-bundle.ts watches (it must never be in a page's initial
// JavaScript); it is only ever loaded from here.
const MarkdownRenderer = lazy(() => import('./markdown-renderer.tsx'));

/** The text as it came, until the Markdown renderer arrives (or if it cannot be downloaded). */
function PlainText({ children }: { children: string }) {
  return <p className="whitespace-pre-wrap break-words">{children}</p>;
}

/** One empty list, so an answer without citations does not rebuild the renderer's plugins. */
const NO_CITATIONS: readonly Citation[] = [];

/**
 * An answer as sanitised Markdown, its `[n]` markers linked to `citations`; the renderer is a
 * separate chunk fetched with the first answer.
 */
export function MarkdownText({
  children,
  citations = NO_CITATIONS,
}: {
  children: string;
  citations?: readonly Citation[] | undefined;
}) {
  return (
    <ErrorBoundary fallback={() => <PlainText>{children}</PlainText>}>
      <Suspense fallback={<PlainText>{children}</PlainText>}>
        <MarkdownRenderer citations={citations}>{children}</MarkdownRenderer>
      </Suspense>
    </ErrorBoundary>
  );
}
