/**
 * Reads and validates the process environment once, at start-up, into one typed `Config`.
 * Nothing else in the project reads `process.env`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors/errors';
import { DEFAULT_RESPONSE_CACHE, type ResponseCacheSettings } from '../cache/responseCache';
import { DEFAULT_API_LIMITS, type ApiLimits } from './ApiLimits';
import type { AdhocCypherSettings } from '../adhoc/runAdhocCypher';
import type { ApiKeyEntry, AuthSettings } from '../auth/Authenticator';
import { DEFAULT_CURATION_LIMITS, type CurationLimits } from '../curation/applyChanges';
import { isRole, ROLES } from '../auth/Principal';

/** Where the graph lives: a Neo4j this process starts itself, or one reached at a URI. */
export type Neo4jTarget =
  | {
      mode: 'embedded';
      boltPort: number;
      dataDir: string;
      heap: string;
      pageCacheBytes: number;
      database: string;
    }
  | {
      mode: 'external';
      uri: string;
      username: string | undefined;
      password: string | undefined;
      database: string;
    };

/** The whole configuration, passed down from `main`. */
export interface Config {
  /** Where to listen, and how many server processes share the port (WORKERS, 1 to 64; default 1). */
  http: { host: string; port: number; workers: number };
  neo4j: Neo4jTarget;
  /** How long to wait for Neo4j to answer at start-up before giving up. */
  connectTimeoutMs: number;
  /** Load the bundled Plan dataset when the database holds no plan yet. */
  seedOnStart: boolean;
  logLevel: LogLevel;
  /** Caps on what one GraphQL request may ask for. */
  limits: ApiLimits;
  /** Largest number of nodes one export may hold. */
  exportMaxNodes: number;
  /** Most elements (nodes and links) the explorer page draws at once (`EXPLORER_MAX_DRAWN`). */
  explorerMaxDrawn: number;
  /** Ad-hoc read-only Cypher: off unless CYPHER_API_KEY is set. */
  adhoc: AdhocCypherSettings;
  /** What one request may cost before any database work; see `RequestGuards`. */
  guards: RequestGuards;
  /** Timeouts of database work done for requests. */
  timeouts: RequestTimeouts;
  /** Folder of `.graphql` files: when set, only the operations in them run (allow-list mode). */
  allowedOperationsDir: string | undefined;
  /**
   * Folder of source texts: a cited source whose `textFile` is here, with its SHA-256, has its cited
   * words shown (`Citation.text`) and checked by the loader. SOURCE_TEXTS_DIR (`none`: no folder), or
   * `shared/source` beside the checkout when that exists; none otherwise.
   */
  sourceTextsDir: string | undefined;
  /** Sign-in and roles. */
  auth: AuthSettings;
  /** Caps on one change set. */
  curation: CurationLimits;
  /** The response cache (RESPONSE_CACHE_MAX_BYTES, 0: off; RESPONSE_CACHE_TTL_S). */
  responseCache: ResponseCacheSettings;
}

/** Limits checked on every GraphQL request before it reaches the database. */
export interface RequestGuards {
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
  /** Most lexical tokens a GraphQL document may have. */
  maxTokens: number;
  /** Deepest field nesting. */
  maxQueryDepth: number;
  /** Most aliases in one document. */
  maxAliases: number;
  /** Largest estimated cost: every list field counts its limit (or `assumedListSize`) times its selection. */
  maxComplexity: number;
  /** Items assumed for a list without a limit argument (nested relationship lists). */
  assumedListSize: number;
}

/**
 * What one change of a mutation weighs in the cost estimate, in items read: a write reads what it
 * replaces, writes it and records it in history. With the default API_MAX_COMPLEXITY a document holds
 * about ten thousand changes at most, however it spreads them over aliased mutations.
 */
export const CHANGE_COST = 100;

/** The cost controls when no variable sets them. */
export const DEFAULT_GUARDS: RequestGuards = {
  maxBodyBytes: 100_000,
  maxTokens: 2000,
  maxQueryDepth: 10,
  maxAliases: 30,
  maxComplexity: 1_000_000,
  assumedListSize: 10,
};

/** How long request-time database work may take. */
export interface RequestTimeouts {
  /** Server-side limit on each Neo4j transaction; the query is stopped after it. */
  transactionMs: number;
  /** How long a request keeps retrying while Neo4j is unreachable before answering SERVICE_UNAVAILABLE. */
  unavailableMs: number;
  /** How long shutdown waits for requests in flight. */
  shutdownGraceMs: number;
}

/** Levels accepted by LOG_LEVEL. */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

// The schemes neo4j-driver accepts; routing (neo4j*) schemes reach clusters and Aura.
const URI_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];

