import { lazy, Suspense } from 'react';
import { ErrorBoundary } from '../../app/error-boundaries.tsx';

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
