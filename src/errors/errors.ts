/**
 * Every error the project raises on purpose, all of them a `CodedError`: a code from `ErrorCode` and the
 * HTTP status of that code. Refusals a client can act on pass to it as they are; bugs, start-up and
 * configuration faults carry INTERNAL_SERVER_ERROR and are shown to a client only as that code (see
 * maskError and httpError), while the CLI and start-up print their messages.
 */
import { GraphQLError } from 'graphql';

/** The codes a client may see in `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  CONFLICT = 'CONFLICT',
  QUERY_TIMEOUT = 'QUERY_TIMEOUT',
  QUERY_TERMINATED = 'QUERY_TERMINATED',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  OPERATION_NOT_ALLOWED = 'OPERATION_NOT_ALLOWED',
  BAD_REQUEST = 'BAD_REQUEST',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** The HTTP status that answers each code where it ends a whole request (an export, a refused body, ...). */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  SERVICE_UNAVAILABLE: 503,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  QUERY_TIMEOUT: 504,
  QUERY_TERMINATED: 503,
  QUERY_TOO_COMPLEX: 400,
  TOO_MANY_REQUESTS: 429,
  OPERATION_NOT_ALLOWED: 403,
  BAD_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL_SERVER_ERROR: 500,
};

/** How a refusal is raised. */
export interface RefusalOptions {
  /** More that names the broken rule or the bad argument, e.g. `{ argument: 'id' }`. */
  extensions?: Record<string, unknown>;
  /**
   * The refusal ends the whole GraphQL request (a guard, a cap), so its HTTP status answers it too.
   * Otherwise a GraphQL response stays 200 with the error beside whatever data other fields produced.
   */
  endsRequest?: boolean;
}

/**
 * Every refusal the project raises on purpose: a code a client can act on, the HTTP status that code
 * answers with, and a message that states the broken rule and shows the bad value.
 */
export class CodedError extends GraphQLError {
  /** The HTTP status of `code`, for every surface that answers with one. */
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: RefusalOptions = {},
  ) {
    const status = HTTP_STATUS[code];
    super(message, {
      extensions: { code, ...options.extensions, ...(options.endsRequest ? { http: { status } } : {}) },
    });
    this.status = status;
    this.name = new.target.name;
  }
}

/** An argument broke a documented rule; the message names the argument, the rule and the value. */
export class BadUserInputError extends CodedError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(ErrorCode.BAD_USER_INPUT, message, { extensions });
  }
}

/** An id the client named does not exist in the graph. */
export class NotFoundError extends CodedError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(ErrorCode.NOT_FOUND, message, { extensions });
  }
}

/** Neo4j cannot be reached right now; the client may retry. */
export class ServiceUnavailableError extends CodedError {
  constructor(message: string) {
    super(ErrorCode.SERVICE_UNAVAILABLE, message);
  }
}

/** The request lacks valid credentials for what it asks. */
export class UnauthenticatedError extends CodedError {
  constructor(message: string, options: RefusalOptions = {}) {
    super(ErrorCode.UNAUTHENTICATED, message, options);
  }
}

/** The request asks for something this server does not allow, or not to this caller. */
export class ForbiddenError extends CodedError {
  constructor(message: string, extensions: Record<string, unknown> = {}, options: RefusalOptions = {}) {
    super(ErrorCode.FORBIDDEN, message, { ...options, extensions });
  }
}

/** A change expected another version of what it changes; nothing was written. Ends the request with 409. */
export class ConflictError extends CodedError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(ErrorCode.CONFLICT, message, { extensions, endsRequest: true });
  }
}

/** A query ran past its time limit and was stopped. */
export class QueryTimeoutError extends CodedError {
  constructor(message: string) {
    super(ErrorCode.QUERY_TIMEOUT, message);
  }
}

/**
 * Neo4j stopped the query before it finished for a reason of its own (an administrator terminated the
 * transaction, the database is stopping): not the caller's fault, and it may be asked again.
 */
export class QueryTerminatedError extends CodedError {
  constructor(message: string) {
    super(ErrorCode.QUERY_TERMINATED, message);
  }
}

/** The query asks for more than Neo4j or the cost limit allows; the message says what to reduce. */
export class QueryTooComplexError extends CodedError {
  constructor(message: string, options: RefusalOptions = {}) {
    super(ErrorCode.QUERY_TOO_COMPLEX, message, options);
  }
}

/** Too many requests of a kind are in flight; the client may retry shortly. Ends the request with 429. */
export class TooManyRequestsError extends CodedError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(ErrorCode.TOO_MANY_REQUESTS, message, { extensions, endsRequest: true });
  }
}

/** A rule the code itself guarantees was broken (a bug): logged in full, shown to clients only by its code. */
export class InternalError extends CodedError {
  constructor(message: string) {
    super(ErrorCode.INTERNAL_SERVER_ERROR, message);
  }
}

/** A configuration value is missing or malformed; start-up stops with this message. */
export class ConfigError extends CodedError {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(ErrorCode.INTERNAL_SERVER_ERROR, `${variable}: ${message}`);
  }
}

/** Start-up could not complete (Neo4j unreachable, Java missing, port taken, a schema fault, ...). */
export class StartupError extends CodedError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(ErrorCode.INTERNAL_SERVER_ERROR, message);
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/**
 * A plan dataset broke its schema or its references; names the file, the entry and the field of every
 * problem at once. BAD_USER_INPUT, with the problems in `extensions`, wherever a request sent it.
 */
export class DatasetError extends CodedError {
  constructor(
    readonly file: string,
    readonly problems: readonly DatasetProblem[],
  ) {
    super(
      ErrorCode.BAD_USER_INPUT,
      `${file}: ${problems.length} problem(s), nothing was written:\n` +
        problems.map((p) => `  - ${p.entry} ${p.field}: ${p.message}`).join('\n'),
      { extensions: { problems } },
    );
  }
}

/** One broken rule in a dataset file. */
export interface DatasetProblem {
  /** Where in the file, e.g. `nodes[3] (id "goal-2025")`. */
  entry: string;
  /** The field at fault, e.g. `summary`. */
  field: string;
  message: string;
}
