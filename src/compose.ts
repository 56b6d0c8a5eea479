// The composition root: the one place the application is assembled. The server (main.ts), the stdio MCP
// command, the migration command, the test helpers and the bench all call createRuntime; nothing else opens
// the database or wires services together.
import { createHash, randomBytes } from 'node:crypto';
import type { Model } from '@openai/agents-core';
import type { FastifyBaseLogger } from 'fastify';
import { lazyChatService } from './agent/lazy-chat.js';
import { createQuickAdd } from './agent/quick-add.js';
import { createApiKeyVerifier, jwtOrApiKey, type ApiKeyScope } from './auth/api-keys.js';
import { createAuth, jwtAudiences } from './auth/auth.js';
import { createConnectedApps } from './auth/connected-apps.js';
import { createOriginPolicy } from './auth/origins.js';
import { resolveAuthSecret } from './auth/secret.js';
import { createTokenVerifier } from './auth/verify-token.js';
import type { Config } from './config.js';
import { createDb, databaseAnswers, type Db } from './db/client.js';
import { withTransaction } from './db/unit-of-work.js';
import { createDomain, type UnitOfWork } from './domain/index.js';
import { createConfirmations } from './domain/tasks/confirmations.js';
import { createNotificationService } from './domain/notifications.js';
import { purgeDeletedTasks } from './domain/tasks/trash.js';
import type { OutsideChannel } from './notify/channel.js';
import { createChannels } from './notify/channels/index.js';
import { createDigestWriter } from './notify/digest.js';
import { createNotificationHub } from './notify/hub.js';
import { startScheduler, type Scheduler } from './notify/scheduler.js';
import type { UserService } from './domain/users.js';
import type { AppDeps } from './http/app.js';
import { disabledErrorReporter, type ErrorReporter } from './observability/error-reporter.js';
import { instrumentDb, instrumentModel, timedQueries } from './observability/instrument.js';
import type { QueryHook } from './db/query-timing.js';
import { createLogger, forwardLog } from './observability/logger.js';
import type { Metrics } from './observability/metrics.js';
import { standaloneWork, type ToolWork } from './mcp/tool-work.js';

/** How the database is opened, when not simply from the configuration. */
export interface DatabaseOptions {
  /** A database another runtime already opened and migrated; this runtime does not close it (tests build a second app on it). */
  open?: Db;
  /** PGlite in memory, not in DATA_DIR (tests: a throwaway database per app). */
  inMemory?: boolean;
  /** PGlite: start from this dump of a migrated database instead of running initdb (tests load a template). */
  template?: Blob;
  /** Called with every statement the app sends (the bench captures a turn's SQL). */
  logQuery?: (sql: string, params: unknown[]) => void;
  /** Called when each statement ends, with its duration (the runtime sets it when it has metrics). */
  onQuery?: QueryHook;
  /** Connections in the Postgres pool (default DATABASE_POOL_SIZE). */
  poolSize?: number;
}

/** What an entry point or a test may choose instead of the defaults the configuration implies. */
export interface RuntimeOptions {
  /** Where logs go (default: JSON lines on stdout at LOG_LEVEL). */
  logger?: FastifyBaseLogger;
  database?: DatabaseOptions;
  /** The language model instead of the configured provider (tests script one). */
  model?: Model;
  /** Prometheus metrics: the model, the database ping and the chat are instrumented when given. */
  metrics?: Metrics;
  /** Where unexpected errors are reported (default: nowhere). */
  errorReporter?: ErrorReporter;
  /** The clock the domain reads "now" from (tests fix it). */
  now?: () => Date;
}

/** The assembled application: everything the HTTP app, the MCP transports and the commands use. */
export type Runtime = AppDeps & {
  readonly errorReporter: ErrorReporter;
  /** The outside channels reminders also go to (Web Push, webhook, e-mail), as configured. */
  readonly channels: readonly OutsideChannel[];
  /** Start delivering reminders and digests (main does; tests start it when they need it). */
  startScheduler(options?: { pollMs?: number; digestPollMs?: number; now?: () => Date }): Scheduler;
  /** Delete for good the tasks deleted more than 30 days before `now`; returns how many. */
  purgeDeleted(now: Date): Promise<number>;
  readonly users: UserService;
  /** Run work on the domain bound to one transaction. */
  readonly unitOfWork: UnitOfWork;
  /** Start loading the agent runtime in the background (main does once it listens; else the first turn loads it). */
  warmUp(): void;
  /** Close what the runtime opened (the in-process MCP connections, then the database). */
  close(): Promise<void>;
};

