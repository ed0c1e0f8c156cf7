/**
 * A response cache that is never stale: identical queries (the same normalised document, variables and
 * rights) are answered from memory, keyed by the graph's version in the database, which every write
 * raises before it commits. Once a write has committed, no server on that database reads the old
 * version, so no answer from before the write is served after it. Bounded in bytes, with an off switch.
 */
import { print, visit, type DocumentNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { createHash } from 'node:crypto';
import type { Context } from '../graphql/context';
import type { Principal } from '../auth/Principal';

/** How the cache is sized. */
export interface ResponseCacheSettings {
  /** Largest total size of the cached answers, in bytes (as JSON text); 0 turns the cache off. */
  maxBytes: number;
  /** How long an answer is kept at most, in seconds; staleness never depends on it. */
  ttlSeconds: number;
}

/** The cache's defaults: 64 MB, ten minutes. */
export const DEFAULT_RESPONSE_CACHE: ResponseCacheSettings = { maxBytes: 64 * 1024 * 1024, ttlSeconds: 600 };

// Ad-hoc Cypher may call functions whose answer changes without a write (rand(), datetime()).
const NEVER_CACHED = new Set(['cypher']);

/** The plugins that cache query answers, or none when the cache is off. */
export function responseCachePlugins(settings: ResponseCacheSettings): Array<ApolloServerPlugin<Context>> {
  if (settings.maxBytes === 0) return [];
  // Sized by the length of each cached JSON text (the library's own size calculation).
  const cache = new InMemoryLRUCache<string>({ maxSize: settings.maxBytes });
  const cacheable = async (context: Context, document: DocumentNode | undefined): Promise<boolean> =>
    isCacheable(document) && (await context.graphVersion()) !== null;
  return [
    wholeAnswerPolicy(settings.ttlSeconds),
    responseCachePlugin<Context>({
      cache,
      // A document that is never cached costs no version read.
      extraCacheKeyData: async ({ contextValue, document }) => ({
        version: isCacheable(document) ? await contextValue.graphVersion() : null,
        rights: rightsOf(contextValue.principal),
      }),
      shouldReadFromCache: ({ contextValue, document }) => cacheable(contextValue, document),
      shouldWriteToCache: ({ contextValue, document }) => cacheable(contextValue, document),
      // The document as graphql-js prints it, so spacing and comments in the text do not matter.
      generateCacheKey: ({ document }, keyData) =>
        createHash('sha256')
          .update(JSON.stringify({ ...(keyData as object), source: document ? printed(document) : null }))
          .digest('hex'),
    }),
  ];
}

/**
 * Every answer may be kept for `ttlSeconds`: staleness is the graph version's business, not a field's.
 * Set once per request instead of through Apollo's cache-control plugin, whose hook on every resolved
 * field cost a third of the execution time of large answers.
 */
function wholeAnswerPolicy(ttlSeconds: number): ApolloServerPlugin<Context> {
  return {
    requestDidStart() {
      return Promise.resolve({
        // Before any answer is made: an answer may come without graphql-js executing (shapedAnswers.ts).
        didResolveOperation(requestContext) {
          requestContext.overallCachePolicy.replace({ maxAge: ttlSeconds, scope: 'PUBLIC' });
          return Promise.resolve();
        },
      });
    },
  };
}

// Apollo keeps one parsed document per query text, so each document is printed and inspected once.
const printedDocuments = new WeakMap<DocumentNode, string>();
const cacheableDocuments = new WeakMap<DocumentNode, boolean>();

function printed(document: DocumentNode): string {
  let text = printedDocuments.get(document);
  if (text === undefined) printedDocuments.set(document, (text = print(document)));
  return text;
}

/** Whether the answer to `document` may be kept: not when it runs ad-hoc Cypher. */
export function isCacheable(document: DocumentNode | undefined): boolean {
  if (document === undefined) return false;
  let cacheable = cacheableDocuments.get(document);
  if (cacheable === undefined) cacheableDocuments.set(document, (cacheable = !selectsAny(document, NEVER_CACHED)));
  return cacheable;
}

/** What a caller may see: answers are shared only between callers with the same rights. */
export function rightsOf(principal: Principal): string {
  return `${[...principal.roles].sort().join(',')}${principal.cypher ? '+cypher' : ''}`;
}

// Anywhere in the document, fragments included.
function selectsAny(document: DocumentNode, fields: ReadonlySet<string>): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (fields.has(node.name.value)) found = true;
    },
  });
  return found;
}
