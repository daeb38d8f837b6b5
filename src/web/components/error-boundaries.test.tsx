// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const capture = vi.fn();
const startBrowserReporter = vi.fn(() => ({ capture }));
vi.mock('../lib/sentry-browser.ts', () => ({ startBrowserReporter }));

async function settle() {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

function Exploding({ error }: { error: Error }): never {
  throw error;
}

describe('browser error reporting', () => {
  beforeEach(() => {
    vi.resetModules();
    capture.mockClear();
    startBrowserReporter.mockClear();
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('does nothing, and loads nothing, in a build without VITE_SENTRY_DSN', async () => {
    vi.stubEnv('VITE_SENTRY_DSN', '');
    const reporting = await import('../lib/error-reporting.ts');
    expect(reporting.errorReportingEnabled).toBe(false);
    reporting.reportError(new Error('boom'), { source: 'test' });
    await settle();
    expect(startBrowserReporter).not.toHaveBeenCalled();
  });

  it('loads the reporter on the first error and reports boundary errors with the user id', async () => {
    vi.stubEnv('VITE_SENTRY_DSN', 'https://key@o1.ingest.example.com/9');
    vi.stubEnv('VITE_SENTRY_ENVIRONMENT', 'staging');
    const reporting = await import('../lib/error-reporting.ts');
    const { RouteErrorBoundary } = await import('./error-boundaries.tsx');
    reporting.installErrorReporting(() => 'user-42');
    expect(startBrowserReporter).not.toHaveBeenCalled();

    const error = new Error('page failed');
    render(
      <RouteErrorBoundary>
        <Exploding error={error} />
      </RouteErrorBoundary>,
    );
    expect(await screen.findByRole('alert')).toBeTruthy();
    await settle();
    expect(startBrowserReporter).toHaveBeenCalledTimes(1);
    expect(startBrowserReporter).toHaveBeenCalledWith({
      dsn: 'https://key@o1.ingest.example.com/9',
      environment: 'staging',
      release: undefined,
    });
    expect(capture).toHaveBeenCalledWith(
      error,
      expect.objectContaining({ source: 'error-boundary', componentStack: expect.any(String) }),
      'user-42',
    );
  });

  it('does not report a page chunk that failed to load after a deploy', async () => {
    vi.stubEnv('VITE_SENTRY_DSN', 'https://key@o1.ingest.example.com/9');
    await import('../lib/error-reporting.ts');
    const { RouteErrorBoundary } = await import('./error-boundaries.tsx');
    render(
      <RouteErrorBoundary>
        <Exploding error={new TypeError('Failed to fetch dynamically imported module: /assets/x.js')} />
      </RouteErrorBoundary>,
    );
    expect(await screen.findByRole('alert')).toBeTruthy();
    await settle();
    expect(capture).not.toHaveBeenCalled();
  });
});
