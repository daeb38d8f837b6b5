/**
 * For pages that only make sense from a link (tokens) or that don't exist: keep them out of search
 * results. React hoists the tag into <head> and removes it when the page unmounts.
 */
export function NoIndex() {
  return <meta name="robots" content="noindex" />;
}
