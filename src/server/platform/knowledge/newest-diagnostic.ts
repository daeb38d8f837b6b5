/**
 * Each diagnostic result is a source of its own, and a brand that retakes the diagnostic has several
 * near-identical passages: for the coach, the older ones are superseded, and under load five copies
 * of them filled the five passages an answer gets (and its time: ranking, quoting). The coach's
 * retrieval takes the newest live result's passage only; the search box still finds every result.
 * `$1` is the user and `$2` the brand of the query it is part of; uncorrelated, so it runs once.
 */
export const NEWEST_DIAGNOSTIC_ONLY = (chunk: string) =>
  `(${chunk}.source_type <> 'diagnostic' or ${chunk}.source_id = (
     select d.id from diagnostic_results d
     where d.user_id = $1 and d.brand_id = $2 and d.deleted_at is null
     order by d.created_at desc, d.id desc
     limit 1))`;
