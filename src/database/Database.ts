/**
 * The only module that touches neo4j-driver. Everything else asks it to run a Cypher text with
 * parameters and gets plain JavaScript rows back: Neo4j integers are converted here, at the boundary.
 */
import neo4j, {
  type Driver,
  type ManagedTransaction,
  type Neo4jError,
  type QueryResult,
  type Session,
} from 'neo4j-driver';
import {
  BadUserInputError,
  ForbiddenError,
  QueryTerminatedError,
  QueryTimeoutError,
  QueryTooComplexError,
  ServiceUnavailableError,
} from '../errors/errors';

/** One row of a result, keyed by the RETURN column names. */
export type Row = Record<string, unknown>;

/** What a caller is told about each statement sent, for tests and logs. */
export interface QueryEvent {
  cypher: string;
  params: Record<string, unknown>;
  mode: 'READ' | 'WRITE';
}

/** How to reach Neo4j. */
export interface DatabaseOptions {
  uri: string;
  auth?: { username: string; password: string } | undefined;
  database: string;
  /** How long start-up waits for Neo4j to answer. */
  connectTimeoutMs: number;
  /** Server-side timeout of every read transaction; 0 or unset leaves the database default. Loads have none. */
  readTimeoutMs?: number;
  /** How long a statement is retried while Neo4j is down, before SERVICE_UNAVAILABLE; default `connectTimeoutMs`. */
  retryMs?: number;
  onQuery?: (event: QueryEvent) => void;
}

/** One operator of a query plan. */
export interface PlanOperator {
  /** e.g. `NodeByLabelScan@neo4j`, `ProcedureCall@neo4j`, `LoadCSV@neo4j`. */
  type: string;
  /** Neo4j's description, e.g. the procedure a ProcedureCall calls. */
  details: string;
}

/** What EXPLAIN tells about a statement. */
export interface ExplainedQuery {
  /** 'r' read only, 'rw' read and write, 'w' write only, 's' schema write. */
  queryType: string;
  operators: PlanOperator[];
}

/** Rows of a capped read, as JSON values. */
export interface CappedResult {
  columns: string[];
  rows: unknown[][];
  /** True when more rows than `maxRows` were available. */
  truncated: boolean;
}

/** A write transaction in progress: statements share one commit, or none of them lands. */
export interface WriteTransaction {
  run(cypher: string, params?: Record<string, unknown>): Promise<Row[]>;
}

/** A connection pool to one Neo4j database; one per process, closed on shutdown. */
export class Database {
  private constructor(
    private readonly driver: Driver,
    private readonly options: DatabaseOptions,
  ) {}

  /** Opens the pool and waits until Neo4j answers, failing after `connectTimeoutMs`. */
  static async connect(options: DatabaseOptions): Promise<Database> {
    // Without credentials the driver sends the "none" scheme, which a Neo4j with auth disabled accepts.
    const auth = options.auth ? neo4j.auth.basic(options.auth.username, options.auth.password) : undefined;
    const driver = neo4j.driver(options.uri, auth, {
      // Every integer the graph holds (years, ordinals, counts) is far below 2^53.
      disableLosslessIntegers: true,
      connectionTimeout: options.connectTimeoutMs,
      // While Neo4j is down, requests wait at most about `retryMs` for it, then fail: no request hangs.
      connectionAcquisitionTimeout: options.connectTimeoutMs + (options.retryMs ?? options.connectTimeoutMs),
      maxTransactionRetryTime: options.retryMs ?? options.connectTimeoutMs,
      userAgent: 'zgc-plan-graph',
    });
    const database = new Database(driver, options);
    try {
      const answered = new Deadline(options.connectTimeoutMs, 'Neo4j did not answer within');
      await answered.race(driver.verifyConnectivity({ database: options.database })).finally(() => answered.clear());
    } catch (error) {
      await driver.close();
      throw error;
    }
    return database;
  }

  /**
   * Runs one read-only statement (routed to a reader on a cluster), retrying transient failures as the
   * driver retries transaction functions. It runs as an auto-commit statement: the driver sends RUN and
   * PULL in one write, where a transaction function adds a BEGIN and a COMMIT, each its own write and,
   * for the COMMIT, its own round trip. A read is safe to run again, which is all a retry needs.
   */
  async read(cypher: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    this.options.onQuery?.({ cypher, params, mode: 'READ' });
    return this.withSession('READ', async (session, attempt) => {
      const once = attempt(() =>
        session.run(cypher, toNeo4jParams(params) as Record<string, unknown>, this.txConfig()),
      );
      return rows(await retryTransient(once, this.options.retryMs ?? this.options.connectTimeoutMs));
    });
  }

