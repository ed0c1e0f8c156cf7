import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_GUARDS, readConfig } from '../../src/config/readConfig';
import { ConfigError } from '../../src/errors/errors';

const ROOT = '/project';

function errorOf(env: NodeJS.ProcessEnv): ConfigError {
  try {
    readConfig(env, ROOT);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('readConfig accepted the environment');
}

describe('readConfig: defaults', () => {
  it('serves on localhost:4000 over an embedded Neo4j when nothing is set', () => {
    const config = readConfig({}, ROOT);
    expect(config.http).toEqual({ host: '127.0.0.1', port: 4000, workers: 1 });
    expect(config.neo4j).toEqual({
      mode: 'embedded',
      boltPort: 7687,
      dataDir: path.join(ROOT, '.neo4j-data/default'),
      heap: '512m',
      pageCacheBytes: 256 * 1024 * 1024,
      database: 'neo4j',
    });
    expect(config.seedOnStart).toBe(true);
  });

  it('uses an external Neo4j, and starts none, when NEO4J_URI is set', () => {
    const config = readConfig(
      {
        NEO4J_URI: 'neo4j+s://abc.databases.example',
        NEO4J_USERNAME: 'neo4j',
        NEO4J_PASSWORD: 's3cret',
        NEO4J_DATABASE: 'plans',
      },
      ROOT,
    );
    expect(config.neo4j).toEqual({
      mode: 'external',
      uri: 'neo4j+s://abc.databases.example',
      username: 'neo4j',
      password: 's3cret',
      database: 'plans',
    });
  });

  it('takes the embedded ports, folder and memory from the environment', () => {
    const config = readConfig(
      {
        NEO4J_EMBEDDED_BOLT_PORT: '7999',
        NEO4J_EMBEDDED_DATA_DIR: '/var/lib/plan',
        NEO4J_EMBEDDED_HEAP: '2g',
        NEO4J_EMBEDDED_PAGECACHE: '64m',
        PORT: '0',
      },
      ROOT,
    );
    expect(config.neo4j).toMatchObject({
      boltPort: 7999,
      dataDir: '/var/lib/plan',
      heap: '2g',
      pageCacheBytes: 64 * 1024 * 1024,
    });
    expect(config.http.port).toBe(0);
  });
});

describe('readConfig: request guards and timeouts', () => {
  it('has documented defaults, and takes each from the environment', () => {
    const config = readConfig({}, ROOT);
    expect(config.guards).toEqual(DEFAULT_GUARDS);
    expect(config.timeouts).toEqual({ transactionMs: 15_000, unavailableMs: 2000, shutdownGraceMs: 10_000 });
    expect(config.allowedOperationsDir).toBeUndefined();
    const set = readConfig(
      {
        API_MAX_ALIASES: '3',
        API_MAX_TOKENS: '500',
        NEO4J_UNAVAILABLE_TIMEOUT_MS: '0',
        ALLOWED_OPERATIONS_DIR: __dirname,
      },
      ROOT,
    );
    expect(set.guards).toMatchObject({ maxAliases: 3, maxTokens: 500 });
    expect(set.timeouts.unavailableMs).toBe(0);
    expect(set.allowedOperationsDir).toBe(__dirname);
  });
});

describe('readConfig: ad-hoc Cypher', () => {
  it('is off by default, capped at two concurrent queries in all and per key', () => {
    expect(readConfig({}, ROOT).adhoc).toEqual({
      apiKey: undefined,
      timeoutMs: 5000,
      maxRows: 1000,
      maxConcurrent: 2,
      maxConcurrentPerKey: 2,
    });
  });

  it('takes its caps from the environment and refuses a cap of zero', () => {
    const config = readConfig({ CYPHER_MAX_CONCURRENT: '8', CYPHER_MAX_CONCURRENT_PER_KEY: '3' }, ROOT);
    expect(config.adhoc).toMatchObject({ maxConcurrent: 8, maxConcurrentPerKey: 3 });
    expect(() => readConfig({ CYPHER_MAX_CONCURRENT: '0' }, ROOT)).toThrow('CYPHER_MAX_CONCURRENT');
  });
});

describe('readConfig: rejects wrong values, naming the variable and the rule', () => {
  it.each([
    [{ PORT: 'eighty' }, 'PORT', 'whole number from 0 to 65535, got "eighty"'],
    [{ PORT: '70000' }, 'PORT', 'got "70000"'],
    [{ PORT: '-1' }, 'PORT', 'got "-1"'],
    [{ WORKERS: '0' }, 'WORKERS', 'whole number from 1 to 64, got "0"'],
    [{ WORKERS: 'all' }, 'WORKERS', 'got "all"'],
    [{ NEO4J_URI: 'http://localhost:7474' }, 'NEO4J_URI', 'SCHEME one of bolt'],
    [{ NEO4J_URI: 'localhost:7687' }, 'NEO4J_URI', 'got "localhost:7687"'],
    [{ NEO4J_URI: 'bolt://db', NEO4J_USERNAME: 'neo4j' }, 'NEO4J_PASSWORD', 'together'],
    [{ NEO4J_DATABASE: 'x' }, 'NEO4J_DATABASE', 'got "x"'],
    [{ NEO4J_EMBEDDED_BOLT_PORT: '0' }, 'NEO4J_EMBEDDED_BOLT_PORT', 'from 1 to 65535'],
    [{ NEO4J_EMBEDDED_HEAP: 'lots' }, 'NEO4J_EMBEDDED_HEAP', 'such as 512m'],
    [{ NEO4J_EMBEDDED_PAGECACHE: '1m' }, 'NEO4J_EMBEDDED_PAGECACHE', 'at least 16m'],
    [{ SEED_ON_START: 'maybe' }, 'SEED_ON_START', 'true or false'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', 'one of fatal'],
    [{ HTTP_MAX_BODY_BYTES: '10' }, 'HTTP_MAX_BODY_BYTES', 'from 1000'],
    [{ API_MAX_QUERY_DEPTH: '1' }, 'API_MAX_QUERY_DEPTH', 'from 2 to 100'],
    [{ API_MAX_COMPLEXITY: 'lots' }, 'API_MAX_COMPLEXITY', 'got "lots"'],
    [{ NEO4J_TX_TIMEOUT_MS: '5' }, 'NEO4J_TX_TIMEOUT_MS', 'from 100'],
    [{ ALLOWED_OPERATIONS_DIR: 'no/such/folder' }, 'ALLOWED_OPERATIONS_DIR', 'existing folder'],
  ])('%j is refused', (env, variable, fragment) => {
    const error = errorOf(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
    expect(error.message).toContain(fragment);
  });
});

describe('readConfig: sign-in, roles and curation caps', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keys-'));
  const keys = (content: unknown): string => {
    const file = path.join(dir, `keys-${Math.random().toString(36).slice(2)}.json`);
    fs.writeFileSync(file, JSON.stringify(content));
    return file;
  };

  it('lets everyone read and nobody sign in by default, with the documented curation caps', () => {
    const config = readConfig({}, ROOT);
    expect(config.auth).toMatchObject({ anonymousRole: 'reader', cypherRole: 'admin', apiKeys: [] });
    expect(config.curation).toEqual({ maxChanges: 200, maxMessageLength: 2000, maxPropertiesBytes: 20000 });
    expect(readConfig({ CURATION_MAX_CHANGES: '5000', ANONYMOUS_ROLE: 'none' }, ROOT)).toMatchObject({
      curation: { maxChanges: 5000 },
      auth: { anonymousRole: null },
    });
  });

  it.each([
    [{ AUTH_JWT_SECRET: 'short' }, 'AUTH_JWT_SECRET: must be at least 32 characters'],
    [{ AUTH_JWKS_URL: 'ftp://keys' }, 'AUTH_JWKS_URL: must be an http(s) URL'],
    [{ ANONYMOUS_ROLE: 'guest' }, 'ANONYMOUS_ROLE: must be one of reader, curator, admin or none, got "guest"'],
    [{ CYPHER_ROLE: 'none' }, 'CYPHER_ROLE: must be one of reader, curator, admin, got "none"'],
    [{ API_KEYS_FILE: '/nonexistent/keys.json' }, 'API_KEYS_FILE: must name a readable JSON file'],
    [
      { CURATION_MAX_CHANGES: '20000' },
      'CURATION_MAX_CHANGES: a change set of 20000 changes is estimated at 2000000, not under API_MAX_COMPLEXITY (1000000)',
    ],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => readConfig(env, ROOT)).toThrow(ConfigError);
    expect(() => readConfig(env, ROOT)).toThrow(message);
  });

  it('reads API keys by their SHA-256 and refuses a key in clear or an unknown role', () => {
    const sha256 = 'a'.repeat(64);
    expect(
      readConfig({ API_KEYS_FILE: keys([{ name: 'ci', sha256, roles: ['curator'] }]) }, ROOT).auth.apiKeys,
    ).toEqual([{ name: 'ci', sha256, roles: ['curator'] }]);
    expect(() =>
      readConfig({ API_KEYS_FILE: keys([{ name: 'ci', sha256: 'my-secret-key', roles: ['curator'] }]) }, ROOT),
    ).toThrow('entry 0 (ci): sha256 must be 64 lower-case hex digits');
    expect(() => readConfig({ API_KEYS_FILE: keys([{ name: 'ci', sha256, roles: ['root'] }]) }, ROOT)).toThrow(
      'entry 0 (ci): roles must be a non-empty list of reader, curator, admin',
    );
  });
});
