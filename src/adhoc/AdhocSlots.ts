/**
 * How many ad-hoc Cypher requests may run at once, per key and in all. A request beyond either cap is
 * refused at once with TOO_MANY_REQUESTS: a queue would only let one key holder's backlog grow.
 * One instance per server; it holds counts, never request data.
 */
import { TooManyRequestsError } from '../errors/errors';

/** The caps. */
export interface AdhocConcurrency {
  maxConcurrent: number;
  maxConcurrentPerKey: number;
}

/** Counts the ad-hoc Cypher requests in flight. */
export class AdhocSlots {
  private inFlight = 0;
  private readonly perKey = new Map<string, number>();

  constructor(private readonly caps: AdhocConcurrency) {}

  /** Takes a slot for `key` or throws TOO_MANY_REQUESTS; the returned function gives it back (once). */
  take(key: string): () => void {
    const mine = this.perKey.get(key) ?? 0;
    if (mine >= this.caps.maxConcurrentPerKey) {
      throw new TooManyRequestsError(
        `cypher runs at most ${this.caps.maxConcurrentPerKey} queries at once per API key ` +
          '(CYPHER_MAX_CONCURRENT_PER_KEY); wait for one to answer and retry',
        { rule: 'per-key' },
      );
    }
    if (this.inFlight >= this.caps.maxConcurrent) {
      throw new TooManyRequestsError(
        `cypher runs at most ${this.caps.maxConcurrent} queries at once on this server (CYPHER_MAX_CONCURRENT); ` +
          'retry shortly',
        { rule: 'server' },
      );
    }
    this.inFlight += 1;
    this.perKey.set(key, mine + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight -= 1;
      const left = (this.perKey.get(key) ?? 1) - 1;
      if (left === 0) this.perKey.delete(key);
      else this.perKey.set(key, left);
    };
  }
}
