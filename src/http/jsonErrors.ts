/**
 * The last handlers of the app: requests no route took get a JSON 404, and errors raised outside
 * GraphQL execution (a body too large, malformed JSON, an unsupported encoding) get a JSON 4xx in the
 * GraphQL error shape. Anything unexpected is logged and answered 500 without details.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ErrorCode } from '../errors/errors';
import type { Logger } from '../logging/createLogger';

/** Error body in the shape GraphQL clients already read. */
export function errorBody(
  message: string,
  code: string,
): { errors: { message: string; extensions: { code: string } }[] } {
  return { errors: [{ message, extensions: { code } }] };
}

// body-parser names each failure with a `type`; the status it sets is kept, the text is ours.
const BODY_ERRORS: Record<string, { code: string; message: (error: BodyError) => string }> = {
  'entity.too.large': {
    code: 'PAYLOAD_TOO_LARGE',
    message: (e) => `request body must be at most ${e.limit ?? '?'} bytes, got ${e.length ?? 'more'}`,
  },
  'entity.parse.failed': { code: 'BAD_REQUEST', message: () => 'request body must be valid JSON' },
  'entity.verify.failed': { code: 'BAD_REQUEST', message: () => 'request body was refused' },
  'encoding.unsupported': {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: (e) => `content encoding must be identity, gzip, deflate or br, got ${JSON.stringify(e.encoding ?? '')}`,
  },
  'charset.unsupported': {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: (e) => `JSON must be sent as utf-8, got charset ${JSON.stringify(e.charset ?? '')}`,
  },
  'request.aborted': { code: 'BAD_REQUEST', message: () => 'the client aborted the request body' },
  'request.size.invalid': {
    code: 'BAD_REQUEST',
    message: () => 'request body length does not match its Content-Length',
  },
  'stream.encoding.set': { code: 'BAD_REQUEST', message: () => 'request body could not be read' },
};

interface BodyError extends Error {
  type?: string;
  status?: number;
  statusCode?: number;
  expose?: boolean;
  limit?: number;
  length?: number;
  encoding?: string;
  charset?: string;
}

/** JSON 404 for any path or method no route serves. */
export function notFound(): RequestHandler {
  return (req, res) => {
    res.status(404).json(errorBody(`no resource at ${req.method} ${req.path}`, ErrorCode.NOT_FOUND));
  };
}

/** Maps errors that reach Express to JSON answers; never shows a stack. */
export function jsonErrors(logger: Logger): ErrorRequestHandler {
  return (error: BodyError, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const status = error.status ?? error.statusCode ?? 500;
    const known = error.type === undefined ? undefined : BODY_ERRORS[error.type];
    if (known && status >= 400 && status < 500) {
      res.status(status).json(errorBody(known.message(error), known.code));
      return;
    }
    if (status >= 400 && status < 500 && error.expose === true) {
      res.status(status).json(errorBody(error.message, 'BAD_REQUEST'));
      return;
    }
    logger.error({ err: error }, 'unexpected error outside GraphQL');
    res.status(500).json(errorBody('Internal server error', ErrorCode.INTERNAL_SERVER_ERROR));
  };
}
