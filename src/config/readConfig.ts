/**
 * Reads and validates the process environment once, at start-up, into one typed `Config`.
 * Nothing else in the project reads `process.env`.
 */
import path from 'node:path';
import { ConfigError } from '../errors/errors';
import type { ApiLimits } from '../compiler/CompileScope';
import type { AdhocCypherSettings } from '../adhoc/runAdhocCypher';

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
  http: { host: string; port: number };
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
  /** Ad-hoc read-only Cypher: off unless CYPHER_API_KEY is set. */
  adhoc: AdhocCypherSettings;
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
    throw new ConfigError('NEO4J_DATABASE', `must be a Neo4j database name (3-63 letters, digits, dots, dashes), got "${database}"`);
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
      throw new ConfigError('NEO4J_URI', `must look like SCHEME://HOST[:PORT] with SCHEME one of ${URI_SCHEMES.join(', ')}, got "${uri}"`);
    }
    const username = text(env, 'NEO4J_USERNAME');
    const password = text(env, 'NEO4J_PASSWORD');
    if ((username === undefined) !== (password === undefined)) {
      throw new ConfigError(username === undefined ? 'NEO4J_USERNAME' : 'NEO4J_PASSWORD', 'must be set together with the other, or neither (no authentication)');
    }
    neo4j = { mode: 'external', uri, username, password, database };
  }
  const logLevel = (text(env, 'LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  return {
    // PORT=0 lets the operating system pick a free port; the start-up log line gives the URL.
    http: { host: text(env, 'HOST') ?? '127.0.0.1', port: integer(env, 'PORT', 4000, { min: 0, max: 65535 }) },
    neo4j,
    connectTimeoutMs: integer(env, 'NEO4J_CONNECT_TIMEOUT_MS', 5000, { min: 100, max: 600_000 }),
    seedOnStart: boolean(env, 'SEED_ON_START', true),
    logLevel,
    limits: readLimits(env),
    exportMaxNodes: integer(env, 'EXPORT_MAX_NODES', 100_000, { min: 1, max: 10_000_000 }),
    adhoc: readAdhoc(env),
  };
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
  };
}

function readLimits(env: NodeJS.ProcessEnv): ApiLimits {
  const maxLimit = integer(env, 'API_MAX_LIMIT', 500, { min: 1, max: 100_000 });
  const defaultLimit = integer(env, 'API_DEFAULT_LIMIT', Math.min(100, maxLimit), { min: 1, max: 100_000 });
  if (defaultLimit > maxLimit) {
    throw new ConfigError('API_DEFAULT_LIMIT', `must not exceed API_MAX_LIMIT (${maxLimit}), got "${defaultLimit}"`);
  }
  return {
    defaultLimit,
    maxLimit,
    maxDepth: integer(env, 'API_MAX_DEPTH', 3, { min: 1, max: 10 }),
    maxHops: integer(env, 'API_MAX_HOPS', 6, { min: 1, max: 15 }),
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