/** Builds the `Config` from an environment map, throwing `ConfigError` naming the first bad variable. */
export function readConfig(env: NodeJS.ProcessEnv, projectRoot: string): Config {
  const database = text(env, 'NEO4J_DATABASE') ?? 'neo4j';
  if (!/^[A-Za-z][A-Za-z0-9.-]{2,62}$/.test(database)) {
    throw new ConfigError(
      'NEO4J_DATABASE',
      `must be a Neo4j database name (3-63 letters, digits, dots, dashes), got "${database}"`,
    );
  }
  const uri = text(env, 'NEO4J_URI');
  let neo4j: Neo4jTarget;
  if (uri === undefined) {
    neo4j = {
      mode: 'embedded',
      boltPort: port(env, 'NEO4J_EMBEDDED_BOLT_PORT', 7687),
      dataDir: path.resolve(projectRoot, text(env, 'NEO4J_EMBEDDED_DATA_DIR') ?? '.neo4j-data/default'),
      heap: memory(env, 'NEO4J_EMBEDDED_HEAP', '512m').text,
      pageCacheBytes: memory(env, 'NEO4J_EMBEDDED_PAGECACHE', '256m').bytes,
      database,
    };
  } else {
    const scheme = /^([a-z0-9+]+):\/\/[^/\s]+/.exec(uri)?.[1];
    if (scheme === undefined || !URI_SCHEMES.includes(scheme)) {
      throw new ConfigError(
        'NEO4J_URI',
        `must look like SCHEME://HOST[:PORT] with SCHEME one of ${URI_SCHEMES.join(', ')}, got "${uri}"`,
      );
    }
    const username = text(env, 'NEO4J_USERNAME');
    const password = text(env, 'NEO4J_PASSWORD');
    if ((username === undefined) !== (password === undefined)) {
      throw new ConfigError(
        username === undefined ? 'NEO4J_USERNAME' : 'NEO4J_PASSWORD',
        'must be set together with the other, or neither (no authentication)',
      );
    }
    neo4j = { mode: 'external', uri, username, password, database };
  }
  const logLevel = (text(env, 'LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const adhoc = readAdhoc(env);
  const config: Config = {
    // PORT=0 lets the operating system pick a free port; the start-up log line gives the URL.
    http: {
      host: text(env, 'HOST') ?? '127.0.0.1',
      port: integer(env, 'PORT', 4000, { min: 0, max: 65535 }),
      workers: integer(env, 'WORKERS', 1, { min: 1, max: 64 }),
    },
    neo4j,
    connectTimeoutMs: integer(env, 'NEO4J_CONNECT_TIMEOUT_MS', 5000, { min: 100, max: 600_000 }),
    seedOnStart: boolean(env, 'SEED_ON_START', true),
    logLevel,
    limits: readLimits(env),
    exportMaxNodes: integer(env, 'EXPORT_MAX_NODES', 100_000, { min: 1, max: 10_000_000 }),
    explorerMaxDrawn: integer(env, 'EXPLORER_MAX_DRAWN', 2000, { min: 50, max: 100_000 }),
    adhoc,
    auth: readAuth(env, projectRoot, adhoc.apiKey),
    curation: {
      maxChanges: integer(env, 'CURATION_MAX_CHANGES', DEFAULT_CURATION_LIMITS.maxChanges, { min: 1, max: 100_000 }),
      maxMessageLength: integer(env, 'CURATION_MAX_MESSAGE', DEFAULT_CURATION_LIMITS.maxMessageLength, {
        min: 10,
        max: 100_000,
      }),
      maxPropertiesBytes: integer(env, 'CURATION_MAX_PROPERTIES_BYTES', DEFAULT_CURATION_LIMITS.maxPropertiesBytes, {
        min: 100,
        max: 10_000_000,
      }),
    },
    responseCache: {
      // On a cluster the version and the data may be read from members at different points, so the
      // cache is off unless asked for (see the README).
      maxBytes: integer(
        env,
        'RESPONSE_CACHE_MAX_BYTES',
        neo4j.mode === 'external' && /^neo4j(\+s|\+ssc)?:/.test(neo4j.uri) ? 0 : DEFAULT_RESPONSE_CACHE.maxBytes,
        { min: 0, max: 100_000_000_000 },
      ),
      ttlSeconds: integer(env, 'RESPONSE_CACHE_TTL_S', DEFAULT_RESPONSE_CACHE.ttlSeconds, { min: 1, max: 31_536_000 }),
    },
    guards: {
      maxBodyBytes: integer(env, 'HTTP_MAX_BODY_BYTES', DEFAULT_GUARDS.maxBodyBytes, { min: 1000, max: 100_000_000 }),
      maxTokens: integer(env, 'API_MAX_TOKENS', DEFAULT_GUARDS.maxTokens, { min: 50, max: 1_000_000 }),
      maxQueryDepth: integer(env, 'API_MAX_QUERY_DEPTH', DEFAULT_GUARDS.maxQueryDepth, { min: 2, max: 100 }),
      maxAliases: integer(env, 'API_MAX_ALIASES', DEFAULT_GUARDS.maxAliases, { min: 0, max: 10_000 }),
      maxComplexity: integer(env, 'API_MAX_COMPLEXITY', DEFAULT_GUARDS.maxComplexity, { min: 10, max: 1_000_000_000 }),
      assumedListSize: integer(env, 'API_ASSUMED_LIST_SIZE', DEFAULT_GUARDS.assumedListSize, { min: 1, max: 100_000 }),
    },
    timeouts: {
      transactionMs: integer(env, 'NEO4J_TX_TIMEOUT_MS', 15_000, { min: 100, max: 3_600_000 }),
      unavailableMs: integer(env, 'NEO4J_UNAVAILABLE_TIMEOUT_MS', 2000, { min: 0, max: 600_000 }),
      shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_MS', 10_000, { min: 0, max: 600_000 }),
    },
    allowedOperationsDir: optionalPath(env, 'ALLOWED_OPERATIONS_DIR', projectRoot),
    // `none` turns the default folder off.
    sourceTextsDir:
      text(env, 'SOURCE_TEXTS_DIR') === 'none'
        ? undefined
        : (optionalPath(env, 'SOURCE_TEXTS_DIR', projectRoot) ?? besideCheckout(projectRoot)),
  };
  // A change set as large as CURATION_MAX_CHANGES allows must fit the cost estimate, or no one could send it.
  const largest = config.curation.maxChanges * CHANGE_COST;
  if (largest >= config.guards.maxComplexity) {
    throw new ConfigError(
      'CURATION_MAX_CHANGES',
      `a change set of ${config.curation.maxChanges} changes is estimated at ${largest}, ` +
        `not under API_MAX_COMPLEXITY (${config.guards.maxComplexity}): lower one or raise the other`,
    );
  }
  return config;
}

// Where the project's source texts are kept next to a checkout, if they are.
function besideCheckout(projectRoot: string): string | undefined {
  const folder = path.resolve(projectRoot, '..', 'shared', 'source');
  return fs.existsSync(folder) && fs.statSync(folder).isDirectory() ? folder : undefined;
}

function optionalPath(env: NodeJS.ProcessEnv, name: string, projectRoot: string): string | undefined {
  const raw = text(env, name);
  if (raw === undefined) return undefined;
  const resolved = path.resolve(projectRoot, raw);
  if (!fs.existsSync(resolved) || !fs.statSync(resolved).isDirectory()) {
    throw new ConfigError(name, `must name an existing folder, got "${raw}" (${resolved})`);
  }
  return resolved;
}

function readAuth(env: NodeJS.ProcessEnv, projectRoot: string, cypherApiKey: string | undefined): AuthSettings {
  const jwtSecret = text(env, 'AUTH_JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigError(
      'AUTH_JWT_SECRET',
      `must be at least 32 characters (a random secret), got ${jwtSecret.length}`,
    );
  }
  const jwksUrl = text(env, 'AUTH_JWKS_URL');
  if (jwksUrl !== undefined && !/^https?:\/\/\S+$/.test(jwksUrl)) {
    throw new ConfigError('AUTH_JWKS_URL', `must be an http(s) URL, got "${jwksUrl}"`);
  }
  if (jwtSecret !== undefined && jwksUrl !== undefined) {
    throw new ConfigError(
      'AUTH_JWKS_URL',
      'must not be set together with AUTH_JWT_SECRET: tokens are verified one way',
    );
  }
  const anonymous = text(env, 'ANONYMOUS_ROLE') ?? 'reader';
  if (anonymous !== 'none' && !isRole(anonymous)) {
    throw new ConfigError('ANONYMOUS_ROLE', `must be one of ${ROLES.join(', ')} or none, got "${anonymous}"`);
  }
  const cypherRole = text(env, 'CYPHER_ROLE') ?? 'admin';
  if (!isRole(cypherRole)) {
    throw new ConfigError('CYPHER_ROLE', `must be one of ${ROLES.join(', ')}, got "${cypherRole}"`);
  }
  return {
    jwtSecret,
    jwksUrl,
    audience: text(env, 'AUTH_JWT_AUDIENCE'),
    issuer: text(env, 'AUTH_JWT_ISSUER'),
    apiKeys: readApiKeys(env, projectRoot),
    anonymousRole: anonymous === 'none' ? null : anonymous,
    cypherRole,
    cypherApiKey,
  };
}

// API_KEYS_FILE: [{ "name": ..., "sha256": <hex of the key's SHA-256>, "roles": [...] }]; keys never in clear.
function readApiKeys(env: NodeJS.ProcessEnv, projectRoot: string): ApiKeyEntry[] {
  const raw = text(env, 'API_KEYS_FILE');
  if (raw === undefined) return [];
  const file = path.resolve(projectRoot, raw);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError('API_KEYS_FILE', `must name a readable JSON file, got "${raw}": ${(error as Error).message}`);
  }
  if (!Array.isArray(json)) throw new ConfigError('API_KEYS_FILE', 'must hold a JSON array of keys');
  const names = new Set<string>();
  return json.map((entry: unknown, i) => {
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const name = e['name'];
    const sha256 = e['sha256'];
    const roles = e['roles'];
    if (typeof name !== 'string' || name === '' || names.has(name)) {
      throw new ConfigError(
        'API_KEYS_FILE',
        `entry ${i}: name must be a unique non-empty string, got ${JSON.stringify(name)}`,
      );
    }
    names.add(name);
    if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) {
      throw new ConfigError(
        'API_KEYS_FILE',
        `entry ${i} (${name}): sha256 must be 64 lower-case hex digits, the SHA-256 of the key`,
      );
    }
    if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isRole)) {
      throw new ConfigError(
        'API_KEYS_FILE',
        `entry ${i} (${name}): roles must be a non-empty list of ${ROLES.join(', ')}`,
      );
    }
    return { name, sha256, roles: roles };
  });
}

