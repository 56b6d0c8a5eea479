import { randomUUID } from 'node:crypto';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Auth } from '../auth/auth.js';
import type { ConnectedApps } from '../auth/connected-apps.js';
import type { OriginPolicy } from '../auth/origins.js';
import type { VerifyToken } from '../auth/verify-token.js';
import type { Config } from '../config.js';
import { databaseAnswers, type Db } from '../db/client.js';
import type { ChatService } from '../agent/turn.js';
import type { QuickAdd } from '../agent/quick-add.js';
import type { ConversationService } from '../domain/conversations.js';
import type { SettingsService } from '../domain/settings.js';
import type { ChangeContext, Domain } from '../domain/index.js';
import type { TaskService } from '../domain/tasks/service.js';
import type { ToolWork } from '../mcp/tool-work.js';
import { registerMcpRoutes } from '../mcp/transports/http.js';
import { AppError, errorBody } from '../errors.js';
import { webDistFolder } from '../paths.js';
import { anonymiseUserId } from '../observability/logger.js';
import type { ErrorReporter } from '../observability/error-reporter.js';
import { requireUser } from './authenticate.js';
import { InFlightRequests } from '../lifecycle/drain.js';
import { CHANGE_GROUP_HEADER } from './changes.js';
import { codeForStatus, registerErrorHandler } from './error-handler.js';
import { clientErrorHandler, frameworkErrors } from './framework-errors.js';
import { registerMetricsRoute } from './metrics-route.js';
import type { Metrics } from '../observability/metrics.js';
import { registerAuthRoutes } from './routes/auth.js';
import { registerOAuthMetadataRoutes } from './routes/oauth-metadata.js';
import { registerChatRoutes } from './routes/chat.js';
import { registerConnectedAppsRoutes } from './routes/connected-apps.js';
import { registerConversationRoutes } from './routes/conversations.js';
import { registerSettingsRoutes } from './routes/settings.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerTaskRoutes } from './routes/tasks.js';
import { registerTrustRoutes } from './routes/trust.js';
import { registerNotificationRoutes } from './routes/notifications.js';
import type { NotificationHub } from '../notify/hub.js';
import { registerWebUi } from './web-ui.js';