  /** Runs one statement in its own write transaction. Schema statements need this form. */
  async write(cypher: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    return this.writeTransaction((tx) => tx.run(cypher, params));
  }

  /**
   * Runs `work` in one write transaction: everything it ran commits together, or nothing does.
   * `work` must be safe to run again, since the driver retries transient failures.
   */
  async writeTransaction<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    return this.withSession('WRITE', (session, attempt) =>
      session.executeWrite(
        attempt((tx: ManagedTransaction) => {
          const wrapped: WriteTransaction = {
            run: async (cypher, params = {}) => {
              this.options.onQuery?.({ cypher, params, mode: 'WRITE' });
              return rows(await tx.run(cypher, toNeo4jParams(params)));
            },
          };
          return work(wrapped);
        }),
      ),
    );
  }

  /**
   * Neo4j's plan of a user's statement without running it: its query type ('r', 'rw', 'w', 's') and
   * operators. Client errors (a syntax error, say) are the user's: BAD_USER_INPUT.
   */
  async explain(cypher: string, params: Record<string, unknown> = {}): Promise<ExplainedQuery> {
    return this.withSession(
      'READ',
      async (session, attempt) => {
        const result = await session.executeRead(
          attempt((tx) => tx.run(`EXPLAIN ${cypher}`, toNeo4jParams(params) as Record<string, unknown>)),
          this.txConfig(),
        );
        const operators: PlanOperator[] = [];
        const walk = (plan: {
          operatorType: string;
          arguments: Record<string, unknown>;
          children: unknown[];
        }): void => {
          const details = plan.arguments['Details'];
          operators.push({ type: plan.operatorType, details: typeof details === 'string' ? details : '' });
          plan.children.forEach((child) => walk(child as typeof plan));
        };
        if (result.summary.plan) walk(result.summary.plan);
        return { queryType: result.summary.queryType, operators };
      },
      { timeoutMs: this.options.readTimeoutMs, userWritten: true },
    );
  }

  /**
   * Runs a user's statement in a read transaction with its own timeout, keeping at most `maxRows` rows.
   * `onSettled` is told when the statement has really stopped, which can be after the QUERY_TIMEOUT answer.
   * Graph values (nodes, relationships, paths, temporal and spatial values) come back as plain JSON.
   */
  async readCapped(
    cypher: string,
    params: Record<string, unknown>,
    limits: { maxRows: number; timeoutMs: number; onSettled?: () => void },
  ): Promise<CappedResult> {
    this.options.onQuery?.({ cypher, params, mode: 'READ' });
    return this.withSession(
      'READ',
      async (session, attempt) => {
        return await session.executeRead(
          attempt(async (tx) => {
            const result = tx.run(cypher, toNeo4jParams(params));
            const rows: unknown[][] = [];
            let truncated = false;
            let columns: string[] = [];
            for await (const record of result) {
              columns = record.keys.map(String);
              if (rows.length === limits.maxRows) {
                truncated = true;
                break;
              }
              rows.push(record.keys.map((key) => toJson(record.get(key))));
            }
            if (columns.length === 0) columns = (await result.keys()).map(String);
            return { columns, rows, truncated };
          }),
          { timeout: limits.timeoutMs },
        );
      },
      { timeoutMs: limits.timeoutMs, userWritten: true, ...(limits.onSettled ? { onSettled: limits.onSettled } : {}) },
    );
  }

  /** Runs a statement under PROFILE in a read transaction and returns its total db hits and rows. */
  async profile(cypher: string, params: Record<string, unknown> = {}): Promise<{ dbHits: number; rows: number }> {
    return this.withSession('READ', async (session, attempt) => {
      const result = await session.executeRead(
        attempt((tx) => tx.run(`PROFILE ${cypher}`, toNeo4jParams(params) as Record<string, unknown>)),
        this.txConfig(),
      );
      let dbHits = 0;
      const walk = (plan: { dbHits: number; children: unknown[] }): void => {
        dbHits += plan.dbHits;
        plan.children.forEach((child) => walk(child as typeof plan));
      };
      if (result.summary.profile) walk(result.summary.profile);
      return { dbHits, rows: result.records.length };
    });
  }

  /** True when Neo4j answers a trivial query now. Never throws. */
  async ping(): Promise<boolean> {
    try {
      await this.read('RETURN 1 AS ok');
      return true;
    } catch {
      return false;
    }
  }

  /** Closes every pooled connection. */
  async close(): Promise<void> {
    await this.driver.close();
  }

  /**
   * Opens a session in `mode`, runs `work`, closes the session, maps driver errors. A read with a time
   * limit answers by that limit plus `DEADLINE_GRACE_MS`, whatever Neo4j is still doing: Neo4j marks the
   * transaction terminated at the limit, but an expression loop does not look at that mark (the embedded
   * launcher's watchdog stops it; see RunawayQueryWatchdog.java). The session is then let go of once the
   * work ends, and the driver is kept from retrying it.
   */
  private async withSession<T>(
    mode: 'READ' | 'WRITE',
    work: (session: Session, attempt: AttemptGuard) => Promise<T>,
    statement: StatementTerms = { timeoutMs: this.options.readTimeoutMs },
  ): Promise<T> {
    const { timeoutMs } = statement;
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const started = Date.now();
    const deadline = mode === 'READ' && timeoutMs ? new Deadline(timeoutMs + DEADLINE_GRACE_MS) : undefined;
    // Each try of a transaction function passes through here: the driver retries transient failures,
    // but not once the request has been answered, nor a query that ran out of memory (it would again).
    const attempt: AttemptGuard = (fn) => async (tx) => {
      if (deadline?.passed) throw new QueryTimeoutError('the request was answered with QUERY_TIMEOUT; not retried');
      try {
        return await fn(tx);
      } catch (error) {
        throw error instanceof neo4j.Neo4jError && MEMORY_CODES.has(error.code) ? translate(error, statement) : error;
      }
    };
    const running = work(session, attempt);
    try {
      return await (deadline ? deadline.race(running) : running);
    } catch (error) {
      // The limit has passed: an error now (a connection the watchdog closed, say) is the timeout showing.
      if (deadline?.passed || (timeoutMs && Date.now() - started >= timeoutMs && isUnavailable(error))) {
        throw new QueryTimeoutError(
          `the query ran longer than its time limit of ${timeoutMs} ms and was stopped; ask for less`,
        );
      }
      throw translate(error, statement);
    } finally {
      deadline?.clear();
      if (deadline?.passed) {
        // Nobody awaits this any more: a failure to close is no one's to hear about.
        const letGo = (): Promise<void> =>
          session
            .close()
            .catch(() => undefined)
            .finally(() => statement.onSettled?.());
        void running.then(letGo, letGo);
      } else {
        try {
          await session.close();
        } finally {
          statement.onSettled?.();
        }
      }
    }
  }

  private txConfig(): { timeout?: number } {
    const timeout = this.options.readTimeoutMs ?? 0;
    return timeout > 0 ? { timeout } : {};
  }
}

