/**
 * The HTTP surface: GraphQL at /graphql (Apollo Server, GraphQL-over-HTTP), GET /health (liveness),
 * GET /ready (readiness: Neo4j answers and the server is not stopping), the explorer, exports.
 * Every request is logged in one line; every request's resolvers see a fresh context; the Database
 * is shared.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { Database } from '../database/Database';
import type { Logger } from '../logging/createLogger';
import type { Context } from '../graphql/context';
import type { ApiLimits } from '../config/ApiLimits';
import { loadSchema, type LoadedSchema } from '../graphql/loadSchema';
import { readResponseKey, resolvers } from '../graphql/resolvers';
import { maskError } from '../graphql/maskError';
import { reusingStartedRoots, shapedAnswersPlugin } from '../graphql/shapedAnswers';
import { StartupError } from '../errors/errors';
import { exportRoutes } from './exportRoutes';
import type { AdhocCypherSettings } from '../adhoc/runAdhocCypher';
import { AdhocSlots } from '../adhoc/AdhocSlots';
import { SCHEMA_DIR, WEB_DIR } from '../paths';
import { graphiqlLandingPage } from './graphiqlLandingPage';
import { vendorAssets } from '../web/vendorAssets';
import { explorerSettings, explorerSettingsModule } from '../web/explorerSettings';
import { DEFAULT_GUARDS, type RequestGuards } from '../config/readConfig';
import { complexityGuard, guardRules } from '../guards/requestGuards';
import { allowListGuard, persistedQueryCache, readAllowedOperations } from '../guards/allowedOperations';
import { outcomeOf, requestLog, requestOutcomePlugin } from './requestLog';
import { jsonErrors, notFound } from './jsonErrors';
import type { SourceTexts } from '../provenance/checkCitations';
import { Authenticator, OPEN_READS, type AuthSettings } from '../auth/Authenticator';
import { authentication, principalOf } from './authentication';
import { DEFAULT_CURATION_LIMITS, type CurationLimits } from '../curation/applyChanges';
import { responseCachePlugins, type ResponseCacheSettings } from '../cache/responseCache';
import { GraphVersionReader } from '../cache/graphVersion';
import { serverFingerprint } from '../cache/serverFingerprint';
import { conditionalGet, conditionalGetHeaders, etagOf } from './conditionalGet';

/** What the HTTP server needs. */
export interface HttpServerOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  db: Database;
  logger: Logger;
  limits: ApiLimits;
  /** Largest number of nodes one export may hold. */
  exportMaxNodes?: number;
  /** Most elements the explorer page draws at once; 2000 when omitted. */
  explorerMaxDrawn?: number;
  /** Ad-hoc Cypher; off when omitted. */
  adhoc?: AdhocCypherSettings;
  /** Cost controls; DEFAULT_GUARDS when omitted. */
  guards?: RequestGuards;
  /** How long `close` waits for requests in flight; 10 s when omitted. */
  shutdownGraceMs?: number;
  /** Allow-list mode: only the operations in this folder's `.graphql` files run. */
  allowedOperationsDir?: string | undefined;
  /** The schema, read and checked already; read from the project's `schema/` when omitted. */
  schema?: LoadedSchema;
  /** Texts of cited sources, to show cited words; none when omitted. */
  sourceTexts?: SourceTexts;
  /** Sign-in and roles; when omitted everyone reads, nobody writes, and CYPHER_API_KEY (adhoc) opens `cypher`. */
  auth?: AuthSettings;
  /** Caps on one change set; DEFAULT_CURATION_LIMITS when omitted. */
  curation?: CurationLimits;
  /** The response cache and GET revalidation; off when omitted. */
  responseCache?: ResponseCacheSettings;
  /**
   * Whether queries whose compiled rows already are the answer skip graphql-js's walk over them
   * (shapedAnswers.ts); on when omitted. Off only to compare the two ways of answering.
   */
  shapedAnswers?: boolean;
}

/** A listening server. */
export interface RunningHttpServer {
  /** Base URL, e.g. http://127.0.0.1:4000 */
  url: string;
  port: number;
  /** Stops taking connections (/ready answers 503 from now on), lets requests in flight finish, then resolves. */
  close(): Promise<void>;
}