/** Everything the HTTP layer needs, built by main.ts (or a test) and passed in. */
export interface AppDeps {
  config: Config;
  logger: FastifyBaseLogger;
  db: Db;
  auth: Auth;
  /** Which browser origins may sign in and call /mcp. */
  origins: OriginPolicy;
  tasks: TaskService;
  conversations: ConversationService;
  settings: SettingsService;
  chat: ChatService;
  /** How the /mcp tools reach the task domain (each call in a transaction of its own). */
  toolWork: ToolWork;
  /** Every domain service on the pool (reads). */
  domain: Domain;
  /** Live notifications for the streams open on this instance. */
  notificationHub: NotificationHub;
  /** The VAPID public key browsers subscribe to Web Push with (undefined: Web Push is off). */
  vapidPublicKey?: string;
  /** The domain for one request's changes, journaled as one group (REST and web calls). */
  requestDomain: (change: ChangeContext) => Domain;
  /** Reads a quick-add line with the chat's parser (the task panel's preview). */
  quickAdd: QuickAdd;
  verifyApiToken: VerifyToken;
  verifyMcpToken: VerifyToken;
  /** The OAuth clients (MCP connectors) users authorised: listed and revoked under /api/{user_id}/connected-apps. */
  connectedApps: ConnectedApps;
  /** Shutdown state shared with main: readiness fails and new requests get 503 once draining. */
  lifecycle: { draining: boolean };
  /** Prometheus metrics (request durations, in-flight, database ping); absent in most tests. */
  metrics?: Metrics;
  /** Where unexpected errors are reported (Sentry when SENTRY_DSN is set). */
  errorReporter?: ErrorReporter;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Report an unexpected error with the request's id, route and anonymised user (for errors a route handles itself). */
    reportError(error: unknown, request: FastifyRequest): void;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Build the Fastify app (no listen): API, auth, health, MCP and the web UI. */
export async function createApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    loggerInstance: deps.logger,
    // One line per request is written by the onResponse hook below, with the fields we want.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'request_id' }),
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    bodyLimit: config.BODY_LIMIT_BYTES,
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    trustProxy: config.NODE_ENV === 'production',
    // While closing, requests still arriving on open connections get the catalog's 503 from the draining
    // hook below rather than Fastify's own non-JSON-contract body.
    return503OnClosing: false,
    clientErrorHandler,
    frameworkErrors,
  });

  const inFlight = new InFlightRequests();
  const metrics = deps.metrics;
  app.decorate('inFlight', inFlight);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (deps.lifecycle.draining && !request.url.startsWith('/health')) {
      reply.header('connection', 'close').header('retry-after', '5');
      throw new AppError('UNAVAILABLE', 'The server is shutting down; retry shortly');
    }
    metrics?.addInFlight(1);
    inFlight.track(reply, () => metrics?.addInFlight(-1));
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    // A response finishing during a drain tells the client not to reuse the connection.
    if (deps.lifecycle.draining) reply.header('connection', 'close');
    return reply.statusCode >= 400 ? asContractError(reply, payload) : payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    metrics?.observeRequest(request.method, routeLabel(request), reply.statusCode, reply.elapsedTime / 1000);
    request.log.info(
      {
        method: request.method,
        path: request.url.split('?')[0],
        status_code: reply.statusCode,
        duration_ms: Math.round(reply.elapsedTime * 100) / 100,
        user_id: anonymiseUserId(request.authUser?.id),
      },
      'request completed',
    );
  });

  const reporter = deps.errorReporter;
  app.decorate('reportError', (error: unknown, request: FastifyRequest) => {
    reporter?.capture(error, { requestId: request.id, userId: request.authUser?.id, method: request.method, route: routeLabel(request) });
  });
  // Errors the catalog does not know become 500s (or 503s for a database outage): those are reported.
  app.addHook('onError', async (request, _reply, error) => {
    if (isUnexpected(error)) app.reportError(error, request);
  });
  registerErrorHandler(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        connectSrc: ["'self'", ...config.CORS_ORIGINS],
        imgSrc: ["'self'", 'data:'],
        // Self-hosters often serve plain HTTP on a LAN: upgrading requests would break them.
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cors, {
    // The same origins sign-in and /mcp trust: PUBLIC_URL, CORS_ORIGINS and, in development, loopback.
    origin: (origin, callback) => callback(null, !origin || deps.origins.allows(origin)),
    credentials: true,
    // Browser MCP clients read the 401's challenge and the MCP headers.
    exposedHeaders: ['x-request-id', 'set-auth-token', 'set-auth-jwt', CHANGE_GROUP_HEADER, 'www-authenticate', 'mcp-session-id', 'mcp-protocol-version'],
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', `Too many attempts: at most ${context.max} a minute; retry in ${context.after}`),
  });

  registerHealthRoutes(app, { db: deps.db, version: config.VERSION, isDraining: () => deps.lifecycle.draining });
  if (metrics) registerMetricsRoute(app, metrics, { token: config.METRICS_TOKEN, port: config.METRICS_PORT });
  await registerAuthRoutes(app, {
    auth: deps.auth,
    publicUrl: config.PUBLIC_URL,
    origins: deps.origins,
    rateLimitMax: config.AUTH_RATE_LIMIT_MAX,
    isDatabaseUp: databaseAnswers(deps.db),
  });
  registerOAuthMetadataRoutes(app, { auth: deps.auth, publicUrl: config.PUBLIC_URL });
  await app.register(
    async (scope) => {
      scope.addHook('preHandler', requireUser(deps.verifyApiToken));
      registerTaskRoutes(scope, deps);
      registerTrustRoutes(scope, deps);
      registerNotificationRoutes(scope, { notifications: deps.domain.notifications, hub: deps.notificationHub, vapidPublicKey: deps.vapidPublicKey });
      registerConversationRoutes(scope, deps.conversations);
      registerSettingsRoutes(scope, deps.settings);
      registerChatRoutes(scope, deps.chat);
      registerConnectedAppsRoutes(scope, deps.connectedApps);
    },
    { prefix: '/api/:userId' },
  );
  registerMcpRoutes(app, { verifyToken: deps.verifyMcpToken, work: deps.toolWork, origins: deps.origins, config });

  await registerWebUi(app, config.WEB_DIST_DIR ?? webDistFolder);
  return app;
}

/**
 * The last guard of the error contract: an error some plugin answered in plain text or with no body at all
 * (a CORS preflight refusal, say) becomes `{error: {code, message}}`. JSON errors pass unchanged.
 */
function asContractError(reply: FastifyReply, payload: unknown): unknown {
  if (/json/i.test(String(reply.getHeader('content-type') ?? '')) || !(payload === null || typeof payload === 'string' || Buffer.isBuffer(payload))) return payload;
  const text = payload === null ? '' : String(payload).trim();
  const message = text && text.length <= 200 && !/[<\n]/.test(text) ? text : `The request failed with HTTP ${reply.statusCode}`;
  reply.type('application/json; charset=utf-8');
  return JSON.stringify(errorBody(codeForStatus(reply.statusCode), message));
}

/** The route pattern of a request (bounded label values), `unmatched` when no route matched. */
function routeLabel(request: FastifyRequest): string {
  return request.routeOptions.url ?? 'unmatched';
}

/** Neither a catalog error nor a client error: a bug or an outage someone should look at. */
function isUnexpected(error: FastifyError): boolean {
  if (error instanceof AppError) return false;
  return !(typeof error.statusCode === 'number' && error.statusCode < 500) && !error.code?.startsWith('FST_ERR_CTP');
}