/**
 * JavaScript has one number type; Neo4j has INTEGER and FLOAT, and LIMIT, SKIP and integer properties
 * need INTEGER. Every whole number in the parameters is therefore sent as an INTEGER. The graph has no
 * float properties, so no value is misread.
 */
function toNeo4jParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toNeo4jParams);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toNeo4jParams(v)]));
  }
  return value;
}

/** Converts a value from the driver into plain JSON: graph elements become maps, temporals strings. */
function toJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (neo4j.isNode(value)) return { labels: value.labels, properties: toJson(value.properties) };
  if (neo4j.isRelationship(value)) return { type: value.type, properties: toJson(value.properties) };
  if (neo4j.isPath(value))
    return {
      segments: value.segments.map((s) => ({
        start: toJson(s.start),
        relationship: toJson(s.relationship),
        end: toJson(s.end),
      })),
    };
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  }
  // Temporal and spatial values print as ISO 8601 and WKT-like text.
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isDuration(value) ||
    neo4j.isPoint(value)
  ) {
    return value.toString();
  }
  return value;
}

function rows(result: QueryResult): Row[] {
  return result.records.map((record) => record.toObject());
}

// Connectivity failures become SERVICE_UNAVAILABLE; they are matched by the driver's code, not text.
const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

// A query that needs more memory than Neo4j grants one transaction fails the same way on every retry.
const MEMORY_CODES = new Set([
  'Neo.TransientError.General.TransactionMemoryLimit',
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  'Neo.TransientError.General.OutOfMemoryError',
  'Neo.ClientError.General.TransactionOutOfMemoryError',
]);

/** What a session's work is held to, and what an error from it means. */
interface StatementTerms {
  timeoutMs: number | undefined;
  /** The statement is a user's own text (ad-hoc Cypher): its client errors are that user's to fix. */
  userWritten?: boolean;
  /** Called once the work has really ended and its session is closed, which may be after the answer. */
  onSettled?: () => void;
}