function readAdhoc(env: NodeJS.ProcessEnv): AdhocCypherSettings {
  const apiKey = text(env, 'CYPHER_API_KEY');
  if (apiKey !== undefined && apiKey.length < 16) {
    throw new ConfigError('CYPHER_API_KEY', `must be at least 16 characters (a random secret), got ${apiKey.length}`);
  }
  return {
    apiKey,
    timeoutMs: integer(env, 'CYPHER_TIMEOUT_MS', 5000, { min: 100, max: 600_000 }),
    maxRows: integer(env, 'CYPHER_MAX_ROWS', 1000, { min: 1, max: 100_000 }),
    // Two cores run two queries; more would only make each wait for the others.
    maxConcurrent: integer(env, 'CYPHER_MAX_CONCURRENT', 2, { min: 1, max: 1000 }),
    maxConcurrentPerKey: integer(env, 'CYPHER_MAX_CONCURRENT_PER_KEY', 2, { min: 1, max: 1000 }),
  };
}

function readLimits(env: NodeJS.ProcessEnv): ApiLimits {
  const maxLimit = integer(env, 'API_MAX_LIMIT', DEFAULT_API_LIMITS.maxLimit, { min: 1, max: 100_000 });
  const defaultLimit = integer(env, 'API_DEFAULT_LIMIT', Math.min(DEFAULT_API_LIMITS.defaultLimit, maxLimit), {
    min: 1,
    max: 100_000,
  });
  if (defaultLimit > maxLimit) {
    throw new ConfigError('API_DEFAULT_LIMIT', `must not exceed API_MAX_LIMIT (${maxLimit}), got "${defaultLimit}"`);
  }
  return {
    defaultLimit,
    maxLimit,
    maxDepth: integer(env, 'API_MAX_DEPTH', DEFAULT_API_LIMITS.maxDepth, { min: 1, max: 10 }),
    maxHops: integer(env, 'API_MAX_HOPS', DEFAULT_API_LIMITS.maxHops, { min: 1, max: 15 }),
    maxFilterDepth: integer(env, 'API_MAX_FILTER_DEPTH', DEFAULT_API_LIMITS.maxFilterDepth, { min: 1, max: 32 }),
    maxFilterPredicates: integer(env, 'API_MAX_FILTER_PREDICATES', DEFAULT_API_LIMITS.maxFilterPredicates, {
      min: 1,
      max: 10_000,
    }),
  };
}

function text(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, range: { min: number; max: number }): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < range.min || value > range.max) {
    throw new ConfigError(name, `must be a whole number from ${range.min} to ${range.max}, got "${raw}"`);
  }
  return value;
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  return integer(env, name, fallback, { min: 1, max: 65535 });
}

function boolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = text(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

const UNITS: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

function memory(env: NodeJS.ProcessEnv, name: string, fallback: string): { text: string; bytes: number } {
  const raw = (text(env, name) ?? fallback).toLowerCase();
  const match = /^(\d+)([kmg])$/.exec(raw);
  const bytes = match ? Number(match[1]) * (UNITS[match[2] ?? ''] ?? 0) : 0;
  if (bytes < 16 * UNITS.m!) {
    throw new ConfigError(name, `must be a size such as 512m or 2g, at least 16m, got "${raw}"`);
  }
  return { text: raw, bytes };
}
