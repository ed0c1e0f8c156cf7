/** The one mapper from errors to HTTP answers: each refusal keeps its code and gets its status; nothing leaks. */
import pino from 'pino';
import { Writable } from 'node:stream';
import {
  BadUserInputError,
  CodedError,
  ErrorCode,
  ForbiddenError,
  HTTP_STATUS,
  NotFoundError,
  QueryTimeoutError,
  QueryTooComplexError,
  ServiceUnavailableError,
  TooManyRequestsError,
  UnauthenticatedError,
  InternalError,
  StartupError,
} from '../../src/errors/errors';
import { httpError } from '../../src/http/httpError';

function capture(): { logger: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: pino(stream), lines };
}

describe('httpError: refusals', () => {
  it.each([
    [new BadUserInputError('depth must be 1 to 3, got "9"', { argument: 'depth' }), 400, 'BAD_USER_INPUT'],
    [new NotFoundError('focus: no entity has the id "x"'), 404, 'NOT_FOUND'],
    [new UnauthenticatedError('cypher needs the API key'), 401, 'UNAUTHENTICATED'],
    [new ForbiddenError('cypher may not use reduce()', { rule: 'stoppable' }), 403, 'FORBIDDEN'],
    [new QueryTimeoutError('the query ran longer than its time limit'), 504, 'QUERY_TIMEOUT'],
    [new QueryTooComplexError('the query needed more memory'), 400, 'QUERY_TOO_COMPLEX'],
    [new TooManyRequestsError('at most 2 at once'), 429, 'TOO_MANY_REQUESTS'],
    [new ServiceUnavailableError('Neo4j is not reachable right now'), 503, 'SERVICE_UNAVAILABLE'],
    [
      new CodedError(ErrorCode.OPERATION_NOT_ALLOWED, 'not registered', { endsRequest: true }),
      403,
      'OPERATION_NOT_ALLOWED',
    ],
  ])('%s answers %i with its code, message and extensions, and logs nothing', (error, status, code) => {
    const { logger, lines } = capture();
    const answer = httpError(error, logger);
    expect(answer.status).toBe(status);
    expect(answer.body.errors).toEqual([
      { message: error.message, extensions: { ...withoutHttp(error.extensions), code } },
    ]);
    expect(lines).toEqual([]);
  });

  it('gives every code an HTTP status of a client or server error', () => {
    for (const code of Object.values(ErrorCode)) expect(HTTP_STATUS[code]).toBeGreaterThanOrEqual(400);
  });
});

describe('httpError: errors from the HTTP libraries and unexpected ones', () => {
  it('names a body-parser refusal in its own words, keeping its 4xx status', () => {
    const error = Object.assign(new Error('request entity too large'), {
      type: 'entity.too.large',
      status: 413,
      limit: 100,
      length: 5000,
    });
    expect(httpError(error, capture().logger)).toEqual({
      status: 413,
      body: {
        errors: [
          { message: 'request body must be at most 100 bytes, got 5000', extensions: { code: 'PAYLOAD_TOO_LARGE' } },
        ],
      },
    });
  });

  it.each([
    ['a plain error', new Error('secret detail at /srv/app.js:12')],
    ['a broken invariant', new InternalError('secret detail at /srv/app.js:12')],
    ['a start-up fault', new StartupError('secret detail at /srv/app.js:12')],
  ])('masks %s as a logged 500 without details', (_name, error) => {
    const { logger, lines } = capture();
    const answer = httpError(error, logger);
    expect(answer).toEqual({
      status: 500,
      body: { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] },
    });
    expect(lines.join('')).toContain('secret detail');
  });
});

function withoutHttp(extensions: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(extensions).filter(([key]) => key !== 'http'));
}
