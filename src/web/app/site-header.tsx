import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { PAGE_PATHS } from '../../core/navigation/pages.ts';
import { Button, ButtonLink } from '../components/button.tsx';
import { cx } from '../components/cx.ts';
import { useHydrated } from '../lib/hydration.ts';
import { useSession, useSignOut } from '../lib/session.ts';

// Tighter on wide screens so the whole menu (with Admin) sits beside the logo in one row at 1280 px.
const navLinkClasses =
  'flex min-h-11 items-center rounded-lg px-3 text-sm font-semibold text-slate-800 hover:bg-slate-100 xl:px-2 ' +
  'aria-[current=page]:text-brand-800 aria-[current=page]:underline aria-[current=page]:underline-offset-8';

/** The workspace's pages, in the order the IDEA journey uses them. */
const WORKSPACE_LINKS = [
  { to: PAGE_PATHS.ideaHub, label: 'IDEA' },
  { to: PAGE_PATHS.avatars, label: 'Avatars' },
  { to: PAGE_PATHS.canvas, label: 'Canvas' },
  { to: PAGE_PATHS.valueLens, label: 'Value Lens' },
  { to: PAGE_PATHS.knowledge, label: 'Knowledge' },
  { to: PAGE_PATHS.research, label: 'Research' },
] as const;

function BrandMark() {
  return (
    <svg aria-hidden="true" viewBox="0 0 32 32" className="size-7 shrink-0 sm:size-8">
      <rect width="32" height="32" rx="7" className="fill-brand-700" />
      <path
        d="M9 8h4v16H9zM16 8h4.5a7.5 8 0 0 1 0 16H16zm4 3.5v9h.5a4 4.5 0 0 0 0-9z"
        className="fill-white"
      />
    </svg>
  );
}

export function SiteHeader() {
  const session = useSession();
  const signOut = useSignOut();
  const location = useLocation();
  const menuId = useId();
  const menuButton = useRef<HTMLButtonElement>(null);
  // The menu belongs to the page it was opened on, so any navigation closes it without an effect.
  const [openFor, setOpenFor] = useState<string | null>(null);
  const open = openFor === location.key;
  const user = session.data?.user;
  // Prerendered pages: the menu opens once React has taken over the HTML.
  const hydrated = useHydrated();

  function onMenuKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && open) {
      setOpenFor(null);
      menuButton.current?.focus();
    }
  }

  return (
    <header className="border-b border-slate-200 bg-white">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the open menu closes it. */}
      <div
        className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 px-4 py-2 sm:px-6"
        onKeyDown={onMenuKeyDown}
      >
        <Link
          to={PAGE_PATHS.home}
          className="flex min-h-12 items-center gap-2 rounded-lg text-base font-bold text-slate-900 sm:gap-2.5 sm:text-lg"
        >
          <BrandMark />
          {/* Signed in, the full menu needs the room between 1280 and 1536 px: the name is then read, not shown. */}
          <span className={user ? 'xl:max-2xl:sr-only' : undefined}>IDEA Brand Coach</span>
        </Link>
        <button
          ref={menuButton}
          type="button"
          aria-expanded={open}
          aria-controls={menuId}
          disabled={!hydrated}
          onClick={() => setOpenFor(open ? null : location.key)}
          className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 px-3 text-sm font-semibold text-slate-900 hover:bg-slate-50 xl:hidden"
        >
          <svg
            aria-hidden="true"
            viewBox="0 0 24 24"
            className="size-5"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          >
            <path strokeLinecap="round" d={open ? 'M6 6l12 12M18 6 6 18' : 'M4 7h16M4 12h16M4 17h16'} />
          </svg>
          Menu
        </button>
        <nav
          id={menuId}
          aria-label="Main"
          className={cx(open ? 'block' : 'hidden', 'w-full pb-3 xl:block xl:w-auto xl:pb-0')}
        >
          <ul className="flex flex-col gap-1 border-t border-slate-200 pt-3 xl:flex-row xl:items-center xl:gap-1 xl:border-0 xl:pt-0">
            {user ? (
              <>
                <li>
                  <NavLink to={PAGE_PATHS.dashboard} end className={navLinkClasses}>
                    Dashboard
                  </NavLink>
                </li>
                {WORKSPACE_LINKS.map((link) => (
                  <li key={link.to}>
                    <NavLink to={link.to} className={navLinkClasses}>
                      {link.label}
                    </NavLink>
                  </li>
                ))}
                <li>
                  <NavLink to={PAGE_PATHS.coach} className={navLinkClasses}>
                    Coach
                  </NavLink>
                </li>
                {user.role === 'admin' ? (
                  <li>
                    <NavLink to={PAGE_PATHS.admin} className={navLinkClasses}>
                      Admin
                    </NavLink>
                  </li>
                ) : null}
                <li>
                  <NavLink to={PAGE_PATHS.settings} className={navLinkClasses}>
                    Settings
                  </NavLink>
                </li>
                <li>
                  <Button
                    variant="secondary"
                    className="w-full xl:w-auto"
                    pending={signOut.isPending}
                    pendingLabel="Signing out…"
                    onClick={() => signOut.mutate()}
                  >
                    Sign out
                  </Button>
                </li>
              </>
            ) : session.isPending ? null : (
              <>
                <li>
                  <NavLink to={PAGE_PATHS.signIn} className={navLinkClasses}>
                    Sign in
                  </NavLink>
                </li>
                <li>
                  <ButtonLink to={PAGE_PATHS.signUp} className="w-full xl:w-auto">
                    Create account
                  </ButtonLink>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
