import type { KnowledgeHit } from '../../../core/knowledge/contracts.ts';

/**
 * A search snippet with the matched words marked. Built from the parts the server sends (text and
 * whether it matched), so passage text is always text: nothing in it is ever read as HTML.
 */
export function Snippet({ parts }: { parts: KnowledgeHit['snippet'] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional and never reorder.
          <mark key={index} className="rounded-sm bg-amber-200 px-0.5 text-slate-900">
            {part.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional and never reorder.
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
