import { lazy, Suspense, useState } from 'react';
import { useHydrated } from '../lib/hydration.ts';

// The form (and the proof-of-work widget it may show) downloads on the first press, never with a page.
const FeedbackDialog = lazy(() => import('../features/feedback/feedback-dialog.tsx'));

/**
 * The footer's feedback control: on every page, signed in or not (ADR 0051). Its name avoids the
 * words of the pages' own buttons ("Send", "Back"), so it never makes theirs ambiguous.
 */
export function FeedbackButton() {
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  return (
    <>
      <button
        type="button"
        // Until React takes over a prerendered page, a press would do nothing.
        disabled={!hydrated}
        aria-haspopup="dialog"
        onClick={() => {
          setLoaded(true);
          setOpen(true);
        }}
        className="inline-block py-1 font-medium text-slate-700 underline-offset-4 hover:text-slate-900 hover:underline"
      >
        Tell us what you think
      </button>
      {loaded ? (
        <Suspense fallback={null}>
          <FeedbackDialog open={open} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