/** Builds the app and listens; rejects with a StartupError naming PORT when the port is taken. */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const { db, logger, limits } = options;
  const adhoc = options.adhoc ?? {
    apiKey: undefined,
    timeoutMs: 5000,
    maxRows: 1000,
    maxConcurrent: 2,
    maxConcurrentPerKey: 2,
  };
  const adhocSlots = new AdhocSlots(adhoc);
  const authenticator = new Authenticator(options.auth ?? { ...OPEN_READS, cypherApiKey: adhoc.apiKey });
  const guards = options.guards ?? DEFAULT_GUARDS;
  const app = express();
  app.disable('x-powered-by');
  // GraphQL answers carry the ETag of the graph's version (conditionalGet), not one of their bytes.
  app.set('etag', false);
  const httpServer = http.createServer(app);
  const { typeDefs, schema } = options.schema ?? loadSchema(SCHEMA_DIR);
  const allowed =
    options.allowedOperationsDir === undefined
      ? undefined
      : readAllowedOperations(options.allowedOperationsDir, schema);
  if (allowed) logger.info({ operations: allowed.files }, 'allow-list mode: only registered operations run');
  const caching = options.responseCache !== undefined && options.responseCache.maxBytes > 0;
  const versions = new GraphVersionReader(db);
  const apollo = new ApolloServer<Context>({
    typeDefs,
    resolvers: { ...resolvers, Query: reusingStartedRoots(resolvers.Query!) },
    fieldResolver: readResponseKey,
    formatError: maskError(logger),
    includeStacktraceInErrorResponses: false,
    // The IDE page and ad-hoc clients read the schema; Apollo would turn this off under NODE_ENV=production.
    introspection: true,
    parseOptions: { maxTokens: guards.maxTokens },
    validationRules: guardRules(guards),
    persistedQueries: { cache: persistedQueryCache(allowed) },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.shutdownGraceMs ?? 10_000 }),
      // Apollo's default cache-control plugin hooks every resolved field; the response cache sets its
      // policy per answer instead (see responseCache.ts), and no field carries a hint.
      ApolloServerPluginCacheControlDisabled(),
      graphiqlLandingPage(WEB_DIR),
      requestOutcomePlugin({ cache: caching }),
      complexityGuard(guards, limits),
      ...(allowed ? [allowListGuard(allowed)] : []),
      // After the guards: a cached answer is still refused to a document the guards refuse.
      ...(caching ? responseCachePlugins(options.responseCache!) : []),
      conditionalGetHeaders(),
      // Last: a cached answer comes first.
      ...(options.shapedAnswers === false ? [] : [shapedAnswersPlugin()]),
    ],
  });
  await apollo.start();
  let stopping = false;

  app.use(requestLog(logger));
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const up = !stopping && (await db.ping());
    res
      .status(up ? 200 : 503)
      .json({ status: up ? 'ready' : 'unavailable', neo4j: stopping ? 'unknown' : up ? 'up' : 'down', stopping });
  });
  for (const [name, file] of Object.entries(vendorAssets())) {
    app.get(`/vendor/${name}`, (_req, res) => res.sendFile(file, { maxAge: '1d' }));
  }
  const settingsModule = explorerSettingsModule(
    explorerSettings({ limits, drawnLimit: options.explorerMaxDrawn ?? 2000, maxFocus: guards.maxAliases }),
  );
  app.get('/explorer/settings.js', (_req, res) => {
    res.type('text/javascript').setHeader('cache-control', 'no-cache').send(settingsModule);
  });
  app.use(express.static(WEB_DIR, { index: 'index.html', extensions: ['html'] }));
  const sourceTexts = options.sourceTexts ?? new Map();
  app.use(
    exportRoutes({
      db,
      limits,
      logger,
      maxNodes: options.exportMaxNodes ?? 100_000,
      maxFoci: guards.maxAliases,
      schema,
      sourceTexts,
      authentication: authentication(authenticator, logger),
    }),
  );
  app.use(
    '/graphql',
    authentication(authenticator, logger, { ide: true }),
    ...(caching ? [conditionalGet(versions, serverFingerprint(typeDefs, limits, sourceTexts, allowed), logger)] : []),
    express.json({ limit: guards.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: ({ res }): Promise<Context> =>
        Promise.resolve({
          db,
          logger,
          limits,
          adhoc,
          adhocSlots,
          adhocEnabled: adhoc.apiKey !== undefined || authenticator.signInConfigured,
          sourceTexts,
          principal: principalOf(res),
          requestId: String(res.getHeader('x-request-id') ?? ''),
          curation: options.curation ?? DEFAULT_CURATION_LIMITS,
          outcome: outcomeOf(res),
          graphVersion: () => versions.versionFor(res),
          etag: etagOf(res),
        }),
    }),
  );
  app.use(notFound(logger));
  app.use(jsonErrors(logger));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === 'EADDRINUSE'
          ? 'is already in use'
          : error.code === 'EACCES'
            ? 'needs privileges this process lacks'
            : `cannot be opened (${error.message})`;
      reject(
        new StartupError(`PORT: ${options.host}:${options.port} ${reason}; set PORT to a free port.`, { cause: error }),
      );
    });
    httpServer.listen(options.port, options.host, resolve);
  }).catch(async (error: unknown) => {
    await apollo.stop();
    throw error;
  });

  const port = (httpServer.address() as AddressInfo).port;
  const shownHost = options.host === '127.0.0.1' || options.host === '0.0.0.0' ? 'localhost' : options.host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    close: async () => {
      stopping = true;
      await apollo.stop();
    },
  };
}
