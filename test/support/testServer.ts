/** A real HTTP server over the run's Neo4j, on a free port, for one test file. */
import pino from 'pino';
import path from 'node:path';
import type { Database, QueryEvent } from '../../src/database/Database';
import { startHttpServer, type RunningHttpServer } from '../../src/http/startHttpServer';
import { applyMigrations } from '../../src/migrations/applyMigrations';
import { CYPHER_DIR } from '../../src/paths';
import { connectTestDatabase } from './testNeo4j';
import { DEFAULT_API_LIMITS, type ApiLimits } from '../../src/config/ApiLimits';
import type { AdhocCypherSettings } from '../../src/adhoc/runAdhocCypher';
import { servedSourceTexts } from '../../src/provenance/servedSourceTexts';
import type { AuthSettings } from '../../src/auth/Authenticator';
import type { CurationLimits } from '../../src/curation/applyChanges';
import type { ResponseCacheSettings } from '../../src/cache/responseCache';

/** The time limit of every read a test server makes, as NEO4J_TX_TIMEOUT_MS sets it for the real one. */
export const READ_LIMIT_MS = 10_000;

/** A server, its database and the statements it sent. */
export interface TestServer {
  server: RunningHttpServer;
  db: Database;
  queries: QueryEvent[];
  /** POSTs a GraphQL request and returns the parsed body and HTTP status. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** The body of a GraphQL response. */
export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } & Record<string, unknown>; path?: unknown[] }>;
}

/** What to do before the server starts. */
export interface TestServerOptions {
  /** Fills the database first (the server reads its sources' texts at start). */
  prepare?: (db: Database) => Promise<void>;
  /** Folder of source texts, as SOURCE_TEXTS_DIR; none when omitted. */
  sourceTextsDir?: string | undefined;
  /** Sign-in and roles; everyone reads and nobody writes when omitted. */
  auth?: AuthSettings;
  /** Caps on one change set. */
  curation?: CurationLimits;
  /** The response cache; off when omitted. */
  responseCache?: ResponseCacheSettings;
  /** Most elements the explorer page draws at once; the server's default when omitted. */
  explorerMaxDrawn?: number;
  /** Whether answers the compiler already shaped skip graphql-js's walk; the server's default when omitted. */
  shapedAnswers?: boolean;
}

/** Starts a server with migrations applied; logs are silenced so test output stays readable. */
export async function startTestServer(
  limits: ApiLimits = { ...DEFAULT_API_LIMITS },
  adhoc?: AdhocCypherSettings,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const queries: QueryEvent[] = [];
  const db = await connectTestDatabase((event) => queries.push(event), { readTimeoutMs: READ_LIMIT_MS });
  await applyMigrations(db, path.join(CYPHER_DIR, 'schema'));
  await options.prepare?.(db);
  const sourceTexts = await servedSourceTexts(db, options.sourceTextsDir);
  const server = await startHttpServer({
    sourceTexts,
    ...(options.auth ? { auth: options.auth } : {}),
    ...(options.curation ? { curation: options.curation } : {}),
    ...(options.responseCache ? { responseCache: options.responseCache } : {}),
    ...(options.explorerMaxDrawn ? { explorerMaxDrawn: options.explorerMaxDrawn } : {}),
    ...(options.shapedAnswers === undefined ? {} : { shapedAnswers: options.shapedAnswers }),
    host: '127.0.0.1',
    port: 0,
    db,
    logger: pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' }),
    limits,
    ...(adhoc ? { adhoc } : {}),
  });
  return {
    server,
    db,
    queries,
    graphql: async <T>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
      return { status: response.status, ...body };
    },
    close: async () => {
      await server.close();
      await db.close();
    },
  };
}
