/**
 * One JSON line per HTTP request: request id (the client's `x-request-id` when it is a plain token,
 * else a fresh UUID, echoed in the response), method, path without its query string, status,
 * duration, and for GraphQL the operation name, the error codes and whether the response cache
 * answered. Query text, variables and headers (where keys travel) are never logged.
 */
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import type { Logger } from '../logging/createLogger';
import type { Context } from '../graphql/context';
import { isCacheable } from '../cache/responseCache';

/** What a GraphQL request did, filled in by `requestOutcomePlugin` and logged with the request. */
export interface RequestOutcome {
  operationName?: string | null;
  errorCodes?: string[];
  /** Whether the response cache answered the query (absent when the cache is off or it was no query). */
  cache?: 'hit' | 'miss';
}

const REQUEST_ID = /^[\w.:-]{1,64}$/;

/** Where the outcome of the request answered by `res` is kept. */
export function outcomeOf(res: ServerResponse): RequestOutcome {
  const holder = res as ServerResponse & { locals?: { outcome?: RequestOutcome } };
  holder.locals ??= {};
  return (holder.locals.outcome ??= {});
}

/**
 * Express middleware writing the request line once the response is finished (or its connection
 * closed first). Pino writes it; nothing per request is built when the line's level is off, and no
 * logger is made per request (pino-http made a child logger for each, which nothing here used).
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = Date.now();
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', id);
    let written = false;
    const write = (error?: Error): void => {
      if (written) return;
      written = true;
      res.off('finish', write);
      res.off('close', write);
      res.off('error', write);
      // A 503 (Neo4j away, shutting down) is a state, not a fault; the causes of 500s are logged where they happen.
      const level = res.statusCode === 503 ? 'warn' : error || res.statusCode >= 500 ? 'error' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        {
          req: { id, method: req.method, path: req.originalUrl.split('?')[0] },
          res: { statusCode: res.statusCode },
          responseTime: Date.now() - started,
          ...graphqlFields(res),
        },
        'request finished',
      );
    };
    res.on('finish', write);
    res.on('close', write);
    res.on('error', write);
    next();
  };
}

function graphqlFields(res: ServerResponse): Record<string, unknown> {
  const outcome = outcomeOf(res);
  if (outcome.operationName === undefined && outcome.errorCodes === undefined) return {};
  const codes = outcome.errorCodes ?? [];
  return {
    graphql: {
      operationName: outcome.operationName ?? null,
      outcome: codes.length === 0 ? 'ok' : 'error',
      errorCodes: codes,
      ...(outcome.cache ? { cache: outcome.cache } : {}),
    },
  };
}

/** Records the operation name and error codes of each GraphQL request into its outcome. */
export function requestOutcomePlugin(options: { cache: boolean } = { cache: false }): ApolloServerPlugin<Context> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didEncounterErrors: ({ contextValue, errors }) => {
          contextValue.outcome.errorCodes = errors.map((e) =>
            typeof e.extensions['code'] === 'string' ? e.extensions['code'] : 'INTERNAL_SERVER_ERROR',
          );
          return Promise.resolve();
        },
        willSendResponse: ({ contextValue, operationName, operation, document, metrics }) => {
          contextValue.outcome.operationName = operationName ?? null;
          if (options.cache && operation?.operation === OperationTypeNode.QUERY && isCacheable(document)) {
            contextValue.outcome.cache = metrics.responseCacheHit === true ? 'hit' : 'miss';
          }
          return Promise.resolve();
        },
      }),
  };
}
