/** Limits that bound what one request may ask for; read from configuration (`API_*` variables). */
export interface ApiLimits {
  /** Page size when a list or connection names none (`API_DEFAULT_LIMIT`). */
  defaultLimit: number;
  /** Largest `limit` or `first` a request may give (`API_MAX_LIMIT`). */
  maxLimit: number;
  /** Largest `depth` of a neighbourhood (`API_MAX_DEPTH`). */
  maxDepth: number;
  /** Largest `maxHops` of a shortest path (`API_MAX_HOPS`). */
  maxHops: number;
  /** Deepest nesting of AND, OR, NOT and link filters in one `where` (`API_MAX_FILTER_DEPTH`). */
  maxFilterDepth: number;
  /** Most operators and link quantifiers in one `where` (`API_MAX_FILTER_PREDICATES`). */
  maxFilterPredicates: number;
}

/** The limits when nothing is configured. */
export const DEFAULT_API_LIMITS: Readonly<ApiLimits> = {
  defaultLimit: 100,
  maxLimit: 500,
  maxDepth: 3,
  maxHops: 6,
  maxFilterDepth: 6,
  maxFilterPredicates: 64,
};
