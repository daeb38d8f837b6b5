import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { AdminUserSummary } from '../../../core/admin/user-contracts.ts';
import { adminUserPath } from '../../../core/navigation/pages.ts';
import { Button } from '../../components/button.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { formatDate, formatWhen } from '../../lib/format-date.ts';
import { AdminFrame, LoadState, Section } from './admin-parts.tsx';
import { type AdminColumn, AdminTable } from './admin-table.tsx';
import { formatCount } from './money.ts';
import { usersQuery } from './queries.ts';

const PAGE_SIZE = 25;

type YesNo = 'true' | 'false';
const YES_NO = [
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
] as const;

/** The filters as the form edits them; the URL holds the applied ones, so a filtered list can be linked. */
interface Filters {
  q: string;
  role: 'user' | 'admin' | null;
  verified: YesNo | null;
  pendingDeletion: YesNo | null;
  disabled: YesNo | null;
  createdFrom: string;
  createdTo: string;
  activeFrom: string;
  activeTo: string;
}

const DATE_FILTERS = ['createdFrom', 'createdTo', 'activeFrom', 'activeTo'] as const;
const CHOICE_FILTERS = ['role', 'verified', 'pendingDeletion', 'disabled'] as const;

function filtersFrom(params: URLSearchParams): Filters {
  const choice = <V extends string>(name: string, allowed: readonly V[]): V | null => {
    const value = params.get(name);
    return allowed.find((option) => option === value) ?? null;
  };
  return {
    q: params.get('q') ?? '',
    role: choice('role', ['user', 'admin']),
    verified: choice('verified', ['true', 'false']),
    pendingDeletion: choice('pendingDeletion', ['true', 'false']),
    disabled: choice('disabled', ['true', 'false']),
    createdFrom: params.get('createdFrom') ?? '',
    createdTo: params.get('createdTo') ?? '',
    activeFrom: params.get('activeFrom') ?? '',
    activeTo: params.get('activeTo') ?? '',
  };
}

function paramsOf(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  for (const name of CHOICE_FILTERS) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  for (const name of DATE_FILTERS) if (filters[name]) params.set(name, filters[name]);
  return params;
}

/** The API's query: dates (whole UTC days, inclusive) become instants, plus the page. */
function apiQuery(params: URLSearchParams, page: number): string {
  const query = new URLSearchParams();
  for (const [name, value] of params) {
    if (name === 'page') continue;
    if (name.endsWith('From')) query.set(name, `${value}T00:00:00.000Z`);
    else if (name.endsWith('To')) query.set(name, `${value}T23:59:59.999Z`);
    else query.set(name, value);
  }
  query.set('limit', String(PAGE_SIZE));
  query.set('offset', String((page - 1) * PAGE_SIZE));
  return query.toString();
}

function stateOf(user: AdminUserSummary): string {
  const states = [
    user.pendingDeletionPurgeAfter
      ? `Pending deletion (purge ${formatDate(user.pendingDeletionPurgeAfter)})`
      : null,
    user.signInDisabled ? 'Sign-in disabled' : null,
  ].filter(Boolean);
  return states.length > 0 ? states.join('; ') : 'Active';
}

const COLUMNS: readonly AdminColumn<AdminUserSummary>[] = [
  {
    header: 'User',
    rowHeader: true,
    className: 'break-all',
    render: (user) => (
      <>
        <TextLink to={adminUserPath(user.id)}>{user.name}</TextLink>
        <span className="block text-xs font-normal text-slate-600">{user.email}</span>
      </>
    ),
  },
  { header: 'Role', render: (user) => (user.role === 'admin' ? 'Admin' : 'User') },
  { header: 'Verified', render: (user) => (user.emailVerified ? 'Yes' : 'No') },
  { header: 'Created', className: 'whitespace-nowrap', render: (user) => formatDate(user.createdAt) },
  {
    header: 'Last active',
    className: 'whitespace-nowrap',
    render: (user) => (user.lastActiveAt ? formatWhen(user.lastActiveAt) : 'No current session'),
  },
  { header: 'State', render: stateOf },
];

