import { type ReactNode, useId } from 'react';

interface ScrollTableProps {
  caption: ReactNode;
  /** Visually hide the caption where a heading right above already says it. */
  hideCaption?: boolean;
  /** The table's `thead` and `tbody`. */
  children: ReactNode;
}

/** A table that scrolls sideways on its own when wider than a phone, instead of widening the page. */
export function ScrollTable({ caption, hideCaption = false, children }: ScrollTableProps) {
  const captionId = useId();
  return (
    // Focusable and named, so keyboard users can scroll it too when it overflows.
    <section
      aria-labelledby={captionId}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
      tabIndex={0}
      className="overflow-x-auto rounded-xl border border-slate-200"
    >
      <table className="w-full border-collapse bg-white text-slate-900">
        <caption
          id={captionId}
          className={hideCaption ? 'sr-only' : 'px-3 py-2.5 text-left text-sm font-semibold text-slate-900'}
        >
          {caption}
        </caption>
        {children}
      </table>
    </section>
  );
}
