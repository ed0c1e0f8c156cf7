/**
 * Persisted operations. Automatic persisted queries (a client sends a SHA-256 hash, and the text only
 * when the server does not know it yet) work for every client. In allow-list mode, the operations in
 * a folder of `.graphql` files are registered at start, known by their hashes from the first request,
 * and every other document is refused before it runs.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse, print, validate, type GraphQLError, type GraphQLSchema } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import { CodedError, ErrorCode, StartupError } from '../errors/errors';

/** The registered operations: their documents' canonical hashes and the texts clients may name by hash. */
export interface AllowedOperations {
  /** SHA-256 of each registered document as graphql-js prints it, so layout and commas do not matter. */
  canonicalHashes: ReadonlySet<string>;
  /** SHA-256 of each file's exact text (what a client hashes for APQ) -> that text. */
  texts: ReadonlyMap<string, string>;
  files: readonly string[];
}

const sha256 = (text: string): string => crypto.createHash('sha256').update(text).digest('hex');

/** Reads and validates every `.graphql` file in `dir`; a file that does not parse or validate stops start-up. */
export function readAllowedOperations(dir: string, schema: GraphQLSchema): AllowedOperations {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort();
  if (files.length === 0)
    throw new StartupError(`ALLOWED_OPERATIONS_DIR: ${dir} holds no .graphql file, so no operation could run`);
  const canonicalHashes = new Set<string>();
  const texts = new Map<string, string>();
  for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    let problems: readonly GraphQLError[];
    try {
      const document = parse(text);
      problems = validate(schema, document);
      canonicalHashes.add(sha256(print(document)));
    } catch (error) {
      problems = [error as GraphQLError];
    }
    if (problems.length > 0) {
      throw new StartupError(
        `ALLOWED_OPERATIONS_DIR: ${file} is not a valid operation of this API: ` +
          `${problems.map((p) => p.message).join('; ')}`,
      );
    }
    texts.set(sha256(text), text);
  }
  return { canonicalHashes, texts, files };
}

/** The APQ cache, holding the registered texts under their hashes ahead of any request. */
export function persistedQueryCache(allowed: AllowedOperations | undefined): KeyValueCache<string> {
  const cache = new InMemoryLRUCache<string>();
  // Apollo Server keys persisted queries as `apq:` + hash in the cache it is given.
  for (const [hash, text] of allowed?.texts ?? []) void cache.set(`apq:${hash}`, text);
  return cache;
}

/** Refuses any document that is not registered, before it is executed. */
export function allowListGuard(allowed: AllowedOperations): ApolloServerPlugin {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ document }) => {
          if (!allowed.canonicalHashes.has(sha256(print(document)))) {
            throw new CodedError(
              ErrorCode.OPERATION_NOT_ALLOWED,
              'This server runs only registered operations (allow-list mode), and this document is not one of them.',
              { endsRequest: true },
            );
          }
          return Promise.resolve();
        },
      }),
  };
}
