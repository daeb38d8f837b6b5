/**
 * Admin → Leads: everyone who asked for their diagnostic report by email, with the consent words and
 * time, the result it was for and where the address stands now; a CSV export; and deleting a lead
 * when its person asks (the consent records given with it go too, so its tips stop).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  ADMIN_LEADS_CSV_PATH,
  type AdminLead,
  LEAD_STATUS_LABELS,
} from '../../../core/diagnostic/lead-admin-contracts.ts';
import { countOf } from '../../../core/text/plural.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { describeError } from '../../lib/api-client.ts';
import { formatDateTime } from '../../lib/format-date.ts';
import { AdminFrame, LoadState, Section } from './admin-parts.tsx';
import { type AdminColumn, AdminTable } from './admin-table.tsx';
import { adminApi } from './api.ts';
import { CsvDownload } from './csv-download.tsx';
import { adminKeys, leadsQuery } from './queries.ts';

function LeadsTable({
  leads,
  onDelete,
}: {
  leads: readonly AdminLead[];
  onDelete: (lead: AdminLead) => void;
}) {
  const columns: readonly AdminColumn<AdminLead>[] = [
    { header: 'Email', rowHeader: true, className: 'break-all', render: (lead) => lead.email },
    { header: 'Status', className: 'whitespace-nowrap', render: (lead) => LEAD_STATUS_LABELS[lead.status] },
    {
      header: 'Consent',
      render: (lead) => (
        <>
          <span className="block whitespace-nowrap">{formatDateTime(lead.consentedAt)}</span>
          <span className="block text-slate-600">“{lead.consentText}”</span>
        </>
      ),
    },
    {
      header: 'Source result',
      render: (lead) =>
        lead.sourceResultId === null ? (
          <span className="text-slate-600">Result deleted</span>
        ) : (
          <>
            <span className="block">Overall {lead.sourceOverallScore ?? '–'}</span>
            <span className="block break-all font-mono text-xs text-slate-600">{lead.sourceResultId}</span>
          </>
        ),
    },
    {
      header: 'Action',
      render: (lead) => (
        <Button
          variant="secondary"
          onClick={() => onDelete(lead)}
          aria-label={`Delete the lead ${lead.email}`}
        >
          Delete
        </Button>
      ),
    },
  ];
  return (
    <AdminTable
      caption="Report-by-email leads, newest first"
      columns={columns}
      rows={leads}
      rowKey={(lead) => lead.id}
      empty="Nobody has asked for their report by email yet."
    />
  );
}

export default function LeadsPage() {
  const queryClient = useQueryClient();
  const leads = useQuery(leadsQuery);
  const [pending, setPending] = useState<AdminLead | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (lead: AdminLead) => adminApi.deleteLead(lead.id),
    onSuccess: async (_result, lead) => {
      setPending(null);
      setDeleted(lead.email);
      await queryClient.invalidateQueries({ queryKey: adminKeys.leads });
    },
  });

  return (
    <AdminFrame documentTitle="Admin: leads" heading="Leads" current="leads">
      <Section
        title="Report-by-email leads"
        actions={<CsvDownload path={ADMIN_LEADS_CSV_PATH} label="Download CSV" fallbackName="leads.csv" />}
      >
        <p className="text-sm text-slate-700">
          Everyone who asked for their diagnostic report by email. <strong>Subscribed</strong>: still gets the
          tips they agreed to. <strong>Unsubscribed</strong>: withdrew that consent.{' '}
          <strong>Converted</strong>: an account now exists with the address. Delete a lead when its person
          asks you to remove their address; the consent given with it is deleted too, so no more tips are sent
          for it.
        </p>
        {deleted ? (
          <Alert tone="success">
            <p>
              The lead <span className="break-all font-medium">{deleted}</span> was deleted.
            </p>
          </Alert>
        ) : null}
        {leads.data ? (
          <>
            {leads.data.total > leads.data.leads.length ? (
              <p className="text-sm text-slate-700">
                Showing the newest {leads.data.leads.length} of {countOf(leads.data.total, 'lead')}; the CSV
                holds every one.
              </p>
            ) : null}
            <LeadsTable leads={leads.data.leads} onDelete={setPending} />
          </>
        ) : (
          <LoadState
            what="the leads"
            error={leads.error}
            retry={() => void leads.refetch()}
            retrying={leads.isFetching}
          />
        )}
      </Section>
      <ConfirmDialog
        open={pending !== null}
        title="Delete this lead?"
        confirmLabel="Delete lead"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        onConfirm={() => pending && remove.mutate(pending)}
        onCancel={() => {
          setPending(null);
          remove.reset();
        }}
      >
        <p>
          The request from <span className="break-all font-medium">{pending?.email}</span> and the consent
          given with it are deleted for good. This cannot be undone; the audit log keeps a record without the
          address.
        </p>
        {remove.isError ? (
          <Alert tone="error" title="The lead wasn’t deleted">
            <p>{describeError(remove.error)}</p>
          </Alert>
        ) : null}
      </ConfirmDialog>
    </AdminFrame>
  );
}
