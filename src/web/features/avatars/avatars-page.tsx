/**
 * The brand's customer avatars: create one (named up front), open, duplicate or delete (after a
 * confirmation). Several per brand; the list follows the brand switcher.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { avatarPath } from '../../../core/navigation/pages.ts';
import { countOf } from '../../../core/text/plural.ts';
import type { AvatarData } from '../../../core/workspace/avatar.ts';
import { AVATAR_TEXT_LIMITS } from '../../../core/workspace/avatar-profile.ts';
import { avatarSummary } from '../../../core/workspace/avatar-summary.ts';
import type { WorkspaceItem } from '../../../core/workspace/items.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonLink, buttonClasses } from '../../components/button.tsx';
import { PageLoader } from '../../components/spinner.tsx';
import { TextField } from '../../components/text-field.tsx';
import { workspaceApi } from '../../kit/workspace/api.ts';
import { useCurrentBrand } from '../../kit/workspace/brand.ts';
import { workspaceKeys } from '../../kit/workspace/use-workspace-item.ts';
import { WorkspacePage } from '../../kit/workspace/workspace-page.tsx';
import { describeError } from '../../lib/api-client.ts';

/** Stored avatars were validated by the server on save; the page reads them as their shape. */
function avatarOf(item: WorkspaceItem): AvatarData {
  return item.data as AvatarData;
}

function CreateAvatarForm({ brandId, first }: { brandId: string; first: boolean }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (avatarName: string) =>
      workspaceApi.createCollectionItem(brandId, 'avatar', { data: { name: avatarName }, sources: {} }),
    onSuccess: ({ item }) => {
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.collection(brandId, 'avatar') });
      if (item.id) navigate(avatarPath(item.id));
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError('Give the avatar a name, e.g. “Busy city parent”.');
      return;
    }
    setError(undefined);
    create.mutate(trimmed);
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
    >
      <h2 className="text-lg font-semibold text-slate-900">
        {first ? 'Create your first avatar' : 'New avatar'}
      </h2>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <TextField
          label="Avatar name"
          className="w-full sm:flex-1"
          description="Who is this customer? A short, memorable name."
          value={name}
          maxLength={AVATAR_TEXT_LIMITS.name}
          error={error}
          onChange={(event) => setName(event.target.value)}
        />
        <Button type="submit" pending={create.isPending} pendingLabel="Creating…" className="shrink-0">
          Create avatar
        </Button>
      </div>
      {create.isError ? <Alert tone="error">{describeError(create.error)}</Alert> : null}
    </form>
  );
}

function AvatarCard({ item, brandId }: { item: WorkspaceItem; brandId: string }) {
  const data = avatarOf(item);
  const itemId = item.id ?? '';
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const queryClient = useQueryClient();
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: workspaceKeys.collection(brandId, 'avatar') });
  const duplicate = useMutation({ mutationFn: () => workspaceApi.duplicateItem(itemId), onSuccess: refresh });
  const remove = useMutation({ mutationFn: () => workspaceApi.deleteItem(itemId), onSuccess: refresh });

  useEffect(() => {
    // Focus follows the confirmation: onto "Delete" when it opens, back to the card's button when cancelled.
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) deleteRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const summary = avatarSummary(data);
  const analysis = data.voice?.analysis ?? null;
  const tagCount =
    data.psychology.values.length + data.psychology.fears.length + data.psychology.desires.length;

  return (
    <li
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <div className="min-w-0 space-y-1">
        <h2 id={headingId} className="text-lg font-semibold break-words text-slate-900">
          <Link to={avatarPath(itemId)} className="underline-offset-4 hover:underline">
            {data.name}
          </Link>
        </h2>
        <p className="text-sm break-words text-slate-700">
          {summary || 'No demographics or buying behaviour yet.'}
        </p>
        <p className="text-xs text-slate-600">
          {countOf(tagCount, 'value, fear or desire', 'values, fears and desires')} ·{' '}
          {analysis ? `${countOf(analysis.reviewCount, 'review')} analysed` : 'No reviews analysed yet'}
        </p>
      </div>
      {confirming ? (
        <div className="space-y-2 rounded-xl border border-red-200 bg-red-50 p-3">
          <p id={`${headingId}-confirm`} className="text-sm text-red-900">
            Delete “{data.name}”? It disappears from this list and from your exports.
          </p>
          <div className="flex flex-wrap gap-2">
            <button
              ref={confirmRef}
              type="button"
              aria-describedby={`${headingId}-confirm`}
              className={buttonClasses('danger')}
              disabled={remove.isPending}
              aria-busy={remove.isPending || undefined}
              onClick={() => remove.mutate()}
            >
              {remove.isPending ? 'Deleting…' : 'Delete avatar'}
            </button>
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={remove.isPending}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          <ButtonLink to={avatarPath(itemId)}>
            Open<span className="sr-only"> {data.name}</span>
          </ButtonLink>
          <Button
            variant="secondary"
            pending={duplicate.isPending}
            pendingLabel="Duplicating…"
            onClick={() => duplicate.mutate()}
          >
            Duplicate<span className="sr-only"> {data.name}</span>
          </Button>
          <button
            ref={deleteRef}
            type="button"
            className={buttonClasses('ghost', 'md', 'text-red-800 hover:bg-red-50')}
            onClick={() => setConfirming(true)}
          >
            Delete<span className="sr-only"> {data.name}</span>
          </button>
        </div>
      )}
      {duplicate.isError ? <Alert tone="error">{describeError(duplicate.error)}</Alert> : null}
      {remove.isError ? <Alert tone="error">{describeError(remove.error)}</Alert> : null}
    </li>
  );
}

export default function AvatarsPage() {
  const { brand, error: brandError, isLoading: brandLoading } = useCurrentBrand();
  const brandId = brand?.id ?? null;
  const avatars = useQuery({
    queryKey: workspaceKeys.collection(brandId ?? 'none', 'avatar'),
    queryFn: () =>
      workspaceApi.listCollection(brandId as string, 'avatar').then((response) => response.items),
    enabled: brandId !== null,
  });

  const items = avatars.data ?? [];
  let body: ReactNode;
  if (brandError || avatars.error) {
    body = <Alert tone="error">{describeError(brandError ?? avatars.error)}</Alert>;
  } else if (brandLoading || !brandId || avatars.isLoading) {
    body = <PageLoader label="Loading avatars…" />;
  } else {
    body = (
      <div className="space-y-6">
        {items.length === 0 ? (
          <div className="space-y-2 rounded-2xl border border-dashed border-slate-300 bg-slate-50 p-6 text-slate-700">
            <p className="font-semibold text-slate-900">No avatars yet</p>
            <p>
              An avatar is one customer you design for: who they are, what they value, fear and want, how they
              buy — checked against what real customers say in their reviews.
            </p>
          </div>
        ) : (
          <ul className="grid grid-cols-1 gap-4 md:grid-cols-2" aria-label="Avatars">
            {items.map((item) => (
              <AvatarCard key={item.id} item={item} brandId={brandId} />
            ))}
          </ul>
        )}
        <CreateAvatarForm brandId={brandId} first={items.length === 0} />
      </div>
    );
  }

  return (
    <WorkspacePage
      title="Customer avatars"
      intro="Describe the customers your brand serves. Add their reviews to see what they really say, and download any avatar as a PDF."
    >
      {body}
    </WorkspacePage>
  );
}
