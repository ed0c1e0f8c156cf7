/**
 * The `cypher` field: an analyst's own read-only Cypher, for callers allowed it (an admin, a holder of
 * CYPHER_ROLE, or the CYPHER_API_KEY). Checked by plan, run in a read transaction with a timeout and a
 * row cap. Refusals of the caller end the request (401 signed out, 403 without the right, as for the
 * curation fields); refusals of the query are field errors beside a 200, as every query's are.
 */
import type { CappedResult, Database } from '../database/Database';
import { BadUserInputError, ForbiddenError, UnauthenticatedError } from '../errors/errors';
import type { AdhocConcurrency, AdhocSlots } from './AdhocSlots';
import { checkReadOnly } from './readOnlyPolicy';
import { checkStoppable } from './stoppablePolicy';
import { allows, type Principal } from '../auth/Principal';

/** Configuration of ad-hoc Cypher. */
export interface AdhocCypherSettings extends AdhocConcurrency {
  /** A key that opens the field (besides signed-in admins); with no key and no sign-in the field is off. */
  apiKey: string | undefined;
  timeoutMs: number;
  maxRows: number;
}

/** What runs an ad-hoc query: the database, the settings and the server's count of queries in flight. */
export interface AdhocCypherRunner {
  db: Database;
  settings: AdhocCypherSettings;
  slots: AdhocSlots;
  /** Whether the field is on at all. */
  enabled: boolean;
}

/** One request for ad-hoc Cypher. */
export interface AdhocCypherRequest {
  query: string;
  params: unknown;
  /** Who asks. */
  principal: Principal;
}

const MAX_QUERY_LENGTH = 20_000;

/** Checks the key, the query and the concurrency caps, then runs it; throws typed GraphQL errors for every refusal. */
export async function runAdhocCypher(runner: AdhocCypherRunner, request: AdhocCypherRequest): Promise<CappedResult> {
  const { db, settings } = runner;
  if (!runner.enabled) {
    throw new ForbiddenError(
      'cypher is switched off on this server; an operator enables it by setting CYPHER_API_KEY or configuring sign-in',
      { rule: 'disabled' },
      { endsRequest: true },
    );
  }
  if (!allows(request.principal, 'cypher')) {
    if (request.principal.via === 'anonymous') {
      throw new UnauthenticatedError(
        'cypher needs credentials: an API key (x-api-key, or Authorization: Bearer KEY) or an admin token',
        { endsRequest: true },
      );
    }
    throw new ForbiddenError(
      `cypher is for admins; ${request.principal.sub ?? 'this caller'} is not one`,
      { rule: 'role' },
      { endsRequest: true },
    );
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
  // The caps are kept per caller (the key's name or the token's subject). The slot is held until the
  // query has really stopped, not just until it was answered QUERY_TIMEOUT.
  const release = runner.slots.take(request.principal.sub ?? 'anonymous');
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
