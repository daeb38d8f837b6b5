import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { Providers } from './app/providers.tsx';
import { createQueryClient } from './app/query-client.ts';
import { AppRoutes, prefetchPages } from './app/router.tsx';
import { RootErrorBoundary } from './components/error-boundaries.tsx';
import { installErrorReporting } from './lib/error-reporting.ts';
import { sessionQuery } from './lib/session.ts';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');

const queryClient = createQueryClient();
installErrorReporting(() => queryClient.getQueryData(sessionQuery.queryKey)?.user?.id);
// Ask who is signed in while the first page's code downloads, not after it renders.
void queryClient.prefetchQuery(sessionQuery);

const root = createRoot(container);
// As a transition, the first render yields to the browser every few milliseconds instead of holding
// the main thread in one long task.
startTransition(() => {
  root.render(
    <StrictMode>
      <RootErrorBoundary>
        <Providers queryClient={queryClient}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </Providers>
      </RootErrorBoundary>
    </StrictMode>,
  );
});

if (document.readyState === 'complete') prefetchPages();
else window.addEventListener('load', () => prefetchPages(), { once: true });