function FilterForm({ initial, onApply }: { initial: Filters; onApply: (filters: Filters) => void }) {
  const [filters, setFilters] = useState(initial);
  const set = <K extends keyof Filters>(name: K, value: Filters[K]) =>
    setFilters((current) => ({ ...current, [name]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(filters);
  };
  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Filter users">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <TextField
          label="Name or email"
          type="search"
          value={filters.q}
          maxLength={200}
          onChange={(event) => set('q', event.target.value)}
        />
        <SelectField
          label="Role"
          value={filters.role}
          emptyLabel="Any"
          options={[
            { value: 'user', label: 'User' },
            { value: 'admin', label: 'Admin' },
          ]}
          onChange={(value) => set('role', value)}
        />
        <SelectField
          label="Email verified"
          value={filters.verified}
          emptyLabel="Any"
          options={YES_NO}
          onChange={(value) => set('verified', value)}
        />
        <SelectField
          label="Pending deletion"
          value={filters.pendingDeletion}
          emptyLabel="Any"
          options={YES_NO}
          onChange={(value) => set('pendingDeletion', value)}
        />
        <SelectField
          label="Sign-in disabled"
          value={filters.disabled}
          emptyLabel="Any"
          options={YES_NO}
          onChange={(value) => set('disabled', value)}
        />
        <TextField
          label="Created from"
          type="date"
          value={filters.createdFrom}
          onChange={(event) => set('createdFrom', event.target.value)}
        />
        <TextField
          label="Created until"
          type="date"
          value={filters.createdTo}
          onChange={(event) => set('createdTo', event.target.value)}
        />
        <TextField
          label="Last active from"
          type="date"
          value={filters.activeFrom}
          onChange={(event) => set('activeFrom', event.target.value)}
        />
        <TextField
          label="Last active until"
          type="date"
          value={filters.activeTo}
          onChange={(event) => set('activeTo', event.target.value)}
        />
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

export default function UsersPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(searchParams.get('page') ?? '1', 10) || 1);
  const users = useQuery(usersQuery(apiQuery(searchParams, page)));
  const total = users.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  const goTo = (next: number) => {
    const params = new URLSearchParams(searchParams);
    params.set('page', String(next));
    setSearchParams(params);
  };

  return (
    <AdminFrame documentTitle="Admin: users" heading="Users" current="users">
      <Section title="Find users">
        <FilterForm
          // A new set of applied filters (e.g. Clear) starts the form again from them.
          key={paramsOf(filtersFrom(searchParams)).toString()}
          initial={filtersFrom(searchParams)}
          onApply={(filters) => setSearchParams(paramsOf(filters))}
        />
      </Section>
      <Section title={users.data ? `${formatCount(total)} ${total === 1 ? 'user' : 'users'}` : 'Users'}>
        {users.data ? (
          <div className="space-y-4">
            <AdminTable
              caption="Users matching the filters, newest first"
              columns={COLUMNS}
              rows={users.data.users}
              rowKey={(user) => user.id}
              empty="No users match these filters."
            />
            {total > PAGE_SIZE ? (
              <nav aria-label="Pages of users" className="flex flex-wrap items-center gap-3">
                <Button variant="secondary" disabled={page <= 1} onClick={() => goTo(page - 1)}>
                  Previous page
                </Button>
                <span className="text-sm text-slate-700">
                  Page {page} of {pages}
                </span>
                <Button variant="secondary" disabled={page >= pages} onClick={() => goTo(page + 1)}>
                  Next page
                </Button>
              </nav>
            ) : null}
          </div>
        ) : (
          <LoadState
            what="users"
            error={users.error}
            retry={() => void users.refetch()}
            retrying={users.isFetching}
          />
        )}
      </Section>
    </AdminFrame>
  );
}
