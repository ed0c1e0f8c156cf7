/**
 * The last handlers of the app: requests no route took get a JSON 404, and errors raised outside
 * GraphQL execution (a body too large, malformed JSON, an unsupported encoding) get the JSON answer
 * `httpError` gives them.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { NotFoundError } from '../errors/errors';
import type { Logger } from '../logging/createLogger';
import { sendError } from './httpError';

/** JSON 404 for any path or method no route serves. */
export function notFound(logger: Logger): RequestHandler {
  return (req, res) => sendError(res, new NotFoundError(`no resource at ${req.method} ${req.path}`), logger);
}

/** Maps errors that reach Express to JSON answers; never shows a stack. */
export function jsonErrors(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    sendError(res, error, logger);
  };
}
