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
}
