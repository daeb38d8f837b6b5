import type { QueryClient } from '@tanstack/react-query';
import { type ReactNode, StrictMode } from 'react';
import { RootErrorBoundary } from '../components/error-boundaries.tsx';
import { DocumentTitleCollector } from '../lib/document-title.ts';
import { Providers } from './providers.tsx';

interface AppRootProps {
  queryClient: QueryClient;
  /** The router with the app's routes: the browser's in main.tsx, a fixed location's in prerender.tsx. */
  children: ReactNode;
  /** Only when prerendering: receives the page's document title (effects don't run there). */
  collectTitle?: (title: string) => void;
}

/**
 * Everything around the router. The browser (main.tsx) and the build-time prerender (prerender.tsx)
 * both render it, so the prerendered HTML and the tree that hydrates it cannot drift apart.
 */
export function AppRoot({ queryClient, children, collectTitle }: AppRootProps) {
  return (
    <StrictMode>
      <RootErrorBoundary>
        <DocumentTitleCollector value={collectTitle ?? null}>
          <Providers queryClient={queryClient}>{children}</Providers>
        </DocumentTitleCollector>
      </RootErrorBoundary>
    </StrictMode>
  );
}
