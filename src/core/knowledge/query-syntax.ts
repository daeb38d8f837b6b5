/**
 * The search box takes web-search syntax (PostgreSQL's `websearch_to_tsquery`): "quoted phrases",
 * `or` between words, and `-word` to exclude one. A query written with any of these asks for exact
 * words, which a search by meaning cannot honour (a passage near in meaning may hold the excluded
 * word), so such a query is answered by full-text search alone.
 */
export function asksForExactWords(query: string): boolean {
  return /"|(?:^|\s)-\S|(?:^|\s)or(?=\s|$)/i.test(query);
}
