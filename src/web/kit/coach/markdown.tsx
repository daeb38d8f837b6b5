import { lazy, Suspense } from 'react';
import { ErrorBoundary } from '../../components/error-boundaries.tsx';

// The renderer stays at the path scripts/check-bundle.ts watches (it must never be in a page's initial
// JavaScript); it is only ever loaded from here.
const MarkdownRenderer = lazy(() => import('./markdown-renderer.tsx'));

/** The text as it came, until the Markdown renderer arrives (or if it cannot be downloaded). */
function PlainText({ children }: { children: string }) {
  return <p className="whitespace-pre-wrap break-words">{children}</p>;
}

/** An answer as sanitised Markdown; the renderer is a separate chunk fetched with the first answer. */
export function MarkdownText({ children }: { children: string }) {
  return (
    <ErrorBoundary fallback={() => <PlainText>{children}</PlainText>}>
      <Suspense fallback={<PlainText>{children}</PlainText>}>
        <MarkdownRenderer>{children}</MarkdownRenderer>
      </Suspense>
    </ErrorBoundary>
  );
}
