import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { BackupRunView, ServerErrorView, SystemStatus } from '../../../core/system/contracts.ts';
import { formatAge, formatBytes, formatDurationMs, shortChecksum } from '../../../core/system/format.ts';
import { plural } from '../../../core/text/plural.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { describeError } from '../../lib/api-client.ts';
import { formatWhen } from '../../lib/format-date.ts';
import { AdminFrame, LoadState, Section } from './admin-parts.tsx';
import { type AdminColumn, AdminTable } from './admin-table.tsx';
import { systemQuery } from './queries.ts';

/** The daily backup job runs once a day; a last good backup older than this means it has been missed. */
const BACKUP_STALE_SECONDS = 26 * 60 * 60;

const DATABASE_NAMES = { pglite: 'PGlite (embedded)', postgres: 'PostgreSQL' } as const;

function Facts({ children }: { children: ReactNode }) {
  return <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">{children}</dl>;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-sm font-semibold text-slate-700">{label}</dt>
      <dd className="break-words text-slate-900">{children}</dd>
    </div>
  );
}

function Badge({ tone, children }: { tone: 'good' | 'bad' | 'neutral'; children: ReactNode }) {
  const tones = {
    good: 'border-emerald-300 bg-emerald-50 text-emerald-900',
    bad: 'border-red-300 bg-red-50 text-red-900',
    neutral: 'border-slate-300 bg-slate-50 text-slate-800',
  } as const;
  return (
    <span className={`inline-block rounded-full border px-2 py-0.5 text-sm font-semibold ${tones[tone]}`}>
      {children}
    </span>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <p className="text-slate-600">{children}</p>;
}

function Health({ health }: { health: SystemStatus['health'] }) {
  const { database, migrations, pool } = health;
  return (
    <Facts>
      <Fact label="Status">
        <Badge tone={health.status === 'ready' ? 'good' : 'bad'}>{health.status.replace('_', ' ')}</Badge>
      </Fact>
      <Fact label="Database">
        {DATABASE_NAMES[database.kind]},{' '}
        {database.reachable ? `answers in ${database.latencyMs ?? 0} ms` : 'not reachable'}
      </Fact>
      <Fact label="Migrations">
        {migrations.applied === null
          ? `unknown of ${migrations.expected}`
          : `${migrations.applied} of ${migrations.expected} applied`}
      </Fact>
      <Fact label="Connections">
        {pool.total} open ({pool.idle} idle) of {pool.max}, {pool.waiting} waiting
      </Fact>
      <Fact label="Uptime">{formatAge(health.uptimeSeconds)}</Fact>
      <Fact label="Version">{health.release ? `${health.version} (${health.release})` : health.version}</Fact>
      <Fact label="Node.js">{health.nodeVersion}</Fact>
    </Facts>
  );
}

function LastBackup({ lastSuccess }: { lastSuccess: NonNullable<SystemStatus['backups']['lastSuccess']> }) {
  const { run, ageSeconds } = lastSuccess;
  const stale = ageSeconds > BACKUP_STALE_SECONDS;
  return (
    <div
      className={`space-y-3 rounded-xl border p-4 ${stale ? 'border-amber-300 bg-amber-50' : 'border-emerald-300 bg-emerald-50'}`}
    >
      <h3 className="font-semibold text-slate-900">
        Last successful backup: {formatAge(ageSeconds)} ago
        {stale ? (
          <span className="block text-sm font-normal">Older than a day: check the daily job.</span>
        ) : null}
      </h3>
      <Facts>
        <Fact label="Finished">{formatWhen(run.finishedAt)}</Fact>
        <Fact label="Size">{run.sizeBytes === null ? '—' : formatBytes(run.sizeBytes)}</Fact>
        <Fact label="Duration">{formatDurationMs(run.durationMs)}</Fact>
        <Fact label="File">
          <code className="break-all text-sm">{run.fileName ?? '—'}</code>
        </Fact>
        <Fact label="SHA-256">
          <code className="break-all text-sm">{run.sha256 ?? '—'}</code>
        </Fact>
        <Fact label="Encrypted">{run.encrypted ? 'yes' : 'no'}</Fact>
      </Facts>
    </div>
  );
}

type OutboxMail = SystemStatus['outbox']['recent'][number];

/** A row named by when it happened (newest-first lists of runs, mail and errors). */
function whenColumn<Row>(header: string, at: (row: Row) => string): AdminColumn<Row> {
  return {
    header,
    rowHeader: true,
    className: 'whitespace-nowrap font-normal',
    render: (row) => formatWhen(at(row)),
  };
}

const BACKUP_RUN_COLUMNS: readonly AdminColumn<BackupRunView>[] = [
  whenColumn('Started', (run) => run.startedAt),
  {
    header: 'Outcome',
    render: (run) => (
      <>
        <Badge tone={run.outcome === 'success' ? 'good' : 'bad'}>{run.outcome}</Badge>
        {run.error ? <span className="mt-1 block text-xs text-slate-700">{run.error}</span> : null}
      </>
    ),
  },
  { header: 'Started by', render: (run) => (run.trigger === 'job' ? 'daily job' : 'command') },
  { header: 'File', className: 'break-all', render: (run) => run.fileName ?? '—' },
  {
    header: 'Size',
    numeric: true,
    render: (run) => (run.sizeBytes === null ? '—' : formatBytes(run.sizeBytes)),
  },
  {
    header: 'Checksum',
    render: (run) =>
      run.sha256 ? (
        <code className="text-xs" title={run.sha256}>
          {shortChecksum(run.sha256)}
        </code>
      ) : (
        '—'
      ),
  },
  { header: 'Duration', numeric: true, render: (run) => formatDurationMs(run.durationMs) },
];

function Backups({ backups }: { backups: SystemStatus['backups'] }) {
  if (backups.runs.length === 0 && !backups.lastSuccess) {
    return (
      <Empty>
        No backup yet — run <code>npm run backup</code> or wait for the daily job.
      </Empty>
    );
  }
  return (
    <div className="space-y-4">
      {backups.lastSuccess ? (
        <LastBackup lastSuccess={backups.lastSuccess} />
      ) : (
        <Alert tone="error" title="No backup has succeeded yet">
          <p>The runs below failed; see their errors and docs/runbooks/disaster-recovery.md.</p>
        </Alert>
      )}
      <AdminTable
        caption="Recent backup runs, newest first"
        columns={BACKUP_RUN_COLUMNS}
        rows={backups.runs}
        rowKey={(run) => run.id}
      />
    </div>
  );
}

function nextRunText(iso: string | null, generatedAt: string): string {
  if (!iso) return '—';
  return new Date(iso).getTime() <= new Date(generatedAt).getTime() ? 'due now' : formatWhen(iso);
}

function Jobs({ jobs, generatedAt }: { jobs: SystemStatus['jobs']; generatedAt: string }) {
  const { depth } = jobs;
  return (
    <div className="space-y-6">
      <p className="text-slate-700">
        Queue: <strong className="text-slate-900">{depth.queued}</strong> queued,{' '}
        <strong className="text-slate-900">{depth.running}</strong> running,{' '}
        <strong className="text-slate-900">{depth.failed}</strong> failed.
      </p>
      {jobs.schedulerEnabled ? null : (
        <Alert tone="info">
          <p>
            The scheduler does not run on this instance (<code>JOBS_ENABLED</code>); jobs run on the instances
            where it does.
          </p>
        </Alert>
      )}
      <AdminTable
        caption="Jobs: last run, failures and next run"
        columns={[
          { header: 'Job', rowHeader: true, className: 'whitespace-nowrap', render: (job) => job.name },
          { header: 'Schedule', render: (job) => job.schedule ?? 'on demand' },
          {
            header: 'Last run',
            render: (job) =>
              job.lastRunAt ? (
                <>
                  <span className="whitespace-nowrap">{formatWhen(job.lastRunAt)}</span>{' '}
                  <Badge tone={job.lastOutcome === 'failed' ? 'bad' : 'good'}>{job.lastOutcome}</Badge>
                </>
              ) : (
                'never'
              ),
          },
          {
            header: 'Queued',
            numeric: true,
            render: (job) => (
              <>
                {job.pending}
                {job.retrying > 0 ? (
                  <span className="block text-xs text-slate-700">{job.retrying} retrying</span>
                ) : null}
              </>
            ),
          },
          { header: 'Running', numeric: true, render: (job) => job.running },
          {
            header: 'Failed',
            numeric: true,
            render: (job) => (
              <>
                {job.failed}
                {job.failuresLast24h > 0 ? (
                  <span className="block text-xs text-slate-700">{job.failuresLast24h} in 24 h</span>
                ) : null}
              </>
            ),
          },
          {
            header: 'Next run',
            className: 'whitespace-nowrap',
            render: (job) => nextRunText(job.nextRunAt, generatedAt),
          },
        ]}
        rows={jobs.summary}
        rowKey={(job) => job.name}
        empty="No jobs are registered or recorded."
      />
      <div className="space-y-3">
        <h3 className="font-semibold text-slate-900">Recent failed runs</h3>
        <AdminTable
          caption="Failed job runs, newest first"
          columns={[
            { header: 'Job', rowHeader: true, className: 'whitespace-nowrap', render: (run) => run.name },
            {
              header: 'Failed',
              className: 'whitespace-nowrap',
              render: (run) => (run.finishedAt ? formatWhen(run.finishedAt) : '—'),
            },
            { header: 'Attempts', numeric: true, render: (run) => `${run.attempts} of ${run.maxAttempts}` },
            { header: 'Error', className: 'break-words', render: (run) => run.error ?? '—' },
          ]}
          rows={jobs.recentFailures}
          rowKey={(run) => run.id}
          empty="No failed runs."
        />
      </div>
    </div>
  );
}

const SEARCH_MODES = {
  'full-text': 'Full-text only',
  'full-text-and-vectors': 'Full-text + vectors',
} as const;

const EXTENSION_STATES = {
  enabled: 'enabled',
  available: 'available on the server, not in use',
  'not-installed': 'not installed',
  'not-enabled': 'installed, could not be enabled',
} as const;

type FailedExtraction = SystemStatus['knowledge']['failedExtractions']['recent'][number];

const FAILED_EXTRACTION_COLUMNS: readonly AdminColumn<FailedExtraction>[] = [
  whenColumn('Failed', (document) => document.failedAt),
  {
    header: 'Document',
    render: (document) => (
      <>
        <code className="text-xs">{document.id}</code>
        <span className="block text-xs text-slate-700">
          {document.format.toUpperCase()}, {formatBytes(document.sizeBytes)}
        </span>
      </>
    ),
  },
  { header: 'Reason', className: 'break-words', render: (document) => document.reason ?? '—' },
];

function Knowledge({ knowledge }: { knowledge: SystemStatus['knowledge'] }) {
  const { search, failedExtractions } = knowledge;
  const { passages } = search;
  return (
    <div className="space-y-6">
      <Facts>
        <Fact label="Search">
          <Badge tone={search.mode === 'full-text-and-vectors' ? 'good' : 'neutral'}>
            {SEARCH_MODES[search.mode]}
          </Badge>
        </Fact>
        <Fact label="Embedding model">{search.embeddingModel ?? 'none'}</Fact>
        <Fact label="Vector extension (pgvector)">
          {EXTENSION_STATES[search.vectorExtension.status]}
          {search.vectorExtension.version ? ` (${search.vectorExtension.version})` : ''}
        </Fact>
        {passages ? (
          <Fact label="Passages with vectors">
            {passages.embedded} of {passages.total}
            {passages.total > passages.embedded ? (
              <span className="block text-sm text-slate-700">
                {passages.total - passages.embedded} waiting for the embedding job; found by their words
                meanwhile
              </span>
            ) : null}
          </Fact>
        ) : null}
      </Facts>
      {search.reasons.length > 0 ? (
        <Alert tone="info" title="Why search matches words only">
          <ul className="list-disc space-y-1 pl-5">
            {search.reasons.map((reason) => (
              <li key={reason.code}>{reason.message}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <div className="space-y-3">
        <h3 className="font-semibold text-slate-900">Failed document extractions</h3>
        <p className="text-slate-700">
          <strong className="text-slate-900">{failedExtractions.count}</strong>{' '}
          {plural(failedExtractions.count, 'document')} could not be read.
        </p>
        <AdminTable
          caption="Failed document extractions, newest first (names withheld)"
          columns={FAILED_EXTRACTION_COLUMNS}
          rows={failedExtractions.recent}
          rowKey={(document) => document.id}
          empty="No document has failed."
        />
      </div>
    </div>
  );
}

function Outbox({ outbox }: { outbox: SystemStatus['outbox'] }) {
  return (
    <div className="space-y-4">
      <p className="text-slate-700">
        {outbox.transport === 'smtp'
          ? 'Mail is sent through SMTP; the outbox only holds mail stored before SMTP was configured.'
          : 'No SMTP server is configured: mail is stored here instead of being sent.'}{' '}
        <strong className="text-slate-900">{outbox.count}</strong> {plural(outbox.count, 'message')} in the
        outbox.
      </p>
      <AdminTable
        caption="Newest outbox messages (recipients masked)"
        columns={[
          whenColumn('Stored', (mail: OutboxMail) => mail.createdAt),
          { header: 'To', className: 'whitespace-nowrap', render: (mail) => mail.to },
          { header: 'Subject', render: (mail) => mail.subject },
        ]}
        rows={outbox.recent}
        rowKey={(mail) => mail.id}
        empty="The outbox is empty."
      />
    </div>
  );
}

const ERROR_COLUMNS: readonly AdminColumn<ServerErrorView>[] = [
  whenColumn('When', (error) => error.createdAt),
  {
    header: 'Route',
    className: 'break-all',
    render: (error) => (
      <code className="text-xs">
        {error.method} {error.route}
      </code>
    ),
  },
  {
    header: 'Error',
    className: 'break-words',
    render: (error) => (
      <>
        <span className="font-semibold">{error.errorName}:</span> {error.message}
        {error.location ? <code className="mt-1 block text-xs text-slate-700">{error.location}</code> : null}
      </>
    ),
  },
  {
    header: 'Request id',
    className: 'break-all',
    render: (error) => <code className="text-xs">{error.requestId}</code>,
  },
];

export default function SystemPage() {
  const system = useQuery(systemQuery);
  const data = system.data;

  return (
    <AdminFrame documentTitle="Admin: System" heading="Admin console" current="system">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700" aria-live="polite">
          {data ? `Checked at ${formatWhen(data.generatedAt)}.` : null}
        </p>
        <Button
          variant="secondary"
          pending={system.isFetching}
          pendingLabel="Refreshing…"
          onClick={() => void system.refetch()}
        >
          Refresh
        </Button>
      </div>

      {data && system.error ? (
        <Alert tone="error" title="We couldn’t refresh the status">
          <p>{describeError(system.error)} The figures below are from the last successful check.</p>
        </Alert>
      ) : null}

      {data ? (
        <>
          <Section title="Health">
            <Health health={data.health} />
          </Section>
          <Section title="Backups">
            <Backups backups={data.backups} />
          </Section>
          <Section title="Jobs">
            <Jobs jobs={data.jobs} generatedAt={data.generatedAt} />
          </Section>
          <Section title="Knowledge search">
            <Knowledge knowledge={data.knowledge} />
          </Section>
          <Section title="Outbox">
            <Outbox outbox={data.outbox} />
          </Section>
          <Section title="Recent errors">
            <AdminTable
              caption="Unexpected server errors, newest first"
              columns={ERROR_COLUMNS}
              rows={data.errors.recent}
              rowKey={(error) => error.id}
              empty="No unexpected server errors in the last 30 days."
            />
          </Section>
        </>
      ) : (
        <LoadState
          what="the system status"
          error={system.error}
          retry={() => void system.refetch()}
          retrying={system.isFetching}
        />
      )}
    </AdminFrame>
  );
}
