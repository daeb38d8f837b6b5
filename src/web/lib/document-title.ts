import { useEffect } from 'react';

const SITE_NAME = 'IDEA Brand Coach';

/** Titles are what screen readers announce and tabs show after a client-side navigation. */
export function useDocumentTitle(title: string | null) {
  useEffect(() => {
    document.title = title ? `${title} · ${SITE_NAME}` : `${SITE_NAME} — build a brand customers trust`;
  }, [title]);
}
