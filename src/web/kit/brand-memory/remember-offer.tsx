/**
 * The coach's offer to remember a fact the owner just stated ("Our customers are mostly nurses."):
 * nothing is stored until the owner presses the button, and the fact is saved as the owner wrote it,
 * marked as suggested by the coach. It can be edited or deleted later on the memory page.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PAGE_PATHS } from '../../../core/navigation/pages.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { TextLink } from '../../components/text-link.tsx';
import { describeError, isApiError } from '../../lib/api-client.ts';
import { brandMemoryApi, brandMemoryKeys } from './api.ts';

export interface RememberOfferProps {
  brandId: string;
  /** Null while the brand list is loading: the offer then says "this brand". */
  brandName: string | null;
  text: string;
  onDismiss: () => void;
}

/** A 409 carrying the fact already stored: the coach remembers it, which is what the owner wanted. */
function alreadyRemembered(error: unknown): boolean {
  return isApiError(error) && error.status === 409 && error.current !== undefined;
}

export function RememberOffer({ brandId, brandName, text, onDismiss }: RememberOfferProps) {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () => brandMemoryApi.create(brandId, text, 'coach-suggested'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: brandMemoryKeys.brand(brandId) }),
  });
  const brand = brandName ?? 'this brand';

  if (save.isSuccess || alreadyRemembered(save.error)) {
    return (
      <Alert tone="success" className="mt-3">
        <p>
          {save.isSuccess
            ? `Saved. The coach will remember this for ${brand}.`
            : `The coach already remembers this for ${brand}.`}{' '}
          <TextLink to={PAGE_PATHS.brandMemory}>See what the coach remembers</TextLink>
        </p>
      </Alert>
    );
  }

  return (
    <section
      aria-label="Remember a fact"
      className="mt-3 rounded-xl border border-brand-200 bg-brand-50 px-4 py-3 text-sm text-slate-800"
    >
      <p>The coach can remember this about {brand} for every future answer:</p>
      <blockquote className="mt-1 border-l-4 border-brand-300 pl-3 break-words text-slate-900">
        {text}
      </blockquote>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button
          variant="secondary"
          className="min-h-9"
          pending={save.isPending}
          pendingLabel="Saving…"
          onClick={() => save.mutate()}
        >
          Remember this for {brand}
        </Button>
        <Button variant="ghost" className="min-h-9" disabled={save.isPending} onClick={onDismiss}>
          Not now
        </Button>
      </div>
      {save.isError ? (
        <Alert key={save.submittedAt} tone="error" className="mt-3">
          <p>{describeError(save.error)}</p>
        </Alert>
      ) : null}
    </section>
  );
}
