/**
 * The guard that establishes who a request acts for, before any GraphQL or export work: it reads the
 * credentials once, refuses those that do not verify (401), and refuses reads to a caller no role
 * lets read (401 when signed out, 403 when signed in), so with ANONYMOUS_ROLE=none nothing is served
 * without sign-in. The principal is kept on the response for the GraphQL context and the log line.
 */
import type { ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { Authenticator } from '../auth/Authenticator';
import { allows, type Principal } from '../auth/Principal';
import { ForbiddenError, UnauthenticatedError } from '../errors/errors';
import type { Logger } from '../logging/createLogger';
import { sendError } from './httpError';

/** Where the principal of the request answered by `res` is kept. */
export function principalOf(res: ServerResponse): Principal {
  const principal = (res as ServerResponse & { locals?: { principal?: Principal } }).locals?.principal;
  if (!principal) throw new Error('no principal: the authentication guard did not run for this route');
  return principal;
}

/**
 * Express middleware authenticating the request and requiring the right to read; with `ide`, the IDE's
 * page itself (a GET of the mount point without a query) is served to anyone, since it reads nothing of
 * the graph and is where a signed-out user gives a token.
 */
export function authentication(
  authenticator: Authenticator,
  logger: Logger,
  options: { ide: boolean } = { ide: false },
): RequestHandler {
  return (req, res, next) => {
    authenticator.principalOf(req.headers).then(
      (principal) => {
        res.locals['principal'] = principal;
        // Only the bare page: a GET with a query or a persisted query's hash (extensions) is a read.
        const idePage =
          options.ide &&
          req.method === 'GET' &&
          req.path === '/' &&
          req.query['query'] === undefined &&
          req.query['extensions'] === undefined;
        if (!idePage && !allows(principal, 'read')) {
          sendError(
            res,
            principal.via === 'anonymous'
              ? new UnauthenticatedError('this server requires sign-in: send Authorization: Bearer <token or API key>')
              : new ForbiddenError(`${principal.sub ?? 'this caller'} holds no role that may read`, { rule: 'role' }),
            logger,
          );
          return;
        }
        next();
      },
      (error: unknown) => sendError(res, error, logger),
    );
  };
}
