/**
 * The one mapper from any error to the status and JSON body that answer it on an HTTP surface outside
 * GraphQL execution: exports, unknown paths, refused request bodies. The body has the GraphQL error
 * shape clients already read. Unexpected errors are logged and answered 500 without details.
 */
import type { Response } from 'express';
import { CodedError, ErrorCode, HTTP_STATUS } from '../errors/errors';
import type { Logger } from '../logging/createLogger';

/** An error body in the GraphQL shape. */
export interface ErrorBody {
  errors: Array<{ message: string; extensions: { code: string } & Record<string, unknown> }>;
}

/** What answers one error. */
export interface HttpError {
  status: number;
  body: ErrorBody;
}

/** What body-parser and Express attach to the errors they raise. */
interface HttpLibraryError extends Error {
  type?: string;
  status?: number;
  statusCode?: number;
  expose?: boolean;
  limit?: number;
  length?: number;
  encoding?: string;
  charset?: string;
}

// body-parser names each failure with a `type`; the code and text are ours.
const BODY_ERRORS: Record<string, { code: ErrorCode; message: (error: HttpLibraryError) => string }> = {
  'entity.too.large': {
    code: ErrorCode.PAYLOAD_TOO_LARGE,
    message: (e) => `request body must be at most ${e.limit ?? '?'} bytes, got ${e.length ?? 'more'}`,
  },
  'entity.parse.failed': { code: ErrorCode.BAD_REQUEST, message: () => 'request body must be valid JSON' },
  'entity.verify.failed': { code: ErrorCode.BAD_REQUEST, message: () => 'request body was refused' },
  'encoding.unsupported': {
    code: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    message: (e) => `content encoding must be identity, gzip, deflate or br, got ${JSON.stringify(e.encoding ?? '')}`,
  },
  'charset.unsupported': {
    code: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    message: (e) => `JSON must be sent as utf-8, got charset ${JSON.stringify(e.charset ?? '')}`,
  },
  'request.aborted': { code: ErrorCode.BAD_REQUEST, message: () => 'the client aborted the request body' },
  'request.size.invalid': {
    code: ErrorCode.BAD_REQUEST,
    message: () => 'request body length does not match its Content-Length',
  },
  'stream.encoding.set': { code: ErrorCode.BAD_REQUEST, message: () => 'request body could not be read' },
};

/** The status and body that answer `error`; logs it when it was not a refusal on purpose. */
export function httpError(error: unknown, logger: Logger): HttpError {
  // A CodedError with INTERNAL_SERVER_ERROR is a bug or a start-up fault: logged, never shown.
  if (error instanceof CodedError && error.code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    // `http` tells Apollo Server the status of a GraphQL response; here the status is the answer's own.
    const extensions = Object.fromEntries(Object.entries(error.extensions).filter(([key]) => key !== 'http'));
    return { status: error.status, body: bodyOf(error.message, { ...extensions, code: error.code }) };
  }
  const library = error instanceof Error ? (error as HttpLibraryError) : undefined;
  const status = library?.status ?? library?.statusCode ?? 500;
  const known = library?.type === undefined ? undefined : BODY_ERRORS[library.type];
  if (library && known && status >= 400 && status < 500) {
    return { status, body: bodyOf(known.message(library), { code: known.code }) };
  }
  if (library && status >= 400 && status < 500 && library.expose === true) {
    return { status, body: bodyOf(library.message, { code: ErrorCode.BAD_REQUEST }) };
  }
  logger.error({ err: error }, 'unexpected error outside GraphQL execution');
  return {
    status: HTTP_STATUS.INTERNAL_SERVER_ERROR,
    body: bodyOf('Internal server error', { code: ErrorCode.INTERNAL_SERVER_ERROR }),
  };
}

/** Answers `res` with the status and body of `error`. */
export function sendError(res: Response, error: unknown, logger: Logger): void {
  const { status, body } = httpError(error, logger);
  res.status(status).json(body);
}

function bodyOf(message: string, extensions: { code: string } & Record<string, unknown>): ErrorBody {
  return { errors: [{ message, extensions }] };
}
