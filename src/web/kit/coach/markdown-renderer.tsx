/**
 * The coach's answers as Markdown. Loaded on demand (see markdown.tsx), so no page pays for the
 * parser up front. Nothing in an answer can run: raw HTML is dropped (`skipHtml`, and no rehype-raw),
 * links only keep safe protocols (react-markdown's URL filter turns `javascript:` and the like into
 * an empty href), images are shown as their description instead of being fetched, and headings are
 * demoted so an answer cannot disturb the page's outline.
 */
import type { ReactNode } from 'react';
import Markdown, { type Components, defaultUrlTransform } from 'react-markdown';

const SAFE_PROTOCOL = /^(https?:|mailto:)/i;

/** Relative links and http(s)/mailto only; everything else (javascript:, data:, vbscript:…) goes. */
export function safeUrl(url: string): string {
  const cleaned = defaultUrlTransform(url);
  if (!cleaned) return '';
  const hasProtocol = /^[a-z][a-z0-9+.-]*:/i.test(cleaned);
  return !hasProtocol || SAFE_PROTOCOL.test(cleaned) ? cleaned : '';
}

function Heading({ children }: { children?: ReactNode }) {
  return <p className="font-semibold text-slate-900">{children}</p>;
}

const components: Components = {
  h1: Heading,
  h2: Heading,
  h3: Heading,
  h4: Heading,
  h5: Heading,
  h6: Heading,
  a: ({ href, children }) =>
    href ? (
      <a
        href={href}
        target="_blank"
        rel="noopener noreferrer nofollow"
        className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
      >
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
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

export default function MarkdownRenderer({ children }: { children: string }) {
  return (
    <div className="space-y-3 break-words">
      <Markdown skipHtml urlTransform={safeUrl} components={components}>
        {children}
      </Markdown>
    </div>
  );
}
