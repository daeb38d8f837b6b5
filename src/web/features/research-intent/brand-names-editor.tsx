import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { INTENT_RESEARCH_LIMITS as LIMITS } from '../../../core/research/intent-limits.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { describeError, isApiError } from '../../lib/api-client.ts';
import { researchIntentApi, researchIntentKeys } from './api.ts';
import { TextAreaField } from './text-area-field.tsx';

function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Which list a server error is about, from its detail path (`body.own.0`, `body.competitors`). */
function listErrors(error: unknown): { own?: string; competitors?: string; other?: string } {
  if (!isApiError(error)) return error ? { other: describeError(error) } : {};
  const found: { own?: string; competitors?: string; other?: string } = {};
  for (const detail of error.details) {
    const [, list, index] = detail.path.split('.');
    const where = index === undefined ? '' : ` (name ${Number(index) + 1})`;
    if (list === 'own' && !found.own) found.own = `${detail.message}${where}.`;
    else if (list === 'competitors' && !found.competitors) found.competitors = `${detail.message}${where}.`;
  }
  if (!found.own && !found.competitors) found.other = describeError(error);
  return found;
}

/**
 * The brand's own names and its competitors': search terms naming them are navigational. One name
 * per line; saved for the brand and used by every run after saving.
 */
export function BrandNamesEditor({ brandId }: { brandId: string }) {
  const queryClient = useQueryClient();
  const saved = useQuery({
    queryKey: researchIntentKeys.brandNames(brandId),
    queryFn: () => researchIntentApi.getBrandNames(brandId),
  });
  const [own, setOwn] = useState('');
  const [competitors, setCompetitors] = useState('');
  const [done, setDone] = useState(false);

  useEffect(() => {
    if (!saved.data) return;
    setOwn(saved.data.brandNames.own.join('\n'));
    setCompetitors(saved.data.brandNames.competitors.join('\n'));
  }, [saved.data]);

  const save = useMutation({
    mutationFn: () =>
      researchIntentApi.saveBrandNames(brandId, { own: linesOf(own), competitors: linesOf(competitors) }),
    onSuccess: (response) => {
      queryClient.setQueryData(researchIntentKeys.brandNames(brandId), response);
      setDone(true);
    },
  });
  const errors = listErrors(save.error);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    save.mutate();
  }

  return (
    <section aria-labelledby="intent-brand-names" className="space-y-4">
      <h2 id="intent-brand-names" className="text-xl font-semibold text-slate-900">
        Brand names
      </h2>
      <p className="text-sm text-slate-700">
        Searches that name your brand or a competitor are people looking for that brand, so they count as
        navigational. Well-known shops such as Amazon, Etsy or IKEA are recognised without a list.
      </p>
      {saved.error ? <Alert tone="error">{describeError(saved.error)}</Alert> : null}
      <form className="space-y-4" onSubmit={onSubmit} noValidate>
        <div className="grid gap-4 md:grid-cols-2">
          <TextAreaField
            label="Your brand names"
            description={`One per line, up to ${LIMITS.ownNames}: your brand, shop and product lines.`}
            rows={4}
            value={own}
            disabled={saved.isLoading}
            error={errors.own}
            onChange={(event) => {
              setDone(false);
              setOwn(event.target.value);
            }}
          />
          <TextAreaField
            label="Competitor names"
            description={`One per line, up to ${LIMITS.competitorNames}.`}
            rows={4}
            value={competitors}
            disabled={saved.isLoading}
            error={errors.competitors}
            onChange={(event) => {
              setDone(false);
              setCompetitors(event.target.value);
            }}
          />
        </div>
        {errors.other ? <Alert tone="error">{errors.other}</Alert> : null}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="secondary" pending={save.isPending} pendingLabel="Saving…">
            Save brand names
          </Button>
          {done ? (
            <p role="status" className="text-sm text-slate-700">
              Saved. New runs use these names.
            </p>
          ) : null}
        </div>
      </form>
    </section>
  );
}
