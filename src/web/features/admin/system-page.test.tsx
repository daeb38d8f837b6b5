// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SystemStatus } from '../../../core/system/contracts.ts';
import { jsonResponse, renderWithProviders } from '../../test/render.tsx';
import SystemPage from './system-page.tsx';

const now = new Date('2026-11-26T12:00:00Z');

const status: SystemStatus = {
  generatedAt: now.toISOString(),
  health: {
    status: 'ready',
    database: { kind: 'postgres', reachable: true, latencyMs: 1.25 },
    migrations: { applied: 10, expected: 10 },
    pool: { total: 3, idle: 2, waiting: 0, max: 10 },
    uptimeSeconds: 3 * 3600 + 300,
    version: '0.1.0',
    release: 'ibc@1.2.3',
    nodeVersion: 'v24.0.0',
  },
  backups: {
    lastSuccess: {
      run: {
        id: 'b1',
        startedAt: '2026-11-24T02:00:00Z',
        finishedAt: '2026-11-24T02:00:03Z',
        durationMs: 3_000,
        outcome: 'success',
        trigger: 'job',
        fileName: 'ibc-2026-11-24.backup',
        sizeBytes: 2_621_440,
        sha256: 'f'.repeat(64),
        encrypted: true,
        error: null,
      },
      ageSeconds: 2 * 86_400,
    },
    runs: [
      {
        id: 'b2',
        startedAt: '2026-11-25T02:00:00Z',
        finishedAt: '2026-11-25T02:00:01Z',
        durationMs: 900,
        outcome: 'failure',
        trigger: 'job',
        fileName: null,
        sizeBytes: null,
        sha256: null,
        encrypted: false,
        error: 'pg_dump exited with code 1',
      },
    ],
  },
  jobs: {
    schedulerEnabled: true,
    summary: [
      {
        name: 'retention.daily',
        schedule: 'daily',
        lastRunAt: '2026-11-26T00:00:05Z',
        lastOutcome: 'failed',
        failuresLast24h: 2,
        retrying: 1,
        pending: 1,
        running: 0,
        failed: 3,
        nextRunAt: '2026-11-26T11:00:00Z',
      },
    ],
    depth: { queued: 1, running: 0, failed: 3 },
    recentFailures: [
      {
        id: 'j1',
        name: 'retention.daily',
        runKey: '2026-11-26',
        attempts: 5,
        maxAttempts: 5,
        finishedAt: '2026-11-26T00:00:05Z',
        error: 'Error: lock timeout',
      },
    ],
  },
  outbox: {
    transport: 'outbox',
    count: 1,
    recent: [
      { id: 'm1', to: 'a***@example.com', subject: 'Confirm your email', createdAt: now.toISOString() },
    ],
  },
  errors: {
    recent: [
      {
        id: 'e1',
        requestId: 'req-1',
        method: 'PUT',
        route: '/api/items/:itemId',
        errorName: 'TypeError',
        message: 'cannot read [email]',
        location: 'src/server/features/workspace/service.ts:42',
        createdAt: now.toISOString(),
      },
    ],
  },
  knowledge: {
    search: {
      mode: 'full-text',
      embeddingModel: 'text-embedding-3-small',
      vectorExtension: { status: 'not-installed', version: null },
      reasons: [
        {
          code: 'extension-not-installed',
          message: 'This PostgreSQL server does not have the pgvector extension installed.',
        },
      ],
      passages: null,
    },
    failedExtractions: {
      count: 2,
      recent: [
        {
          id: 'd1',
          format: 'pdf',
          sizeBytes: 1_048_576,
          reason: 'This PDF is protected by a password.',
          failedAt: '2026-11-26T10:00:00Z',
        },
      ],
    },
  },
};

