/**
 * Links into a workspace page land on the exact field: `#field-<path>` (src/core/knowledge/links.ts)
 * names the field's id, `#review-N` the N-th pasted review of an avatar. The page's data loads after
 * it opens, so the hook watches for the target to appear and then scrolls to it and focuses it.
 */
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { fieldAnchor } from '../../../core/knowledge/links.ts';
import { type RevealOptions, revealElement } from '../../lib/reveal.ts';

/** How long to wait for the target to appear (the page's data to load) before giving up. */
const WAIT_FOR_TARGET_MS = 15_000;

const REVIEW_ANCHOR = /^review-(\d+)$/;

/**
 * Where the `index`-th (0-based) review sits in the pasted reviews text, cut exactly as
 * `splitPastedReviews` cuts it (which the index uses), or null when there are fewer reviews. A
 * textarea's value has only \n line ends, so positions match what is on screen.
 */
export function reviewRange(text: string, index: number): [number, number] | null {
  const separator = /\n[ \t]*\n/.test(text) ? /\n[ \t]*\n+/g : /\n/g;
  const ranges: [number, number][] = [];
  const add = (from: number, to: number) => {
    const block = text.slice(from, to);
    const trimmed = block.trim();
    if (!trimmed) return;
    const start = from + (block.length - block.trimStart().length);
    ranges.push([start, start + trimmed.length]);
  };
  let from = 0;
  for (const match of text.matchAll(separator)) {
    add(from, match.index);
    from = match.index + match[0].length;
  }
  add(from, text.length);
  return ranges[index] ?? null;
}

interface HashTarget {
  element: HTMLElement;
  options: RevealOptions;
}

/** The element an anchor names; the reviews are one textarea, so `review-N` selects that review in it. */
export function findHashTarget(anchor: string, root: Document = document): HashTarget | null {
  const element = root.getElementById(anchor);
  if (element) return { element, options: {} };
  const review = REVIEW_ANCHOR.exec(anchor);
  if (!review) return null;
  const reviews = root.getElementById(fieldAnchor('voice.reviews'));
  if (!(reviews instanceof HTMLTextAreaElement)) return null;
  const range = reviewRange(reviews.value, Number(review[1]) - 1);
  return { element: reviews, options: range ? { select: range } : {} };
}

/** Reveals the element the URL's hash names once it is on the page. */
export function useHashTarget(): void {
  const { hash, key } = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new navigation (key) to the same hash reveals it again.
  useEffect(() => {
    let anchor: string;
    try {
      anchor = decodeURIComponent(hash.slice(1));
    } catch {
      return;
    }
    if (!anchor) return;
    let finished = false;
    const attempt = () => {
      if (finished) return;
      const target = findHashTarget(anchor);
      if (!target) return;
      stop();
      revealElement(target.element, target.options);
    };
    const observer = new MutationObserver(attempt);
    const timer = setTimeout(() => stop(), WAIT_FOR_TARGET_MS);
    function stop() {
      finished = true;
      observer.disconnect();
      clearTimeout(timer);
    }
    observer.observe(document.body, { childList: true, subtree: true });
    attempt();
    return stop;
  }, [hash, key]);
}
