import { type RefObject, Suspense, useEffect, useRef } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { PAGE_PATHS } from '../../core/navigation/pages.ts';
import { PageLoader } from '../components/spinner.tsx';
import { useHydrated } from '../lib/hydration.ts';
import { FeedbackButton } from './feedback-button.tsx';
import { SiteHeader } from './site-header.tsx';

/**
 * After a client-side navigation nothing tells assistive technology that the page changed, and the
 * scroll position is the old page's. Move both to the top of the new page, as a full load would.
 */
function useResetFocusOnNavigation(main: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    window.scrollTo(0, 0);
    const target = main.current?.querySelector<HTMLElement>('h1') ?? main.current;
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }, [pathname, main]);
}

/** The public legal pages (ADR 0046) and the beta programme (ADR 0053), on every page. */
const FOOTER_LINKS = [
  { to: PAGE_PATHS.privacy, label: 'Privacy' },
  { to: PAGE_PATHS.terms, label: 'Terms' },
  { to: PAGE_PATHS.contact, label: 'Contact' },
  { to: PAGE_PATHS.beta, label: 'Beta programme' },
] as const;

/**
 * Prerendered HTML was written at build time, possibly in an earlier year: the year is the browser's,
 * added once hydrated (in its own component, so only this line renders again).
 */
function Copyright() {
  const year = useHydrated() ? new Date().getFullYear() : null;
  return <p>© {year === null ? '' : `${year} `}IDEA Brand Coach</p>;
}

export function Shell() {
  const main = useRef<HTMLElement>(null);
  useResetFocusOnNavigation(main);

  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only rounded-lg bg-brand-800 px-4 py-3 font-semibold text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50"
      >
        Skip to main content
      </a>
      <SiteHeader />
      {/*
        At least a screen tall, so the footer starts below the fold: otherwise it would jump when a page
        replaces its loader (a layout shift), however tall that page turns out to be.
      */}
      <main id="main" ref={main} tabIndex={-1} className="flex min-h-screen flex-col focus:outline-none">
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-8 text-sm text-slate-600 sm:flex-row sm:justify-between sm:px-6">
          <p>
            <span className="font-semibold text-slate-900">IDEA Brand Coach</span> · Insight-driven,
            Distinctive, Empathetic, Authentic.
          </p>
          <nav aria-label="About this site">
            <ul className="flex flex-wrap gap-x-5 gap-y-1">
              {FOOTER_LINKS.map((link) => (
                <li key={link.to}>
                  <Link
                    to={link.to}
                    className="inline-block py-1 font-medium text-slate-700 underline-offset-4 hover:text-slate-900 hover:underline"
                  >
                    {link.label}
                  </Link>
                </li>
              ))}
              <li>
                <FeedbackButton />
              </li>
            </ul>
          </nav>
          <Copyright />
        </div>
      </footer>
    </div>
  );
}
