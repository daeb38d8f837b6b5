/**
 * The coach's answers as Markdown. Loaded on demand (see markdown.tsx), so no page pays for the
 * parser up front. Nothing in an answer can run: raw HTML is dropped (`skipHtml`, and no rehype-raw),
 * links only keep safe protocols (react-markdown's URL filter turns `javascript:` and the like into
 * an empty href), images are shown as their description instead of being fetched, and headings are
 * demoted so an answer cannot disturb the page's outline. Citation markers (`[1]`) of the answer's
 * own citations become in-app links to their sources; they are made from text nodes after parsing,
 * so no answer text can produce one.
 */
import { type ReactNode, useMemo } from 'react';
import Markdown, { type Components, defaultUrlTransform } from 'react-markdown';
import { Link } from 'react-router';
import { splitCitationMarkers } from '../../../core/ai/citations.ts';
import type { Citation } from '../../../core/knowledge/contracts.ts';
import { CitationLink } from './citations.tsx';

const SAFE_PROTOCOL = /^(https?:|mailto:)/i;

/** Relative links and http(s)/mailto only; everything else (javascript:, data:, vbscript:…) goes. */
export function safeUrl(url: string): string {
  const cleaned = defaultUrlTransform(url);
  if (!cleaned) return '';
  const hasProtocol = /^[a-z][a-z0-9+.-]*:/i.test(cleaned);
  return !hasProtocol || SAFE_PROTOCOL.test(cleaned) ? cleaned : '';
}

/** The Markdown syntax tree, as far as citations need it. */
interface MdNode {
  type: string;
  value?: string;
  url?: string;
  children?: MdNode[];
  data?: { hProperties?: Record<string, string> };
}

/** Marks the link nodes this plugin made, so the link renderer knows them from the answer's links. */
const CITATION_PROPERTY = 'dataCitation';

/**
 * A remark plugin: text nodes' markers of known citations become link nodes carrying the citation's
 * number (rendered by `CitationLink`). Link text and code are left alone: a link cannot hold a link,
 * and code is quoted as written.
 */
function remarkCitations(known: ReadonlySet<number>) {
  function visit(node: MdNode): void {
    if (!node.children || node.type === 'link' || node.type === 'linkReference') return;
    node.children = node.children.flatMap((child): MdNode[] => {
      if (child.type !== 'text' || !child.value) {
        visit(child);
        return [child];
      }
      const pieces = splitCitationMarkers(child.value);
      if (!pieces.some((piece) => piece.kind === 'marker' && known.has(piece.n))) return [child];
      return pieces.map((piece) =>
        piece.kind === 'text'
          ? { type: 'text', value: piece.text }
          : known.has(piece.n)
            ? {
                type: 'link',
                url: `#source-${piece.n}`,
                children: [{ type: 'text', value: `[${piece.n}]` }],
                data: { hProperties: { [CITATION_PROPERTY]: String(piece.n) } },
              }
            : { type: 'text', value: `[${piece.n}]` },
      );
    });
  }
  return () => visit;
}

/** A link the answer itself wrote: opens outside the app, and only with a safe URL (see safeUrl). */
const ANSWER_LINK_CLASS = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900';

/** A path of this app ("/app/canvas", "/diagnostic"), not another site or a protocol-relative URL. */
function isAppPath(href: string): boolean {
  return href.startsWith('/') && !href.startsWith('//');
}

/**
 * The coach's links to the app's own pages open in place, like any other link of the app, so the
 * owner keeps one tab; links to other sites open in a new tab and pass nothing to them.
 */
function AnswerLink({ href, children }: { href?: string | undefined; children?: ReactNode }) {
  if (!href) return <span>{children}</span>;
  if (isAppPath(href))
    return (
      <Link to={href} className={ANSWER_LINK_CLASS}>
        {children}
      </Link>
    );
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow" className={ANSWER_LINK_CLASS}>
      {children}
    </a>
  );
}

function Heading({ children }: { children?: ReactNode }) {
  return <p className="font-semibold text-slate-900">{children}</p>;
}

const baseComponents: Components = {
  h1: Heading,
  h2: Heading,
  h3: Heading,
  h4: Heading,
  h5: Heading,
  h6: Heading,
  a: AnswerLink,
  img: ({ alt }) => (alt ? <span className="italic">[{alt}]</span> : null),
  ul: ({ children }) => <ul className="list-disc space-y-1 pl-5">{children}</ul>,
  ol: ({ children }) => <ol className="list-decimal space-y-1 pl-5">{children}</ol>,
  code: ({ children }) => (
    <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.9em] break-words">{children}</code>
  ),
  pre: ({ children }) => (
    <pre className="overflow-x-auto rounded-lg bg-slate-100 p-3 text-sm whitespace-pre-wrap">{children}</pre>
  ),
  blockquote: ({ children }) => (
    <blockquote className="border-l-4 border-slate-300 pl-3 text-slate-700">{children}</blockquote>
  ),
};

const NO_CITATIONS: readonly Citation[] = [];

export default function MarkdownRenderer({
  children,
  citations = NO_CITATIONS,
}: {
  children: string;
  /** The answer's citations: its `[n]` markers link to them. */
  citations?: readonly Citation[];
}) {
  const { plugins, components } = useMemo(() => {
    const byNumber = new Map(citations.map((citation) => [citation.n, citation]));
    const withCitations: Components = {
      ...baseComponents,
      a: ({ node, href, children }) => {
        const cited = node?.properties?.[CITATION_PROPERTY];
        const citation = cited === undefined ? undefined : byNumber.get(Number(cited));
        return citation ? (
          <CitationLink citation={citation} />
        ) : (
          <AnswerLink href={href}>{children}</AnswerLink>
        );
      },
    };
    return {
      plugins: byNumber.size > 0 ? [remarkCitations(new Set(byNumber.keys()))] : [],
      components: withCitations,
    };
  }, [citations]);
  return (
    <div className="space-y-3 break-words">
      <Markdown skipHtml urlTransform={safeUrl} components={components} remarkPlugins={plugins}>
        {children}
      </Markdown>
    </div>
  );
}