/** Open the configured database and apply the committed migrations (closed again if they fail). */
export async function openDatabase(config: Config, options: DatabaseOptions = {}): Promise<Db> {
  if (options.open) return options.open;
  const db = await createDb({
    databaseUrl: config.DATABASE_URL,
    dataDir: options.inMemory ? undefined : config.DATA_DIR,
    poolSize: options.poolSize ?? config.DATABASE_POOL_SIZE,
    sharedBuffers: config.PGLITE_SHARED_BUFFERS,
    loadDataDir: options.template,
    logQuery: options.logQuery,
    onQuery: options.onQuery,
  });
  try {
    await db.migrate();
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

// Bulk-change confirmations are signed with a key of their own, derived from the auth secret.
const confirmationsFor = (secret: string) => createConfirmations(createHash('sha256').update(`bulk-confirmations:${secret}`).digest());

/** What the stdio MCP command serves from: the database and the task domain, nothing else. */
export interface ToolRuntime {
  readonly db: Db;
  readonly users: UserService;
  readonly toolWork: ToolWork;
  close(): Promise<void>;
}

/**
 * Open only what the MCP tools need (database, migrated; domain): no auth, no model, no scheduler, so it runs
 * from any install with just the database settings.
 */
export async function openToolRuntime(config: Config, options: { database?: DatabaseOptions } = {}): Promise<ToolRuntime> {
  const db = await openDatabase(config, options.database);
  // Confirmations need not survive this process; with the server's secret they also match the server's.
  const confirmations = confirmationsFor(config.BETTER_AUTH_SECRET ?? randomBytes(32).toString('base64url'));
  const domain = createDomain(db.db, { confirmations });
  const unitOfWork: UnitOfWork = (change, work) => withTransaction(db.db, (tx) => createDomain(tx, { change, confirmations }), work);
  return {
    db,
    users: domain.users,
    toolWork: standaloneWork(domain, unitOfWork),
    close: () => db.close(),
  };
}

/** Build the whole application from the configuration: database (migrated), auth, domain, chat. */
export async function createRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL, version: config.VERSION, environment: config.NODE_ENV });
  const metrics = options.metrics;
  // Every statement is timed into db_query_duration_seconds by its operation: operators see a turn's breakdown.
  const opened = await openDatabase(config, metrics ? { ...options.database, onQuery: timedQueries(metrics) } : options.database);
  const ownsDatabase = !options.database?.open;
  const db = metrics ? instrumentDb(opened, metrics) : opened;

  const { secret, generated } = resolveAuthSecret(config.BETTER_AUTH_SECRET, config.DATA_DIR);
  if (generated) {
    logger.warn('BETTER_AUTH_SECRET is not set: using a generated development secret kept in DATA_DIR/.auth-secret; set it in production');
  }
  const origins = createOriginPolicy({
    publicUrl: config.PUBLIC_URL,
    corsOrigins: config.CORS_ORIGINS,
    production: config.NODE_ENV === 'production',
    port: config.PORT,
  });
  const authOptions = {
    db: db.db,
    secret,
    baseUrl: config.PUBLIC_URL,
    trustedOrigins: origins.trusted,
    jwtTtlSeconds: config.JWT_TTL_SECONDS,
    log: forwardLog(logger, 'better-auth'),
  };
  let auth = createAuth(authOptions);
  // The OAuth provider seeds its resource row at start-up. Two instances starting together on a fresh database
  // race on that insert and the loser's start-up fails for good (its context promise stays rejected): build it
  // once more, when the row is there and the seed is an update.
  try {
    await auth.$context;
  } catch (error) {
    logger.warn({ err: error }, 'auth start-up failed once (another instance seeding the same rows?): retrying');
    auth = createAuth(authOptions);
    await auth.$context;
  }
  const [apiAudience, mcpAudience] = jwtAudiences(config.PUBLIC_URL);
  const connectedApps = createConnectedApps(db.db);
  const checkApiKey = (key: string, scope: ApiKeyScope) => auth.api.verifyApiKey({ body: { key, configId: scope } });

  const now = options.now;
  const confirmations = confirmationsFor(secret);
  const domain = createDomain(db.db, { now, confirmations });
  const unitOfWork: UnitOfWork = async (change, work) => {
    try {
      const result = await withTransaction(db.db, (tx) => createDomain(tx, { now, change, confirmations }), work);
      change.tally?.settle(true);
      return result;
    } catch (error) {
      change.tally?.settle(false);
      throw error;
    }
  };
  const toolWork = standaloneWork(domain, unitOfWork);
  const notificationHub = createNotificationHub(domain.notifications, {
    pollMs: config.REMINDER_POLL_MS,
    onError: (error) => logger.warn({ err: error }, 'reading new notifications for the live streams failed'),
  });
  const outside = createChannels(config, { settings: domain.settings, subscriptions: domain.notifications, users: domain.users, logger, now });
  const channels: readonly OutsideChannel[] = outside.channels;
  // The agent runtime is the largest import of all: it loads after the server listens (warmUp) or on the first turn.
  const chat = lazyChatService(async () => {
    const [{ createChatService }, { createModel }] = await Promise.all([import('./agent/turn.js'), import('./agent/providers.js')]);
    const model = options.model ?? (await createModel(config));
    return createChatService({
      domain,
      unitOfWork,
      toolWork,
      isDatabaseUp: databaseAnswers(db),
      model: metrics ? instrumentModel(model, metrics) : model,
      logger,
      metrics,
      maxTurns: config.AGENT_MAX_TURNS,
      historyWindow: config.CHAT_HISTORY_WINDOW,
      version: config.VERSION,
    });
  });

  return {
    config,
    logger,
    db,
    auth,
    origins,
    domain,
    requestDomain: (change) => createDomain(db.db, { now, change, confirmations }),
    purgeDeleted: (at) => purgeDeletedTasks(db.db, at),
    notificationHub,
    channels,
    vapidPublicKey: outside.vapidPublicKey,
    startScheduler: (scheduling = {}) =>
      startScheduler({
        notifications: domain.notifications,
        transaction: (fn) => withTransaction(db.db, createNotificationService, fn),
        channels,
        digest: createDigestWriter({ notifications: domain.notifications, unitOfWork }),
        logger,
        metrics,
        now: scheduling.now ?? now,
        pollMs: scheduling.pollMs ?? config.REMINDER_POLL_MS,
        digestPollMs: scheduling.digestPollMs,
      }),
    unitOfWork,
    toolWork,
    tasks: domain.tasks,
    settings: domain.settings,
    conversations: domain.conversations,
    users: domain.users,
    chat,
    warmUp: () => chat.warm(),
    quickAdd: createQuickAdd({ settings: domain.settings, now }),
    // A JWT for the endpoint's audience (on /mcp also an OAuth access token whose grant still stands), or a
    // personal API key of the endpoint's scope.
    verifyApiToken: jwtOrApiKey(createTokenVerifier({ db: db.db, issuer: config.PUBLIC_URL, audience: apiAudience }), createApiKeyVerifier(checkApiKey, 'rest')),
    verifyMcpToken: jwtOrApiKey(
      createTokenVerifier({ db: db.db, issuer: config.PUBLIC_URL, audience: mcpAudience, oauthGrants: connectedApps }),
      createApiKeyVerifier(checkApiKey, 'mcp'),
    ),
    connectedApps,
    lifecycle: { draining: false },
    metrics,
    errorReporter: options.errorReporter ?? disabledErrorReporter,
    async close() {
      notificationHub.close();
      outside.close();
      await chat.close();
      // Better Auth's plugins finish their start-up writes (the OAuth provider seeds its resource row) in the
      // background: wait for them, or they fail against a closed database.
      await auth.$context.catch((error: unknown) => logger.warn({ err: error }, 'auth start-up failed'));
      if (ownsDatabase) await db.close();
    },
  };
}
