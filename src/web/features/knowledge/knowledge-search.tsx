/**
 * The search over everything the owner wrote. The query and the chosen source types live in the
 * URL (`?q=…&types=…`), so a search survives a reload and comes back with the browser's Back button
 * after opening a result; typing replaces the entry rather than adding one per keystroke.
 */
import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { KnowledgeHit } from '../../../core/knowledge/contracts.ts';
import { KNOWLEDGE_QUERY_MAX } from '../../../core/knowledge/documents.ts';
import {
  KNOWLEDGE_SOURCE_LABELS,
  KNOWLEDGE_SOURCE_TYPES,
  type KnowledgeSourceType,
} from '../../../core/knowledge/sources.ts';
import { countOf } from '../../../core/text/plural.ts';
import { Alert } from '../../components/alert.tsx';
import { Spinner } from '../../components/spinner.tsx';
import { TextField } from '../../components/text-field.tsx';
import { describeError } from '../../lib/api-client.ts';
import { useKnowledgeSearch } from './queries.ts';
import { Snippet } from './snippet.tsx';

/** How long typing must pause before the search runs. */
export const SEARCH_DEBOUNCE_MS = 300;

/** The source types named in `?types=`, ignoring anything unknown. */
export function typesParam(value: string | null): KnowledgeSourceType[] {
  const wanted = new Set((value ?? '').split(','));
  return KNOWLEDGE_SOURCE_TYPES.filter((type) => wanted.has(type));
}

function HitItem({ hit }: { hit: KnowledgeHit }) {
  return (
    <li className="space-y-1.5 py-4">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Link
          to={hit.href}
          className="font-semibold text-brand-800 underline decoration-brand-300 underline-offset-4 hover:text-brand-900"
        >
          {hit.label}
        </Link>
        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
          {KNOWLEDGE_SOURCE_LABELS[hit.sourceType]}
        </span>
      </div>
      <p className="text-sm break-words text-slate-700">
        <Snippet parts={hit.snippet} />
      </p>
    </li>
  );
}

export function KnowledgeSearch({ brandId }: { brandId: string }) {
  const [params, setParams] = useSearchParams();
  const urlQuery = params.get('q') ?? '';
  const types = typesParam(params.get('types'));
  const [draft, setDraft] = useState(urlQuery);
  // What this component last wrote to the URL; any other change (Back, a link) resets the box.
  const written = useRef(urlQuery);
  const resultsId = useId();

  useEffect(() => {
    if (urlQuery !== written.current) {
      written.current = urlQuery;
      setDraft(urlQuery);
    }
  }, [urlQuery]);

  const writeQuery = useCallback(
    (q: string) => {
      written.current = q;
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (q) next.set('q', q);
          else next.delete('q');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const trimmed = draft.trim();
  useEffect(() => {
    if (trimmed === urlQuery) return;
    const timer = setTimeout(() => writeQuery(trimmed), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [trimmed, urlQuery, writeQuery]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (trimmed !== urlQuery) writeQuery(trimmed);
  }

  function toggle(type: KnowledgeSourceType, checked: boolean) {
    const nextTypes = KNOWLEDGE_SOURCE_TYPES.filter((each) =>
      each === type ? checked : types.includes(each),
    );
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (nextTypes.length > 0) next.set('types', nextTypes.join(','));
        else next.delete('types');
        return next;
      },
      { replace: true },
    );
  }

  const search = useKnowledgeSearch(brandId, urlQuery, types);
  const hits = search.data?.hits ?? [];
  const waiting = urlQuery !== '' && (search.isFetching || trimmed !== urlQuery);

  let status = '';
  if (urlQuery && search.data && !search.isPlaceholderData) {
    status =
      hits.length === 0
        ? `Nothing found for “${urlQuery}”.`
        : `${countOf(hits.length, 'result')} for “${urlQuery}”.`;
  }

  return (
    <section aria-labelledby="search-heading" className="space-y-4">
      <h2 id="search-heading" className="text-xl font-semibold text-slate-900">
        Search everything you wrote
      </h2>
      <search aria-labelledby="search-heading">
        <form onSubmit={submit} className="space-y-4">
          <TextField
            type="search"
            label="Search"
            description="Documents, the brand canvas, IDEA worksheets, avatars and their reviews, diagnostics. Put a phrase in quotes; put - before a word to leave it out."
            value={draft}
            maxLength={KNOWLEDGE_QUERY_MAX}
            autoComplete="off"
            aria-controls={resultsId}
            onChange={(event) => setDraft(event.target.value)}
          />
          <fieldset className="space-y-2">
            <legend className="text-sm font-semibold text-slate-900">Only in</legend>
            <div className="flex flex-wrap gap-2">
              {KNOWLEDGE_SOURCE_TYPES.map((type) => (
                <label
                  key={type}
                  className="inline-flex min-h-10 cursor-pointer items-center gap-2 rounded-full border border-slate-300 bg-white px-3 text-sm text-slate-800 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:checked]:text-brand-900"
                >
                  <input
                    type="checkbox"
                    className="size-4 accent-brand-700"
                    checked={types.includes(type)}
                    onChange={(event) => toggle(type, event.target.checked)}
                  />
                  {KNOWLEDGE_SOURCE_LABELS[type]}
                </label>
              ))}
            </div>
            <p className="text-xs text-slate-600">None ticked searches everywhere.</p>
          </fieldset>
        </form>
      </search>
      <div id={resultsId} className="space-y-2">
        <p role="status" className="flex min-h-6 items-center gap-2 text-sm text-slate-700">
          {waiting ? (
            <>
              <Spinner className="size-4 text-brand-600" />
              <span>Searching…</span>
            </>
          ) : (
            status
          )}
        </p>
        {search.isError ? <Alert tone="error">{describeError(search.error)}</Alert> : null}
        {urlQuery && hits.length > 0 ? (
          <ol
            aria-label="Search results"
            className="divide-y divide-slate-200 rounded-2xl border border-slate-200 bg-white px-4 sm:px-6"
          >
            {hits.map((hit) => (
              <HitItem key={hit.id} hit={hit} />
            ))}
          </ol>
        ) : null}
        {urlQuery && search.data && hits.length === 0 && !search.isPlaceholderData ? (
          <p className="text-sm text-slate-600">
            Try fewer or different words{types.length > 0 ? ', or untick the filters' : ''}. A document’s text
            is searchable once it shows “Ready”.
          </p>
        ) : null}
      </div>
    </section>
  );
}
