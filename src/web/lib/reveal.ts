/**
 * Bringing one place of a page to the reader: scrolled into view and focused, so sighted,
 * keyboard and screen-reader users all land on it (a link to a canvas field, a cited passage).
 */

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]';

/** Marks the place for a moment, so the eye finds it too; cleared when focus leaves it. */
const LANDED_CLASSES = ['ring-4', 'ring-amber-300', 'ring-offset-2', 'rounded-lg'];

export interface RevealOptions {
  /** Where the element ends up in the viewport. */
  block?: ScrollLogicalPosition;
  /** For a textarea or text input: the characters to select once it is focused. */
  select?: readonly [number, number];
}

function focusable(element: HTMLElement): boolean {
  return element.matches(FOCUSABLE);
}

/**
 * Scrolls `element` into view and focuses it (an element that cannot take focus is given
 * tabindex="-1"). It waits a frame, so it runs after the shell has handled the navigation (which
 * resets scroll and focus to the top of a newly opened page).
 */
export function revealElement(element: HTMLElement, { block = 'center', select }: RevealOptions = {}): void {
  requestAnimationFrame(() => {
    if (!element.isConnected) return;
    if (!focusable(element)) element.setAttribute('tabindex', '-1');
    element.scrollIntoView({ block });
    element.focus({ preventScroll: true });
    if (select && (element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement)) {
      element.setSelectionRange(select[0], select[1]);
    }
    element.classList.add(...LANDED_CLASSES);
    element.addEventListener('blur', () => element.classList.remove(...LANDED_CLASSES), { once: true });
  });
}
