/**
 * Submitting the Insight module: saves what is pending, then freezes the worksheet and assessment
 * into a snapshot the user can download as a PDF or email to their own verified address.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InsightSnapshot } from '../../../core/workspace/insight-snapshot.ts';
import { TRIGGER_LABELS } from '../../../core/workspace/trigger-assessment.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { PageLoader } from '../../components/spinner.tsx';
import { textLinkClasses } from '../../components/text-link.tsx';
import { useCurrentBrand } from '../../kit/workspace/brand.ts';
import { WorksheetSection } from '../../kit/workspace/worksheet-fields.tsx';
import { describeError } from '../../lib/api-client.ts';
import { formatDateTime } from '../../lib/format-date.ts';
import { useSession } from '../../lib/session.ts';
import { ideaApi, insightSnapshotPdfUrl } from './api.ts';
import { ideaKeys } from './queries.ts';

function SnapshotRow({ snapshot, canEmail }: { snapshot: InsightSnapshot; canEmail: boolean }) {
  const email = useMutation({ mutationFn: () => ideaApi.emailInsightSnapshot(snapshot.id) });
  const top = snapshot.data.assessment.ranking.filter((entry) => entry.points > 0).slice(0, 2);
  const label = `snapshot of ${formatDateTime(snapshot.createdAt)}`;
  return (
    <li className="space-y-2 rounded-xl border border-slate-200 p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-semibold text-slate-900">{formatDateTime(snapshot.createdAt)}</p>
        {top.length > 0 ? (
          <p className="text-sm text-slate-600">
            Leading triggers: {top.map((entry) => TRIGGER_LABELS[entry.trigger]).join(', ')}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <a href={insightSnapshotPdfUrl(snapshot.id)} download className={textLinkClasses}>
          Download PDF<span className="sr-only"> of the {label}</span>
        </a>
        {canEmail ? (
          <Button
            variant="ghost"
            className="min-h-9 px-2 py-1"
            pending={email.isPending}
            pendingLabel="Sending…"
            onClick={() => email.mutate()}
          >
            Email me a copy<span className="sr-only"> of the {label}</span>
          </Button>
        ) : null}
      </div>
      {email.data ? <Alert tone="success">Sent to {email.data.sentTo}.</Alert> : null}
      {email.error ? <Alert tone="error">{describeError(email.error)}</Alert> : null}
    </li>
  );
}

interface SnapshotsSectionProps {
  /** Sends pending worksheet and assessment edits, so the snapshot holds what is on screen. */
  flushPending(): Promise<void>;
}

export function SnapshotsSection({ flushPending }: SnapshotsSectionProps) {
  const { brand } = useCurrentBrand();
  const brandId = brand?.id ?? null;
  const session = useSession();
  const verified = session.data?.user?.emailVerified ?? false;
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ideaKeys.snapshots(brandId ?? 'none'),
    queryFn: () => ideaApi.listInsightSnapshots(brandId as string),
    enabled: brandId !== null,
  });
  const submit = useMutation({
    mutationFn: async () => {
      await flushPending();
      return ideaApi.createInsightSnapshot(brandId as string);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ideaKeys.snapshots(brandId ?? 'none') }),
  });
  const snapshots = list.data?.snapshots ?? [];

  return (
    <WorksheetSection
      title="Submit a snapshot"
      description="A snapshot keeps a copy of your Insight worksheet and assessment result as they are now. Download it as a PDF or email it to yourself; keep working and submit again later to compare."
    >
      <div className="space-y-3">
        <Button
          disabled={brandId === null}
          pending={submit.isPending}
          pendingLabel="Submitting…"
          onClick={() => submit.mutate()}
        >
          Submit snapshot
        </Button>
        {submit.error ? <Alert tone="error">{describeError(submit.error)}</Alert> : null}
        {submit.data ? (
          <Alert tone="success" title="Snapshot saved">
            <a href={insightSnapshotPdfUrl(submit.data.snapshot.id)} download className={textLinkClasses}>
              Download the PDF
            </a>
          </Alert>
        ) : null}
        {!verified && session.data?.user ? (
          <p className="text-sm text-slate-600">
            To email a snapshot to yourself, first confirm your email address with the link we sent when you
            signed up.
          </p>
        ) : null}
      </div>
      <h3 className="text-lg font-semibold text-slate-900">Your snapshots</h3>
      {list.error ? <Alert tone="error">{describeError(list.error)}</Alert> : null}
      {list.isLoading ? <PageLoader variant="inline" label="Loading snapshots…" /> : null}
      {!list.isLoading && !list.error && snapshots.length === 0 ? (
        <p className="text-slate-700">No snapshots yet. Fill in the worksheet, then submit your first one.</p>
      ) : null}
      {snapshots.length > 0 ? (
        <ul className="space-y-3">
          {snapshots.map((snapshot) => (
            <SnapshotRow key={snapshot.id} snapshot={snapshot} canEmail={verified} />
          ))}
        </ul>
      ) : null}
    </WorksheetSection>
  );
}
