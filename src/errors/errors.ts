/**
 * Every error the project raises on purpose. GraphQL errors carry `extensions.code` from `ErrorCode`;
 * anything not listed here is unexpected and is masked as INTERNAL_SERVER_ERROR (see maskError).
 */
import { GraphQLError } from 'graphql';

/** The codes a client may see in `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  QUERY_TIMEOUT = 'QUERY_TIMEOUT',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  OPERATION_NOT_ALLOWED = 'OPERATION_NOT_ALLOWED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** An argument broke a documented rule; the message names the argument, the rule and the value. */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...extra } });
    this.name = 'BadUserInputError';
  }
}

/** An id the client named does not exist in the graph. */
export class NotFoundError extends GraphQLError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code: ErrorCode.NOT_FOUND, ...extra } });
    this.name = 'NotFoundError';
  }
}

/** Neo4j cannot be reached right now; the client may retry. */
export class ServiceUnavailableError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } });
    this.name = 'ServiceUnavailableError';
  }
}

/** The request lacks a valid API key for what it asks. */
export class UnauthenticatedError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
    this.name = 'UnauthenticatedError';
  }
}

/** The request asks for something this server does not allow, whoever asks. */
export class ForbiddenError extends GraphQLError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code: ErrorCode.FORBIDDEN, ...extra } });
    this.name = 'ForbiddenError';
  }
}

/** A query ran past its time limit and was stopped. */
export class QueryTimeoutError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.QUERY_TIMEOUT } });
    this.name = 'QueryTimeoutError';
  }
}

/** The query asks for more than Neo4j or the cost limit allows; the message says what to reduce. */
export class QueryTooComplexError extends GraphQLError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, ...extra } });
    this.name = 'QueryTooComplexError';
  }
}

/** Too many requests of a kind are in flight; the client may retry shortly. Answered with HTTP 429. */
export class TooManyRequestsError extends GraphQLError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code: ErrorCode.TOO_MANY_REQUESTS, http: { status: 429 }, ...extra } });
    this.name = 'TooManyRequestsError';
  }
}

/** A configuration value is missing or malformed; start-up stops with this message. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

/** Start-up could not complete (Neo4j unreachable, Java missing, port taken, ...). */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}

/** A plan dataset broke its schema or its references; names the file, the entry and the field. */
export class DatasetError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly DatasetProblem[],
  ) {
    super(
      `${file}: ${problems.length} problem(s), nothing was written:\n` +
        problems.map((p) => `  - ${p.entry} ${p.field}: ${p.message}`).join('\n'),
    );
    this.name = 'DatasetError';
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

/** Thrown from exhaustive switches; the compiler proves it is never reached. */
export class UnreachableCaseError extends Error {
  constructor(value: never) {
    super(`Unreachable case: ${JSON.stringify(value)}`);
    this.name = 'UnreachableCaseError';
  }
}
