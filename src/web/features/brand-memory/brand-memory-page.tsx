/**
 * What the coach remembers: the facts the owner confirmed about the current brand, which the coach
 * reads with every answer about it. The owner adds, corrects and deletes them here; a fact the coach
 * offered in a conversation is here only because the owner saved it. A citation of a fact lands on
 * it (`#memory-<id>`).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import type { BrandMemory } from '../../../core/brand-memory/contracts.ts';
import { BRAND_MEMORY_MAX_PER_BRAND, BRAND_MEMORY_TEXT_MAX } from '../../../core/brand-memory/limits.ts';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { countOf } from '../../../core/text/plural.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { cx } from '../../components/cx.ts';
import { PageLoader } from '../../components/spinner.tsx';
import { inputClasses } from '../../components/text-field.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { brandMemoryApi, brandMemoryKeys, brandMemoryQuery } from '../../kit/brand-memory/api.ts';
import { useCurrentBrand } from '../../kit/workspace/brand.ts';
import { BrandSwitcher } from '../../kit/workspace/brand-switcher.tsx';
import { useHashTarget } from '../../kit/workspace/hash-target.ts';
import { describeError } from '../../lib/api-client.ts';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { formatDate } from '../../lib/format-date.ts';

/** A fact's text box with its live count; the limit is the server's, so nothing typed is refused late. */
function FactField({
  label,
  value,
  onChange,
  error,
  autoFocus,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  autoFocus?: boolean;
}) {
  const id = useId();
  const countId = `${id}-count`;
  const errorId = `${id}-error`;
  const length = value.trim().length;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-semibold text-slate-900">
        {label}
      </label>
      <textarea
        id={id}
        value={value}
        rows={2}
        maxLength={BRAND_MEMORY_TEXT_MAX}
        // biome-ignore lint/a11y/noAutofocus: the field the owner just asked to edit takes the focus.
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={[countId, error ? errorId : null].filter(Boolean).join(' ')}
        onChange={(event) => onChange(event.target.value)}
        className={cx(inputClasses, 'resize-y', error ? 'border-red-600' : null)}
      />
      <p id={countId} className="text-xs text-slate-600">
        {length} of {BRAND_MEMORY_TEXT_MAX} characters
      </p>
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function sourceNote(memory: BrandMemory): string {
  const when = formatDate(memory.createdAt);
  return memory.source === 'coach-suggested'
    ? `Offered by the coach, saved by you on ${when}`
    : `Added by you on ${when}`;
}

function FactRow({ memory, brandName }: { memory: BrandMemory; brandName: string }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(memory.text);
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: brandMemoryKeys.brand(memory.brandId) });
  const update = useMutation({
    mutationFn: () => brandMemoryApi.update(memory.id, text),
    onSuccess: async () => {
      await refresh();
      setEditing(false);
    },
  });
  const remove = useMutation({
    mutationFn: () => brandMemoryApi.remove(memory.id),
    onSuccess: async () => {
      setConfirming(false);
      await refresh();
    },
  });

  function onSave(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    update.mutate();
  }

  return (
    <li id={`memory-${memory.id}`} className="space-y-3 py-4">
      {editing ? (
        <form onSubmit={onSave} className="space-y-3">
          <FactField
            label="Edit this fact"
            value={text}
            onChange={setText}
            error={update.isError ? describeError(update.error) : undefined}
            autoFocus
          />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" pending={update.isPending} pendingLabel="Saving…" disabled={!text.trim()}>
              Save fact
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setEditing(false);
                setText(memory.text);
                update.reset();
              }}
            >
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0 space-y-1">
            <p className="break-words text-slate-900">{memory.text}</p>
            <p className="text-xs text-slate-600">{sourceNote(memory)}</p>
          </div>
          <div className="flex shrink-0 flex-wrap gap-2">
            <Button variant="secondary" className="min-h-9" onClick={() => setEditing(true)}>
              Edit<span className="sr-only"> “{memory.text}”</span>
            </Button>
            <Button variant="ghost" className="min-h-9" onClick={() => setConfirming(true)}>
              Delete<span className="sr-only"> “{memory.text}”</span>
            </Button>
          </div>
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title="Forget this fact?"
        confirmLabel="Delete fact"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        onConfirm={() => remove.mutate()}
        onCancel={() => {
          setConfirming(false);
          remove.reset();
        }}
      >
        <p>
          The coach will no longer know “{memory.text}” when it answers about {brandName}.
        </p>
        {remove.isError ? (
          <Alert tone="error">
            <p>{describeError(remove.error)}</p>
          </Alert>
        ) : null}
      </ConfirmDialog>
    </li>
  );
}