// Neo4j's codes for a transaction stopped at its time limit (server- or client-configured).
const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

// Neo4j's codes for a transaction terminated from outside (TERMINATE TRANSACTIONS, a shutdown); the
// driver reports the transient ones as client errors, so both spellings are listed.
const TERMINATED_CODES = new Set([
  'Neo.ClientError.Transaction.Terminated',
  'Neo.TransientError.Transaction.Terminated',
  'Neo.ClientError.Transaction.LockClientStopped',
  'Neo.TransientError.Transaction.LockClientStopped',
]);

/**
 * The one translator from driver errors to the project's coded errors, by the driver's `code`,
 * `retriable` and `classification`, never by message text. Anything else passes through unchanged
 * (and is masked as INTERNAL_SERVER_ERROR where it reaches a client).
 */
function translate(error: unknown, statement: StatementTerms): unknown {
  if (!(error instanceof neo4j.Neo4jError)) return error;
  if (MEMORY_CODES.has(error.code)) {
    return new QueryTooComplexError(
      'the query needed more memory than Neo4j allows one transaction; ' +
        'ask for fewer items (limit, first) or fewer nested lists',
    );
  }
  if (TIMEOUT_CODES.has(error.code)) {
    const limit = statement.timeoutMs ? ` of ${statement.timeoutMs} ms` : '';
    return new QueryTimeoutError(`the query ran longer than its time limit${limit} and was stopped; ask for less`);
  }
  if (TERMINATED_CODES.has(error.code)) {
    return new QueryTerminatedError(
      'Neo4j terminated the query before it finished (an administrator stopped its transaction, or the ' +
        `database is stopping; ${error.code}); nothing it did was kept, and it may be asked again`,
    );
  }
  // Retriable failures (the database stopping or starting, a leader switch) are "try again later".
  if (UNAVAILABLE_CODES.has(error.code) || error.retriable) {
    return new ServiceUnavailableError('Neo4j is not reachable right now; try again shortly');
  }
  if (statement.userWritten && error.code === 'Neo.ClientError.Statement.AccessMode') {
    return new ForbiddenError('cypher runs read-only queries; Neo4j refused a write', { rule: 'read-only' });
  }
  if (statement.userWritten && isClientError(error)) {
    return new BadUserInputError(`cypher could not run the query: ${error.message}`, {
      argument: 'query',
      neo4jCode: error.code,
    });
  }
  return error;
}

/** Wraps a transaction function so that the driver's retries stop when retrying cannot help. */
type AttemptGuard = <A, R>(fn: (arg: A) => Promise<R>) => (arg: A) => Promise<R>;

// The driver's retry rule for transaction functions: the clock starts at the first failure; while it
// shows no more than `maxRetryMs`, a retriable failure is tried again after 1 s, then doubling, each
// with 20% jitter.
async function retryTransient<R>(work: (arg: void) => Promise<R>, maxRetryMs: number): Promise<R> {
  let firstFailure: number | undefined;
  for (let delay = 1000; ; delay *= 2) {
    try {
      return await work();
    } catch (error) {
      firstFailure ??= Date.now();
      if (!neo4j.isRetriableError(error) || Date.now() - firstFailure > maxRetryMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay * (0.8 + 0.4 * Math.random())));
    }
  }
}

/** How long past a read's time limit its request waits for Neo4j before answering QUERY_TIMEOUT itself. */
export const DEADLINE_GRACE_MS = 1000;

/** A timer a promise races against; once it has fired, `passed` stays true. */
class Deadline {
  passed = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ms: number,
    private readonly what = 'deadline passed after',
  ) {}

  race<T>(work: Promise<T>): Promise<T> {
    const fired = new Promise<never>((_, reject) => {
      this.timer = setTimeout(() => {
        this.passed = true;
        reject(new QueryTimeoutError(`${this.what} ${this.ms} ms`));
      }, this.ms);
    });
    return Promise.race([work, fired]);
  }

  clear(): void {
    clearTimeout(this.timer);
  }
}

// Neo4j 5.26 sends no GQL classification for most errors; its status code names it in its second part.
function isClientError(error: Neo4jError): boolean {
  return error.classification === 'CLIENT_ERROR' || error.code.split('.')[1] === 'ClientError';
}

function isUnavailable(error: unknown): boolean {
  return error instanceof neo4j.Neo4jError && UNAVAILABLE_CODES.has(error.code);
}
