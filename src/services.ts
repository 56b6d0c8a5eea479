import type { Model } from '@openai/agents';
import type { FastifyBaseLogger } from 'fastify';
import { createAuth, jwtAudiences } from './auth/auth.js';
import { createOriginPolicy } from './auth/origins.js';
import { resolveAuthSecret } from './auth/secret.js';
import { createTokenVerifier } from './auth/verify-token.js';
import type { Config } from './config.js';
import { inTransaction, joinAmbientTransactions } from './db/ambient.js';
import { createDb, databaseAnswers, type Db } from './db/client.js';
import { forwardLog } from './observability/logger.js';
import { createChatService } from './agent/chat.js';
import { createModel } from './agent/providers.js';
import { createQuickAdd } from './agent/quick-add.js';
import { createConversationService } from './domain/conversations.js';
import { createSettingsService } from './domain/settings.js';
import { createTaskService } from './domain/tasks.js';
import type { AppDeps } from './http/app.js';
import type { ChatMetrics } from './observability/hooks.js';

export interface ServiceOptions {
  config: Config;
  logger: FastifyBaseLogger;
  /** An already-open database (tests hand in a PGlite loaded from a migrated template). */
  db?: Db;
  /** The model to use instead of the configured provider: main wraps it for metrics, tests script one. */
  model?: Model;
  /** Where chat turns and tool calls are counted (Prometheus in main). */
  metrics?: ChatMetrics;
}

/** Open the database, run migrations and build every service the app needs. */
export async function createServices(options: ServiceOptions): Promise<AppDeps & { close(): Promise<void> }> {
  const { config, logger } = options;
  const db =
    options.db ??
    (await createDb({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: config.DATABASE_POOL_SIZE }));
  try {
    await db.migrate();
  } catch (error) {
    await db.close();
    throw error;
  }
  const { secret, generated } = resolveAuthSecret(config.BETTER_AUTH_SECRET, config.DATA_DIR);
  if (generated) {
    logger.warn('BETTER_AUTH_SECRET is not set: using a generated development secret kept in DATA_DIR/.auth-secret; set it in production');
  }
  const [apiAudience, mcpAudience] = jwtAudiences(config.PUBLIC_URL);
  const origins = createOriginPolicy({
    publicUrl: config.PUBLIC_URL,
    corsOrigins: config.CORS_ORIGINS,
    production: config.NODE_ENV === 'production',
    port: config.PORT,
  });
  const auth = createAuth({
    db: db.db,
    secret,
    baseUrl: config.PUBLIC_URL,
    trustedOrigins: origins.trusted,
    jwtTtlSeconds: config.JWT_TTL_SECONDS,
    log: forwardLog(logger, 'better-auth'),
  });
  // The domain joins a transaction a chat turn opens around a tool call (see inTransaction).
  const domainDb = joinAmbientTransactions(db.db);
  const settings = createSettingsService(domainDb);
  const tasks = createTaskService(domainDb, { settings });
  const conversations = createConversationService(domainDb);
  const chat = createChatService({
    conversations,
    tasks,
    settings,
    transaction: (fn) => inTransaction(db.db, fn),
    isDatabaseUp: databaseAnswers(db),
    model: options.model ?? createModel(config),
    logger,
    metrics: options.metrics,
    maxTurns: config.AGENT_MAX_TURNS,
    historyWindow: config.CHAT_HISTORY_WINDOW,
    version: config.VERSION,
  });
  return {
    config,
    logger,
    db,
    auth,
    origins,
    tasks,
    settings,
    conversations,
    chat,
    quickAdd: createQuickAdd({ settings }),
    verifyApiToken: createTokenVerifier({ db: db.db, issuer: config.PUBLIC_URL, audience: apiAudience }),
    verifyMcpToken: createTokenVerifier({ db: db.db, issuer: config.PUBLIC_URL, audience: mcpAudience }),
    lifecycle: { draining: false },
    close: () => db.close(),
  };
}