function AddFact({
  brandId,
  brandName,
  limit,
  full,
}: {
  brandId: string;
  brandName: string;
  limit: number;
  full: boolean;
}) {
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const create = useMutation({
    mutationFn: () => brandMemoryApi.create(brandId, text),
    onSuccess: async () => {
      setText('');
      await queryClient.invalidateQueries({ queryKey: brandMemoryKeys.brand(brandId) });
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    create.mutate();
  }

  if (full) {
    return (
      <Alert tone="info" title={`The coach remembers ${countOf(limit, 'fact')} about ${brandName}`}>
        <p>That is as many as a brand holds. Delete or combine some to add another.</p>
      </Alert>
    );
  }
  return (
    <Card>
      <form onSubmit={onSubmit} className="space-y-4">
        <h2 className="text-lg font-semibold text-slate-900">Add a fact</h2>
        <FactField
          label={`Something true about ${brandName} the coach should always know`}
          value={text}
          onChange={setText}
          error={create.isError ? describeError(create.error) : undefined}
        />
        <p className="text-sm text-slate-600">
          For example “Our customers are mostly night-shift nurses” or “We only sell online”.
        </p>
        <Button type="submit" pending={create.isPending} pendingLabel="Saving…" disabled={!text.trim()}>
          Remember this
        </Button>
      </form>
    </Card>
  );
}

export default function BrandMemoryPage() {
  useDocumentTitle('What the coach remembers');
  useHashTarget();
  const { brand, isLoading: brandsLoading, error: brandsError } = useCurrentBrand();
  const memories = useQuery({ ...brandMemoryQuery(brand?.id ?? ''), enabled: Boolean(brand) });
  const listId = useId();
  const facts = memories.data?.memories ?? [];
  const limit = memories.data?.limit ?? BRAND_MEMORY_MAX_PER_BRAND;

  return (
    <div className="mx-auto w-full max-w-3xl space-y-6 px-4 py-8 sm:px-6 sm:py-10">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">
          What the coach remembers
        </h1>
        <p className="text-slate-700">
          Facts you confirmed about{' '}
          {brand ? <strong className="font-semibold">{brand.name}</strong> : 'your brand'}. The coach reads
          them with every answer about this brand. It never stores one without you: when you state a fact in a
          conversation, it offers to remember it and you decide.
        </p>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <BrandSwitcher />
          <TextLink to={PAGE_PATHS.coach}>Back to the coach</TextLink>
        </div>
      </div>
      {brandsError ? <Alert tone="error">{describeError(brandsError)}</Alert> : null}
      {brandsLoading || (brand && memories.isPending) ? (
        <PageLoader variant="inline" label="Loading…" />
      ) : null}
      {memories.isError ? (
        <Alert tone="error" title="We couldn’t load what the coach remembers">
          <p>{describeError(memories.error)}</p>
          <Button variant="secondary" pending={memories.isFetching} onClick={() => void memories.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : null}
      {brand && memories.data ? (
        <>
          <AddFact brandId={brand.id} brandName={brand.name} limit={limit} full={facts.length >= limit} />
          <Card>
            <h2 id={listId} className="text-lg font-semibold text-slate-900">
              {countOf(facts.length, 'fact')} <span className="font-normal text-slate-600">of {limit}</span>
            </h2>
            {facts.length === 0 ? (
              <p className="mt-2 text-slate-700">
                The coach doesn’t remember anything about {brand.name} yet. Add a fact above, or tell the
                coach in a conversation.
              </p>
            ) : (
              <ul aria-labelledby={listId} className="divide-y divide-slate-200">
                {facts.map((memory) => (
                  <FactRow key={memory.id} memory={memory} brandName={brand.name} />
                ))}
              </ul>
            )}
          </Card>
        </>
      ) : null}
    </div>
  );
}
