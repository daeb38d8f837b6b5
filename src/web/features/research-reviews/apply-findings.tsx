import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { FindingProposal, ReviewRun } from '../../../core/research-reviews/contracts.ts';
import { countOf } from '../../../core/text/plural.ts';
import { CANVAS_FIELD_INFO } from '../../../core/workspace/canvas-fields.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { inputClasses } from '../../components/text-field.tsx';
import { workspaceApi } from '../../kit/workspace/api.ts';
import { describeError, isApiError } from '../../lib/api-client.ts';
import { type ProposalQuery, reviewResearchApi, reviewResearchKeys } from './api.ts';

const CANVAS_TEXT_FIELDS = CANVAS_FIELD_INFO.filter((field) => field.kind === 'text');

function queryOf(choice: string | null): ProposalQuery | null {
  if (!choice) return null;
  const [kind, value = ''] = choice.split(':');
  return kind === 'avatar' ? { target: 'avatar', avatarId: value } : { target: 'canvas', field: value };
}

interface CardProps {
  run: ReviewRun;
  proposal: FindingProposal;
  onAccepted(message: string): void;
  onStale(): void;
}

/** One finding as a proposal: where it goes, what is there now, what would be saved. */
function ProposalCard({ run, proposal, onAccepted, onStale }: CardProps) {
  const [text, setText] = useState(proposal.proposed);
  const [dismissed, setDismissed] = useState(false);
  const id = useId();
  const accept = useMutation({
    mutationFn: () =>
      reviewResearchApi.accept(run.brandId, run.id, {
        target: proposal.target,
        text,
        baseVersion: proposal.baseVersion,
      }),
  });
  if (dismissed) return null;
  const { finding } = proposal;
  const conflict = isApiError(accept.error) && accept.error.status === 409;
  const current = Array.isArray(proposal.current) ? proposal.current : [proposal.current];
  return (
    <li className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="finding-proposal">
      <h4 className="font-semibold break-words text-slate-900">
        {finding.kind === 'con' ? 'Worry' : 'Praise'}: {finding.themeLabel}{' '}
        <span className="font-normal text-slate-700">
          ({countOf(finding.reviews, 'review')} {finding.kind === 'con' ? 'complain' : 'praise it'})
        </span>
      </h4>
      {finding.quote ? (
        <blockquote className="border-l-4 border-slate-300 pl-3 text-sm break-words text-slate-800">
          “{finding.quote}”
        </blockquote>
      ) : null}
      <p className="text-sm font-semibold text-slate-900">{proposal.label}</p>
      <div className="grid gap-3 md:grid-cols-2">
        <div className="space-y-1">
          <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Now</p>
          {current.filter(Boolean).length === 0 ? (
            <p className="text-sm text-slate-600">Empty</p>
          ) : Array.isArray(proposal.current) ? (
            <ul className="list-disc space-y-0.5 pl-5 text-sm text-slate-800">
              {current.map((entry) => (
                <li key={entry} className="break-words">
                  {entry}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm break-words whitespace-pre-line text-slate-800">{proposal.current}</p>
          )}
        </div>
        <div className="space-y-1">
          <label htmlFor={id} className="block text-xs font-semibold tracking-wide text-slate-600 uppercase">
            {Array.isArray(proposal.current) ? 'Add' : 'Proposed text'}
          </label>
          {Array.isArray(proposal.current) ? (
            <input
              id={id}
              value={text}
              maxLength={proposal.maxLength}
              onChange={(event) => setText(event.target.value)}
              className={inputClasses}
            />
          ) : (
            <textarea
              id={id}
              rows={5}
              value={text}
              maxLength={proposal.maxLength}
              onChange={(event) => setText(event.target.value)}
              className={inputClasses}
            />
          )}
        </div>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button
          pending={accept.isPending}
          pendingLabel="Saving…"
          disabled={!text.trim()}
          onClick={() =>
            accept.mutate(undefined, {
              onSuccess: (saved) =>
                onAccepted(
                  Array.isArray(proposal.current)
                    ? `Added “${text.trim()}” to ${saved.label}.`
                    : `Saved the new text to ${saved.label}.`,
                ),
            })
          }
        >
          Accept<span className="sr-only">: {text}</span>
        </Button>
        <Button variant="ghost" onClick={() => setDismissed(true)}>
          Dismiss<span className="sr-only">: {text}</span>
        </Button>
      </div>
      {accept.error ? (
        <Alert tone={conflict ? 'warning' : 'error'}>
          {describeError(accept.error)}{' '}
          {conflict ? (
            <Button variant="secondary" className="mt-2" onClick={onStale}>
              Propose again from the current version
            </Button>
          ) : null}
        </Alert>
      ) : null}
    </li>
  );
}

/** Findings proposed for an avatar's fears and desires or a canvas field, accepted one by one. */
export function ApplyFindings({ run }: { run: ReviewRun }) {
  const [choice, setChoice] = useState<string | null>(null);
  const [saved, setSaved] = useState<string[]>([]);
  const queryClient = useQueryClient();
  const avatars = useQuery({
    queryKey: reviewResearchKeys.avatars(run.brandId),
    queryFn: () => workspaceApi.listCollection(run.brandId, 'avatar').then((body) => body.items),
  });
  const query = queryOf(choice);
  const proposals = useQuery({
    queryKey: reviewResearchKeys.proposals(run.brandId, run.id, query ?? { target: 'canvas', field: 'none' }),
    queryFn: () =>
      reviewResearchApi.proposals(run.brandId, run.id, query as ProposalQuery).then((body) => body.proposals),
    enabled: query !== null,
  });
  const options = [
    ...(avatars.data ?? []).map((item) => ({
      value: `avatar:${item.id ?? ''}`,
      label: `Avatar: ${(item.data as { name?: string }).name ?? 'without a name'} (fears and desires)`,
    })),
    ...CANVAS_TEXT_FIELDS.map((field) => ({ value: `canvas:${field.key}`, label: `Canvas: ${field.label}` })),
  ];
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: ['research-reviews', 'proposals', run.brandId, run.id] });
  return (
    <section aria-labelledby="review-apply" className="space-y-3">
      <h3 id="review-apply" className="text-lg font-semibold text-slate-900">
        Apply findings
      </h3>
      <p className="text-sm text-slate-700">
        Turn what customers complain about into an avatar’s fears and what they praise into its desires, or
        add a finding to a canvas field. Nothing changes until you accept a proposal.
      </p>
      {avatars.error ? <Alert tone="error">{describeError(avatars.error)}</Alert> : null}
      <SelectField
        label="Apply to"
        options={options}
        value={choice}
        emptyLabel="Choose an avatar or a canvas field"
        onChange={(next) => {
          setChoice(next);
          setSaved([]);
        }}
        className="max-w-xl"
      />
      <div role="status" className="space-y-2">
        {saved.map((message) => (
          <Alert key={message} tone="success">
            {message}
          </Alert>
        ))}
      </div>
      {proposals.error ? <Alert tone="error">{describeError(proposals.error)}</Alert> : null}
      {proposals.isLoading ? <p className="text-sm text-slate-700">Finding proposals…</p> : null}
      {proposals.data && proposals.data.length === 0 ? (
        <p className="text-sm text-slate-700">
          Nothing to propose here: its list is full, or it already says what these reviews say.
        </p>
      ) : null}
      {proposals.data && proposals.data.length > 0 ? (
        <ul className="space-y-3">
          {proposals.data.map((proposal) => (
            <ProposalCard
              // A new version of the item makes a new card.
              key={`${proposal.id}-${proposal.baseVersion}`}
              run={run}
              proposal={proposal}
              onAccepted={(message) => {
                setSaved((previous) => [...previous, message]);
                // The item has a new version: every card is proposed again from it.
                void refresh();
              }}
              onStale={() => void refresh()}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
