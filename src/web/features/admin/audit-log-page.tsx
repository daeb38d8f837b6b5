import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { AuditEntry } from '../../../core/admin/audit-contracts.ts';
import { adminUserPath } from '../../../core/navigation/pages.ts';
import { Button } from '../../components/button.tsx';
import { TextField } from '../../components/text-field.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { formatPreciseDateTime } from '../../lib/format-date.ts';
import { AdminFrame, LoadState, Section } from './admin-parts.tsx';
import { type AdminColumn, AdminTable } from './admin-table.tsx';
import { auditLogQuery } from './queries.ts';

const PAGE_SIZE = 50;
const TEXT_FILTERS = ['actorId', 'action', 'targetType', 'targetId'] as const;
const DATE_FILTERS = ['from', 'to'] as const;
type FilterName = (typeof TEXT_FILTERS)[number] | (typeof DATE_FILTERS)[number];
type Filters = Record<FilterName, string>;

const LABELS: Record<FilterName, string> = {
  actorId: 'Admin (user id)',
  action: 'Action',
  targetType: 'Target type',
  targetId: 'Target id',
  from: 'From',
  to: 'Until',
};

function filtersFrom(params: URLSearchParams): Filters {
  const filters = {} as Filters;
  for (const name of [...TEXT_FILTERS, ...DATE_FILTERS]) filters[name] = params.get(name) ?? '';
  return filters;
}

function paramsOf(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value.trim()) params.set(name, value.trim());
  return params;
}

/** The API's query: whole UTC days, inclusive, and the page's cursor. */
function apiQuery(params: URLSearchParams, cursor: string | null): string {
  const query = new URLSearchParams();
  for (const name of TEXT_FILTERS) {
    const value = params.get(name);
    if (value) query.set(name, value);
  }
  const from = params.get('from');
  const to = params.get('to');
  if (from) query.set('from', `${from}T00:00:00.000Z`);
  if (to) query.set('to', `${to}T23:59:59.999Z`);
  query.set('limit', String(PAGE_SIZE));
  if (cursor) query.set('cursor', cursor);
  return query.toString();
}

/** A before/after value as short readable text. */
function describeState(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'object') return String(value);
  return Object.entries(value as Record<string, unknown>)
    .map(([key, field]) => `${key}: ${typeof field === 'object' ? JSON.stringify(field) : String(field)}`)
    .join(', ');
}

const COLUMNS: readonly AdminColumn<AuditEntry>[] = [
  {
    header: 'When (UTC)',
    className: 'whitespace-nowrap',
    render: (entry) => formatPreciseDateTime(entry.createdAt),
  },
  { header: 'Action', rowHeader: true, render: (entry) => entry.action },
  {
    header: 'Admin',
    className: 'break-all',
    render: (entry) => entry.actorEmail ?? `${entry.actorId} (account gone)`,
  },
  {
    header: 'Target',
    className: 'break-all',
    render: (entry) =>
      entry.targetType === 'user' ? (
        <TextLink to={adminUserPath(entry.targetId)}>user {entry.targetId}</TextLink>
      ) : (
        `${entry.targetType} ${entry.targetId}`
      ),
  },
  { header: 'Before', className: 'break-all', render: (entry) => describeState(entry.before) },
  { header: 'After', className: 'break-all', render: (entry) => describeState(entry.after) },
];

function FilterForm({ initial, onApply }: { initial: Filters; onApply: (filters: Filters) => void }) {
  const [filters, setFilters] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(filters);
  };
  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Filter the audit log">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {TEXT_FILTERS.map((name) => (
          <TextField
            key={name}
            label={LABELS[name]}
            value={filters[name]}
            maxLength={200}
            onChange={(event) => setFilters((current) => ({ ...current, [name]: event.target.value }))}
          />
        ))}
        {DATE_FILTERS.map((name) => (
          <TextField
            key={name}
            label={LABELS[name]}
            type="date"
            value={filters[name]}
            onChange={(event) => setFilters((current) => ({ ...current, [name]: event.target.value }))}
          />
        ))}
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="submit">Apply filters</Button>
        <Button type="button" variant="secondary" onClick={() => onApply(filtersFrom(new URLSearchParams()))}>
          Clear
        </Button>
      </div>
    </form>
  );
}

export default function AuditLogPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  // The cursors of the pages before this one, so "Newer" can go back.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors.at(-1) ?? null;
  const log = useQuery(auditLogQuery(apiQuery(searchParams, cursor)));
  const applied = filtersFrom(searchParams);

  return (
    <AdminFrame documentTitle="Admin: audit log" heading="Audit log" current="audit-log">
      <Section title="Filter">
        <p className="text-sm text-slate-700">
          Every admin action, who took it and the state before and after. Entries cannot be changed or
          removed.
        </p>
        <FilterForm
          key={paramsOf(applied).toString()}
          initial={applied}
          onApply={(filters) => {
            setCursors([null]);
            setSearchParams(paramsOf(filters));
          }}
        />
      </Section>
      <Section title="Entries, newest first">
        {log.data ? (
          <div className="space-y-4">
            <AdminTable
              caption="Admin actions, newest first"
              columns={COLUMNS}
              rows={log.data.entries}
              rowKey={(entry) => entry.id}
              empty="No admin actions match these filters."
            />
            <nav aria-label="Pages of the audit log" className="flex flex-wrap gap-3">
              <Button
                variant="secondary"
                disabled={cursors.length <= 1}
                onClick={() => setCursors((current) => current.slice(0, -1))}
              >
                Newer entries
              </Button>
              <Button
                variant="secondary"
                disabled={!log.data.nextCursor}
                onClick={() => {
                  const next = log.data?.nextCursor;
                  if (next) setCursors((current) => [...current, next]);
                }}
              >
                Older entries
              </Button>
            </nav>
          </div>
        ) : (
          <LoadState
            what="the audit log"
            error={log.error}
            retry={() => void log.refetch()}
            retrying={log.isFetching}
          />
        )}
      </Section>
    </AdminFrame>
  );
}
