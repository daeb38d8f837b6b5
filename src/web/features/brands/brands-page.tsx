import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import type { Brand } from '../../../core/workspace/items.ts';
import { BRAND_NAME_MAX } from '../../../core/workspace/limits.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { PageLoader } from '../../components/spinner.tsx';
import { TextField } from '../../components/text-field.tsx';
import { brandKeys, useCurrentBrand } from '../../kit/workspace/brand.ts';
import { describeError } from '../../lib/api-client.ts';
import { useDocumentTitle } from '../../lib/document-title.ts';
import { brandsApi } from './api.ts';

function fieldError(error: unknown): string | undefined {
  return error ? describeError(error) : undefined;
}

function BrandRow({ brand, isCurrent, canDelete }: { brand: Brand; isCurrent: boolean; canDelete: boolean }) {
  const queryClient = useQueryClient();
  const { switchBrand } = useCurrentBrand();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(brand.name);
  const [confirming, setConfirming] = useState(false);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: brandKeys.all });
  const rename = useMutation({
    mutationFn: () => brandsApi.renameBrand(brand.id, name),
    onSuccess: async () => {
      await invalidate();
      setEditing(false);
    },
  });
  const remove = useMutation({ mutationFn: () => brandsApi.deleteBrand(brand.id), onSuccess: invalidate });

  function onRename(event: FormEvent) {
    event.preventDefault();
    rename.mutate();
  }

  return (
    <li className="space-y-3 py-4">
      {editing ? (
        <form onSubmit={onRename} className="flex flex-wrap items-end gap-3">
          <TextField
            label={`New name for ${brand.name}`}
            value={name}
            maxLength={BRAND_NAME_MAX}
            required
            onChange={(event) => setName(event.target.value)}
            error={fieldError(rename.error)}
            className="min-w-0 flex-1"
          />
          <Button type="submit" pending={rename.isPending} pendingLabel="Saving…">
            Save name
          </Button>
          <Button variant="secondary" onClick={() => setEditing(false)}>
            Cancel
          </Button>
        </form>
      ) : (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="font-semibold text-slate-900">
            {brand.name}
            {isCurrent ? (
              <span className="ml-2 rounded-full bg-emerald-100 px-2 py-0.5 text-xs text-emerald-900">
                Current
              </span>
            ) : null}
          </p>
          <div className="flex flex-wrap gap-2">
            {isCurrent ? null : (
              <Button variant="secondary" onClick={() => switchBrand(brand.id)}>
                Work on this brand
              </Button>
            )}
            <Button variant="ghost" onClick={() => setEditing(true)}>
              Rename<span className="sr-only"> {brand.name}</span>
            </Button>
            {canDelete ? (
              <Button variant="ghost" onClick={() => setConfirming(true)}>
                Delete<span className="sr-only"> {brand.name}</span>
              </Button>
            ) : null}
          </div>
        </div>
      )}
      {confirming ? (
        <Alert tone="warning" title={`Delete ${brand.name}?`}>
          <p>
            Its worksheets, canvas and avatars go with it. You can ask us to restore it within the retention
            period; after that it is gone for good.
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <Button
              variant="danger"
              pending={remove.isPending}
              pendingLabel="Deleting…"
              onClick={() => remove.mutate()}
            >
              Delete brand
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
          </div>
        </Alert>
      ) : null}
      {remove.error ? <Alert tone="error">{describeError(remove.error)}</Alert> : null}
    </li>
  );
}

/** Create, rename, switch and delete brands. */
export default function BrandsPage() {
  useDocumentTitle('Your brands');
  const { brand: current, brands, isLoading, error } = useCurrentBrand();
  const queryClient = useQueryClient();
  const { switchBrand } = useCurrentBrand();
  const [name, setName] = useState('');
  const headingId = useId();
  const create = useMutation({
    mutationFn: () => brandsApi.createBrand(name),
    onSuccess: async ({ brand }) => {
      await queryClient.invalidateQueries({ queryKey: brandKeys.all });
      switchBrand(brand.id);
      setName('');
    },
  });

  function onCreate(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  return (
    <div className="mx-auto w-full max-w-3xl space-y-6 px-4 py-8 sm:px-6">
      <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">Your brands</h1>
      <p className="text-slate-700">
        Each brand has its own IDEA worksheets, canvas, avatars and copy. Consultants can keep one brand per
        client.
      </p>
      {isLoading ? <PageLoader /> : null}
      {error ? <Alert tone="error">{describeError(error)}</Alert> : null}
      {brands.length > 0 ? (
        <Card>
          <h2 id={headingId} className="sr-only">
            Brands
          </h2>
          <ul aria-labelledby={headingId} className="divide-y divide-slate-200">
            {brands.map((brand) => (
              <BrandRow
                key={brand.id}
                brand={brand}
                isCurrent={brand.id === current?.id}
                canDelete={brands.length > 1}
              />
            ))}
          </ul>
        </Card>
      ) : null}
      <Card>
        <form onSubmit={onCreate} className="space-y-4">
          <h2 className="text-lg font-semibold text-slate-900">Add a brand</h2>
          <TextField
            label="Brand name"
            value={name}
            maxLength={BRAND_NAME_MAX}
            required
            onChange={(event) => setName(event.target.value)}
            error={fieldError(create.error)}
          />
          <Button type="submit" pending={create.isPending} pendingLabel="Creating…">
            Create brand
          </Button>
        </form>
      </Card>
    </div>
  );
}
