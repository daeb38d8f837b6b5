import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { BackupRunView, ServerErrorView, SystemStatus } from '../../../core/system/contracts.ts';
import { formatAge, formatBytes, formatDurationMs, shortChecksum } from '../../../core/system/format.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { NoIndex } from '../../components/no-index.tsx';
import { api, describeError } from '../../lib/api.ts';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { formatWhen } from '../coach/format.ts';
import { AdminNav, cell, headCell, LoadState, numCell, numHeadCell, Section, Table } from './admin-parts.tsx';

/** The daily backup job runs once a day; a last good backup older than this means it has been missed. */
const BACKUP_STALE_SECONDS = 26 * 60 * 60;

const systemQuery = { queryKey: ['admin', 'system'] as const, queryFn: api.getSystemStatus };

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

function BackupRuns({ runs }: { runs: BackupRunView[] }) {
  return (
    <Table caption="Recent backup runs, newest first">
      <thead>
        <tr>
          <th scope="col" className={headCell}>
            Started
          </th>
          <th scope="col" className={headCell}>
            Outcome
          </th>
          <th scope="col" className={headCell}>
            Started by
          </th>
          <th scope="col" className={headCell}>
            File
          </th>
          <th scope="col" className={numHeadCell}>
            Size
          </th>
          <th scope="col" className={headCell}>
            Checksum
          </th>
          <th scope="col" className={numHeadCell}>
            Duration
          </th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr key={run.id}>
            <th scope="row" className={`${cell} whitespace-nowrap font-normal`}>
              {formatWhen(run.startedAt)}
            </th>
            <td className={cell}>
              <Badge tone={run.outcome === 'success' ? 'good' : 'bad'}>{run.outcome}</Badge>
              {run.error ? <span className="mt-1 block text-xs text-slate-700">{run.error}</span> : null}
            </td>
            <td className={cell}>{run.trigger === 'job' ? 'daily job' : 'command'}</td>
            <td className={`${cell} break-all`}>{run.fileName ?? '—'}</td>
            <td className={numCell}>{run.sizeBytes === null ? '—' : formatBytes(run.sizeBytes)}</td>
            <td className={cell}>
              {run.sha256 ? (
                <code className="text-xs" title={run.sha256}>
                  {shortChecksum(run.sha256)}
                </code>
              ) : (
                '—'
              )}
            </td>
            <td className={numCell}>{formatDurationMs(run.durationMs)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

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
      <BackupRuns runs={backups.runs} />
    </div>
  );
}

function nextRunText(iso: string | null, generatedAt: string): string {
  if (!iso) return '—';
  return new Date(iso).getTime() <= new Date(generatedAt).getTime() ? 'due now' : formatWhen(iso);
}

function Jobs({ jobs, generatedAt }: { jobs: SystemStatus['jobs']; generatedAt: string }) {
  return (
    <div className="space-y-6">
      {jobs.schedulerEnabled ? null : (
        <Alert tone="info">
          <p>
            The scheduler does not run on this instance (<code>JOBS_ENABLED</code>); jobs run on the instances
            where it does.
          </p>
        </Alert>
      )}
      {jobs.summary.length === 0 ? (
        <Empty>No jobs are registered or recorded.</Empty>
      ) : (
        <Table caption="Jobs: last run, failures and next run">
          <thead>
            <tr>
              <th scope="col" className={headCell}>
                Job
              </th>
              <th scope="col" className={headCell}>
                Schedule
              </th>
              <th scope="col" className={headCell}>
                Last run
              </th>
              <th scope="col" className={numHeadCell}>
                Failures (24 h)
              </th>
              <th scope="col" className={numHeadCell}>
                Queued
              </th>
              <th scope="col" className={headCell}>
                Next run
              </th>
            </tr>
          </thead>
          <tbody>
            {jobs.summary.map((job) => (
              <tr key={job.name}>
                <th scope="row" className={`${cell} whitespace-nowrap`}>
                  {job.name}
                </th>
                <td className={cell}>{job.schedule ?? 'on demand'}</td>
                <td className={cell}>
                  {job.lastRunAt ? (
                    <>
                      <span className="whitespace-nowrap">{formatWhen(job.lastRunAt)}</span>{' '}
                      <Badge tone={job.lastOutcome === 'failed' ? 'bad' : 'good'}>{job.lastOutcome}</Badge>
                    </>
                  ) : (
                    'never'
                  )}
                </td>
                <td className={numCell}>{job.failuresLast24h}</td>
                <td className={numCell}>
                  {job.pending + job.running}
                  {job.retrying > 0 ? (
                    <span className="block text-xs text-slate-700">{job.retrying} retrying</span>
                  ) : null}
                </td>
                <td className={`${cell} whitespace-nowrap`}>{nextRunText(job.nextRunAt, generatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <div className="space-y-3">
        <h3 className="font-semibold text-slate-900">Recent failed runs</h3>
        {jobs.recentFailures.length === 0 ? (
          <Empty>No failed runs.</Empty>
        ) : (
          <Table caption="Failed job runs, newest first">
            <thead>
              <tr>
                <th scope="col" className={headCell}>
                  Job
                </th>
                <th scope="col" className={headCell}>
                  Failed
                </th>
                <th scope="col" className={numHeadCell}>
                  Attempts
                </th>
                <th scope="col" className={headCell}>
                  Error
                </th>
              </tr>
            </thead>
            <tbody>
              {jobs.recentFailures.map((run) => (
                <tr key={run.id}>
                  <th scope="row" className={`${cell} whitespace-nowrap`}>
                    {run.name}
                  </th>
                  <td className={`${cell} whitespace-nowrap`}>
                    {run.finishedAt ? formatWhen(run.finishedAt) : '—'}
                  </td>
                  <td className={numCell}>
                    {run.attempts} of {run.maxAttempts}
                  </td>
                  <td className={`${cell} break-words`}>{run.error ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
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
        <strong className="text-slate-900">{outbox.count}</strong>{' '}
        {outbox.count === 1 ? 'message' : 'messages'} in the outbox.
      </p>
      {outbox.recent.length === 0 ? (
        <Empty>The outbox is empty.</Empty>
      ) : (
        <Table caption="Newest outbox messages (recipients masked)">
          <thead>
            <tr>
              <th scope="col" className={headCell}>
                Stored
              </th>
              <th scope="col" className={headCell}>
                To
              </th>
              <th scope="col" className={headCell}>
                Subject
              </th>
            </tr>
          </thead>
          <tbody>
            {outbox.recent.map((mail) => (
              <tr key={mail.id}>
                <th scope="row" className={`${cell} whitespace-nowrap font-normal`}>
                  {formatWhen(mail.createdAt)}
                </th>
                <td className={`${cell} whitespace-nowrap`}>{mail.to}</td>
                <td className={cell}>{mail.subject}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}

function RecentErrors({ errors }: { errors: ServerErrorView[] }) {
  if (errors.length === 0) return <Empty>No unexpected server errors in the last 30 days.</Empty>;
  return (
    <Table caption="Unexpected server errors, newest first">
      <thead>
        <tr>
          <th scope="col" className={headCell}>
            When
          </th>
          <th scope="col" className={headCell}>
            Route
          </th>
          <th scope="col" className={headCell}>
            Error
          </th>
          <th scope="col" className={headCell}>
            Request id
          </th>
        </tr>
      </thead>
      <tbody>
        {errors.map((error) => (
          <tr key={error.id}>
            <th scope="row" className={`${cell} whitespace-nowrap font-normal`}>
              {formatWhen(error.createdAt)}
            </th>
            <td className={`${cell} break-all`}>
              <code className="text-xs">
                {error.method} {error.route}
              </code>
            </td>
            <td className={`${cell} break-words`}>
              <span className="font-semibold">{error.errorName}:</span> {error.message}
              {error.location ? (
                <code className="mt-1 block text-xs text-slate-700">{error.location}</code>
              ) : null}
            </td>
            <td className={`${cell} break-all`}>
              <code className="text-xs">{error.requestId}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export default function SystemPage() {
  useDocumentTitle('Admin: System');
  const system = useQuery(systemQuery);
  const data = system.data;

  return (
    <div className="mx-auto w-full max-w-6xl space-y-8 px-4 py-8 sm:px-6 sm:py-10">
      <NoIndex />
      <div className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">Admin console</h1>
        <AdminNav current="system" />
      </div>

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
          <Section title="Outbox">
            <Outbox outbox={data.outbox} />
          </Section>
          <Section title="Recent errors">
            <RecentErrors errors={data.errors.recent} />
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
    </div>
  );
}
