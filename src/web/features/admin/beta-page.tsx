/**
 * Admin → Beta testers: the funnel of journey steps over the current testers (how many did each step,
 * how many got through every step up to it, and where they dropped off), the cohort with each
 * tester's steps, the latest written step feedback, and a CSV export of the cohort. Every figure is
 * derived from the testers' real work, as on their own /beta page.
 */
import { useQuery } from '@tanstack/react-query';
import { ADMIN_BETA_CSV_PATH, type AdminBeta } from '../../../core/beta/contracts.ts';
import { BETA_STEP_INFO, STEP_RATING_LABELS } from '../../../core/beta/journey.ts';
import { countOf } from '../../../core/text/plural.ts';
import { formatDateTime } from '../../lib/format-date.ts';
import { AdminFrame, LoadState, Section } from './admin-parts.tsx';
import { type AdminColumn, AdminTable } from './admin-table.tsx';
import { CsvDownload } from './csv-download.tsx';
import { formatCount } from './money.ts';
import { betaOverviewQuery } from './queries.ts';

type Stage = AdminBeta['funnel'][number];
type Member = AdminBeta['cohort'][number];
type Comment = AdminBeta['comments'][number];

function share(count: number, of: number): string {
  return of === 0 ? '–' : `${Math.round((count / of) * 100)}%`;
}

function Funnel({ overview }: { overview: AdminBeta }) {
  const base = overview.activeCount;
  const columns: readonly AdminColumn<Stage>[] = [
    { header: 'Step', rowHeader: true, render: (stage) => BETA_STEP_INFO[stage.step].label },
    { header: 'Did this step', numeric: true, render: (stage) => formatCount(stage.completed) },
    {
      header: 'Did every step so far',
      numeric: true,
      render: (stage) => `${formatCount(stage.reached)} (${share(stage.reached, base)})`,
    },
    { header: 'Dropped off here', numeric: true, render: (stage) => formatCount(stage.dropOff) },
    {
      header: 'Step feedback',
      render: (stage) =>
        (['easy', 'okay', 'hard'] as const)
          .map((rating) => `${STEP_RATING_LABELS[rating]} ${stage.ratings[rating]}`)
          .join(' · '),
    },
  ];
  return (
    <div className="space-y-3">
      <p className="text-slate-700">
        <strong className="text-slate-900">{countOf(overview.activeCount, 'tester')}</strong> in the programme
        now; {countOf(overview.leftCount, 'membership')} ended by leaving. The funnel counts current testers
        only.
      </p>
      <div aria-hidden="true" className="space-y-1.5">
        {overview.funnel.map((stage) => (
          <div key={stage.step} className="flex items-center gap-3 text-sm">
            <span className="w-48 shrink-0 text-slate-700">{BETA_STEP_INFO[stage.step].label}</span>
            <span className="h-3 flex-1 rounded bg-slate-100">
              <span
                className="block h-3 rounded bg-brand-600"
                style={{ width: base === 0 ? 0 : `${(stage.reached / base) * 100}%` }}
              />
            </span>
          </div>
        ))}
      </div>
      <AdminTable
        caption="The journey funnel over current beta testers"
        columns={columns}
        rows={overview.funnel}
        rowKey={(stage) => stage.step}
      />
    </div>
  );
}

function Cohort({ overview }: { overview: AdminBeta }) {
  const total = overview.funnel.length;
  const columns: readonly AdminColumn<Member>[] = [
    {
      header: 'Tester',
      rowHeader: true,
      className: 'break-all',
      render: (member) => (
        <>
          <span className="block">{member.name}</span>
          <span className="block text-slate-600">{member.email}</span>
        </>
      ),
    },
    { header: 'Joined', className: 'whitespace-nowrap', render: (member) => formatDateTime(member.joinedAt) },
    {
      header: 'Status',
      render: (member) => (member.leftAt ? `Left ${formatDateTime(member.leftAt)}` : 'In the programme'),
    },
    {
      header: 'Steps done',
      render: (member) =>
        member.leftAt ? (
          <span className="text-slate-600">Not counted after leaving</span>
        ) : (
          <>
            <span className="block tabular-nums">
              {member.completed.length} of {total}
            </span>
            <span className="block text-slate-600">
              {member.completed.map((step) => BETA_STEP_INFO[step].label).join(', ') || 'None yet'}
            </span>
          </>
        ),
    },
  ];
  return (
    <AdminTable
      caption="Beta testers, newest first"
      columns={columns}
      rows={overview.cohort}
      rowKey={(member) => member.membershipId}
      empty="Nobody has joined the beta programme yet."
    />
  );
}

function Comments({ comments }: { comments: readonly Comment[] }) {
  const columns: readonly AdminColumn<Comment>[] = [
    { header: 'Step', rowHeader: true, render: (comment) => BETA_STEP_INFO[comment.step].label },
    { header: 'How it went', render: (comment) => STEP_RATING_LABELS[comment.rating] },
    { header: 'Comment', className: 'whitespace-pre-line break-words', render: (comment) => comment.comment },
    { header: 'From', className: 'break-all', render: (comment) => comment.email },
    {
      header: 'When',
      className: 'whitespace-nowrap',
      render: (comment) => formatDateTime(comment.updatedAt),
    },
  ];
  return (
    <AdminTable
      caption="Written step feedback from current testers, newest first"
      columns={columns}
      rows={comments}
      rowKey={(comment) => comment.id}
      empty="No tester has written a comment on a step yet."
    />
  );
}

export default function AdminBetaPage() {
  const overview = useQuery(betaOverviewQuery);
  const loading = (what: string) => (
    <LoadState
      what={what}
      error={overview.error}
      retry={() => void overview.refetch()}
      retrying={overview.isFetching}
    />
  );
  return (
    <AdminFrame documentTitle="Admin: beta testers" heading="Beta testers" current="beta">
      <Section title="Journey funnel">
        {overview.data ? <Funnel overview={overview.data} /> : loading('the funnel')}
      </Section>
      <Section
        title="Cohort"
        actions={
          <CsvDownload path={ADMIN_BETA_CSV_PATH} label="Download CSV" fallbackName="beta-cohort.csv" />
        }
      >
        {overview.data ? <Cohort overview={overview.data} /> : loading('the cohort')}
      </Section>
      <Section title="Step feedback">
        {overview.data ? <Comments comments={overview.data.comments} /> : loading('the step feedback')}
      </Section>
    </AdminFrame>
  );
}
