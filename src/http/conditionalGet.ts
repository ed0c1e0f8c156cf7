/**
 * Revalidation for GET requests (a persisted query by hash, or a query in the URL): a successful answer
 * carries a weak ETag made of the graph's version, the caller's rights and the URL, with `Cache-Control:
 * no-cache` so browsers and CDNs ask again each time; a request whose If-None-Match names the current
 * ETag gets 304 before any query runs. A write changes the version, and with it every ETag.
 */
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import fresh from 'fresh';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '../logging/createLogger';
import type { GraphVersionReader } from '../cache/graphVersion';
import { isCacheable, rightsOf } from '../cache/responseCache';
import type { Context } from '../graphql/context';
import { principalOf } from './authentication';
import { sendError } from './httpError';

/** Where the ETag of the request answered by `res` waits for its answer. */
function pending(res: ServerResponse): { etag?: string } {
  const holder = res as ServerResponse & { locals?: { conditional?: { etag?: string } } };
  holder.locals ??= {};
  return (holder.locals.conditional ??= {});
}

/** Express middleware, after authentication: answers 304 to a GET whose ETag is still current. */
export function conditionalGet(versions: GraphVersionReader, fingerprint: string, logger: Logger): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' || (req.query['query'] === undefined && req.query['extensions'] === undefined)) {
      next();
      return;
    }
    versions.versionFor(res).then(
      (version) => {
        if (version === null) {
          next();
          return;
        }
        const rights = rightsOf(principalOf(res));
        // The server's fingerprint (schema, limits, texts, allow-list) keeps an answer from one build or
        // configuration from being confirmed by another.
        const hash = createHash('sha256')
          .update(`${version}\n${rights}\n${fingerprint}\n${req.originalUrl}`)
          .digest('base64url');
        const etag = `W/"${hash}"`;
        if (fresh(req.headers, { etag })) {
          for (const [name, value] of Object.entries(revalidation(etag))) res.setHeader(name, value);
          res.status(304).end();
          return;
        }
        pending(res).etag = etag;
        next();
      },
      (error: unknown) => sendError(res, error, logger),
    );
  };
}

/** The headers of an answer that may be revalidated, on the 200 and the 304 alike. */
function revalidation(etag: string): Record<string, string> {
  return { etag, 'cache-control': 'no-cache', vary: 'authorization, x-api-key' };
}

/**
 * Puts the waiting ETag on a GET answer the response cache could keep: without errors (an error may not
 * hold on the next try) and without ad-hoc Cypher (whose answer may change without a write). Every other
 * answer says `no-store`: nothing would tell a browser or a proxy when it went stale.
 */
export function conditionalGetHeaders(): ApolloServerPlugin<Context> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        willSendResponse: ({ contextValue, response, document }) => {
          const etag = contextValue.etag;
          const ok = response.body.kind === 'single' && response.body.singleResult.errors === undefined;
          if (etag !== undefined && ok && (response.http.status ?? 200) === 200 && isCacheable(document)) {
            for (const [name, value] of Object.entries(revalidation(etag))) response.http.headers.set(name, value);
          } else {
            response.http.headers.set('cache-control', 'no-store');
          }
          return Promise.resolve();
        },
      }),
  };
}

/** The ETag waiting for the answer of the request answered by `res`, if any. */
export function etagOf(res: ServerResponse): string | undefined {
  return pending(res).etag;
}