function answer(response: () => Response) {
  const fetchMock = vi.fn<typeof fetch>(async () => response());
  vi.stubGlobal('fetch', fetchMock);
  renderWithProviders(<SystemPage />, { path: '/app/admin/system' });
  return fetchMock;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('SystemPage', () => {
  it('shows every section, flags a stale backup and lists failures and errors', async () => {
    const fetchMock = answer(() => jsonResponse(200, status));
    expect(await screen.findByText('ready', {}, { timeout: 5000 })).toBeTruthy();
    for (const name of ['Health', 'Backups', 'Jobs', 'Knowledge search', 'Outbox', 'Recent errors']) {
      expect(screen.getByRole('heading', { level: 2, name })).toBeTruthy();
    }
    expect(screen.getByText('PostgreSQL, answers in 1.25 ms')).toBeTruthy();
    expect(screen.getByText('0.1.0 (ibc@1.2.3)')).toBeTruthy();
    expect(screen.getByRole('heading', { name: /Last successful backup: 2 d 0 h ago/ })).toBeTruthy();
    expect(screen.getByText('Older than a day: check the daily job.')).toBeTruthy();
    expect(screen.getByText('2.5 MB')).toBeTruthy();
    expect(screen.getByText('pg_dump exited with code 1')).toBeTruthy();

    const jobs = screen.getByRole('table', { name: 'Jobs: last run, failures and next run' });
    expect(within(jobs).getByText('due now')).toBeTruthy();
    expect(within(jobs).getByText('1 retrying')).toBeTruthy();
    expect(within(jobs).getByText('2 in 24 h')).toBeTruthy();
    expect(screen.getByText(/^Queue:/).textContent).toBe('Queue: 1 queued, 0 running, 3 failed.');

    expect(screen.getByText('Full-text only')).toBeTruthy();
    expect(screen.getByText('not installed')).toBeTruthy();
    const why = screen.getByText('Why search matches words only').closest<HTMLElement>('[role="status"]');
    expect(why).not.toBeNull();
    if (why) expect(within(why).getByText(/does not have the pgvector extension installed/)).toBeTruthy();
    expect(screen.queryByText('Passages with vectors')).toBeNull();
    expect(screen.getByText(/could not be read\.$/).textContent).toBe('2 documents could not be read.');
    const failedDocuments = screen.getByRole('table', { name: /^Failed document extractions/ });
    expect(within(failedDocuments).getByText('This PDF is protected by a password.')).toBeTruthy();
    expect(within(failedDocuments).getByText('PDF, 1.0 MB')).toBeTruthy();
    const failures = screen.getByRole('table', { name: 'Failed job runs, newest first' });
    expect(within(failures).getByText('Error: lock timeout')).toBeTruthy();
    expect(screen.getByText('a***@example.com')).toBeTruthy();
    const errors = screen.getByRole('table', { name: 'Unexpected server errors, newest first' });
    expect(within(errors).getByText('PUT /api/items/:itemId')).toBeTruthy();
    expect(within(errors).getByText('src/server/features/workspace/service.ts:42')).toBeTruthy();

    const calls = fetchMock.mock.calls.length;
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await vi.waitFor(() => expect(fetchMock.mock.calls.length).toBe(calls + 1));
    expect(String(fetchMock.mock.calls.at(-1)?.[0])).toBe('/api/admin/system');
  });

  it('shows vector search with its progress and no reasons', async () => {
    answer(() =>
      jsonResponse(200, {
        ...status,
        knowledge: {
          search: {
            mode: 'full-text-and-vectors',
            embeddingModel: 'text-embedding-3-small@512',
            vectorExtension: { status: 'enabled', version: '0.8.7' },
            reasons: [],
            passages: { total: 50, embedded: 40 },
          },
          failedExtractions: { count: 0, recent: [] },
        },
      }),
    );
    expect(await screen.findByText('Full-text + vectors', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('text-embedding-3-small@512')).toBeTruthy();
    expect(screen.getByText('enabled (0.8.7)')).toBeTruthy();
    expect(screen.getByText(/^40 of 50/)).toBeTruthy();
    expect(screen.getByText('10 waiting for the embedding job; found by their words meanwhile')).toBeTruthy();
    expect(screen.queryByText('Why search matches words only')).toBeNull();
    expect(screen.getByText('No document has failed.')).toBeTruthy();
  });

  it('shows the empty states', async () => {
    answer(() =>
      jsonResponse(200, {
        ...status,
        backups: { lastSuccess: null, runs: [] },
        jobs: {
          schedulerEnabled: false,
          summary: [],
          depth: { queued: 0, running: 0, failed: 0 },
          recentFailures: [],
        },
        outbox: { transport: 'smtp', count: 0, recent: [] },
        errors: { recent: [] },
      }),
    );
    expect(await screen.findByText(/No backup yet — run/, {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('npm run backup')).toBeTruthy();
    expect(screen.getByText(/The scheduler does not run on this instance/)).toBeTruthy();
    expect(screen.getByText('No failed runs.')).toBeTruthy();
    expect(screen.getByText('The outbox is empty.')).toBeTruthy();
    expect(screen.getByText('No unexpected server errors in the last 30 days.')).toBeTruthy();
  });

  it('explains a failure and offers to try again', async () => {
    answer(() =>
      jsonResponse(500, {
        error: { code: 'INTERNAL', message: 'Something went wrong on our side.', requestId: 'r' },
      }),
    );
    expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('We couldn’t load the system status')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
