/**
 * Decides what a client sees of an error: our typed errors and GraphQL's own request errors pass
 * through; anything else is logged in full and shown only as INTERNAL_SERVER_ERROR.
 */
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode } from '../errors/errors';
import type { Logger } from '../logging/createLogger';

// Codes that describe the client's request, set by us or by Apollo Server before execution.
const CLIENT_CODES = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.SERVICE_UNAVAILABLE,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.CONFLICT,
  ErrorCode.QUERY_TIMEOUT,
  ErrorCode.QUERY_TERMINATED,
  ErrorCode.QUERY_TOO_COMPLEX,
  ErrorCode.TOO_MANY_REQUESTS,
  ErrorCode.OPERATION_NOT_ALLOWED,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** Builds Apollo Server's `formatError` hook around the process logger. */
export function maskError(logger: Logger): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      return formatted;
    }
    logger.error(
      { err: unwrapResolverError(error), path: formatted.path },
      'unexpected error while resolving a request',
    );
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
