/**
 * The `cypher` field: an analyst's own read-only Cypher, when the server has an API key configured and
 * the request carries it. Checked by plan, run in a read transaction with a timeout and a row cap.
 */
import crypto from 'node:crypto';
import type { CappedResult, Database } from '../database/Database';
import { BadUserInputError, ForbiddenError, UnauthenticatedError } from '../errors/errors';
import type { AdhocConcurrency, AdhocSlots } from './AdhocSlots';
import { checkReadOnly } from './readOnlyPolicy';
import { checkStoppable } from './stoppablePolicy';

/** Configuration of ad-hoc Cypher. */
export interface AdhocCypherSettings extends AdhocConcurrency {
  /** Unset: the field is switched off. */
  apiKey: string | undefined;
  timeoutMs: number;
  maxRows: number;
}

/** What runs an ad-hoc query: the database, the settings and the server's count of queries in flight. */
export interface AdhocCypherRunner {
  db: Database;
  settings: AdhocCypherSettings;
  slots: AdhocSlots;
}

/** One request for ad-hoc Cypher. */
export interface AdhocCypherRequest {
  query: string;
  params: unknown;
  /** The key the request presented, if any. */
  presentedKey: string | undefined;
}

const MAX_QUERY_LENGTH = 20_000;

/** Checks the key, the query and the concurrency caps, then runs it; throws typed GraphQL errors for every refusal. */
export async function runAdhocCypher(runner: AdhocCypherRunner, request: AdhocCypherRequest): Promise<CappedResult> {
  const { db, settings } = runner;
  if (settings.apiKey === undefined) {
    throw new ForbiddenError(
      'cypher is switched off on this server; an operator enables it by setting CYPHER_API_KEY',
      { rule: 'disabled' },
    );
  }
  if (request.presentedKey === undefined || !sameKey(request.presentedKey, settings.apiKey)) {
    throw new UnauthenticatedError('cypher needs the API key in the x-api-key header (or Authorization: Bearer KEY)');
  }
  if (request.query.trim() === '' || request.query.length > MAX_QUERY_LENGTH) {
    throw new BadUserInputError(
      `query must be Cypher text of 1 to ${MAX_QUERY_LENGTH} characters, got ${request.query.length}`,
      { argument: 'query' },
    );
  }
  const params = request.params ?? {};
  if (typeof params !== 'object' || Array.isArray(params)) {
    throw new BadUserInputError(
      `params must be a JSON object of query parameters, got ${JSON.stringify(params).slice(0, 100)}`,
      { argument: 'params' },
    );
  }
  // One key today (CYPHER_API_KEY); the caps are kept per key for when there are several. The slot is
  // held until the query has really stopped, not just until it was answered QUERY_TIMEOUT.
  const release = runner.slots.take('CYPHER_API_KEY');
  let handedOver = false;
  try {
    const explained = await db.explain(request.query, params as Record<string, unknown>);
    checkReadOnly(explained);
    checkStoppable(explained);
    handedOver = true;
    return await db.readCapped(request.query, params as Record<string, unknown>, {
      maxRows: settings.maxRows,
      timeoutMs: settings.timeoutMs,
      onSettled: release,
    });
  } finally {
    if (!handedOver) release();
  }
}

function sameKey(presented: string, expected: string): boolean {
  // Compare digests so the comparison takes the same time whatever the lengths.
  const a = crypto.createHash('sha256').update(presented).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}
