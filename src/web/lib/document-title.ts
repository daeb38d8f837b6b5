import { createContext, useContext, useEffect } from 'react';

const SITE_NAME = 'IDEA Brand Coach';

/** The document title for a page title; `null` is the home page. */
export function documentTitle(title: string | null): string {
  return title ? `${title} · ${SITE_NAME}` : `${SITE_NAME} — build a brand customers trust`;
}

/**
 * Set only when rendering at build time (scripts/prerender.ts): effects don't run there, so the
 * prerendered HTML learns each page's title through this instead.
 */
export const DocumentTitleCollector = createContext<((title: string) => void) | null>(null);

/** Titles are what screen readers announce and tabs show after a client-side navigation. */
export function useDocumentTitle(title: string | null) {
  const collect = useContext(DocumentTitleCollector);
  collect?.(documentTitle(title));
  useEffect(() => {
    document.title = documentTitle(title);
  }, [title]);
}
