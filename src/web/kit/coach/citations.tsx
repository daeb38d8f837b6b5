/**
 * Citations in coach answers: each `[n]` marker becomes a link to the place its source opens (the
 * canvas field, the avatar's review, the document at its page), named for assistive technology as
 * "Source n: <where>", and the answer ends with its list of sources and what each says. Links go
 * through the router, so opening a source stays in the app. The marker format is core's
 * (src/core/ai/citations.ts), shared with the server that checked the answer's markers.
 */
import { useId } from 'react';
import { Link } from 'react-router';
import { splitCitationMarkers } from '../../../core/ai/citations.ts';
import type { Citation } from '../../../core/knowledge/contracts.ts';

/** The accessible name of a citation: which source, and where it is. */
export function citationName(citation: Pick<Citation, 'n' | 'label'>): string {
  return `Source ${citation.n}: ${citation.label}`;
}

export function CitationLink({ citation }: { citation: Citation }) {
  return (
    <Link
      to={citation.href}
      aria-label={citationName(citation)}
      title={citation.label}
      data-citation={citation.n}
      className="mx-0.5 inline-flex min-w-6 items-center justify-center rounded px-1 align-baseline text-[0.85em] font-semibold text-brand-700 underline underline-offset-2 hover:bg-brand-50 hover:text-brand-900"
    >
      [{citation.n}]
    </Link>
  );
}

/**
 * Plain text (a task's answer, a critique line) with its markers as citation links. A marker with
 * no citation (there should be none: the server removes them) stays as it was written.
 */
export function CitedText({ text, citations }: { text: string; citations: readonly Citation[] }) {
  if (citations.length === 0) return <>{text}</>;
  const byNumber = new Map(citations.map((citation) => [citation.n, citation]));
  return (
    <>
      {splitCitationMarkers(text).map((piece, index) => {
        // Pieces never move: the index is a stable key for this text.
        const key = `${index}-${piece.kind}`;
        if (piece.kind === 'text') return <span key={key}>{piece.text}</span>;
        const citation = byNumber.get(piece.n);
        return citation ? <CitationLink key={key} citation={citation} /> : <span key={key}>[{piece.n}]</span>;
      })}
    </>
  );
}

/** The markers a text carries, as links (for text shown inside another link, e.g. an action). */
export function CitationMarks({ text, citations }: { text: string; citations: readonly Citation[] }) {
  const byNumber = new Map(citations.map((citation) => [citation.n, citation]));
  const cited = [
    ...new Set(
      splitCitationMarkers(text).flatMap((piece) => {
        const citation = piece.kind === 'marker' ? byNumber.get(piece.n) : undefined;
        return citation ? [citation] : [];
      }),
    ),
  ];
  if (cited.length === 0) return null;
  return (
    <>
      {' '}
      {cited.map((citation) => (
        <CitationLink key={citation.n} citation={citation} />
      ))}
    </>
  );
}

/** The answer's sources under it: where each is and what it says, each opening its place. */
export function SourcesList({ citations }: { citations: readonly Citation[] }) {
  const headingId = useId();
  if (citations.length === 0) return null;
  return (
    <div className="mt-3 border-t border-slate-200 pt-2 text-sm">
      <p id={headingId} className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
        Sources
      </p>
      <ol aria-labelledby={headingId} className="mt-1 space-y-1.5">
        {citations.map((citation) => (
          <li key={citation.n} className="text-slate-700">
            <Link
              to={citation.href}
              className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
            >
              [{citation.n}] {citation.label}
            </Link>
            {citation.quote ? <q className="ml-1 block text-slate-700 sm:inline">{citation.quote}</q> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
