// The server: configuration → runtime (compose.ts) → HTTP app → listen → drain on SIGTERM/SIGINT.
import { startMetricsServer } from './http/metrics-server.js';
import { createApp } from './http/app.js';
import { configOrExit, logFileOrExit, runtimeOrExit } from './cli/startup.js';
import { schedulePurge } from './lifecycle/purge.js';
import { exitGracefullyOnSignals } from './lifecycle/signals.js';
import { createErrorReporter } from './observability/error-reporter.js';
import { createLogger } from './observability/logger.js';
import { createMetrics } from './observability/metrics.js';
import { readVersion } from './version.js';

const config = configOrExit(process.env, readVersion());
const logFile = logFileOrExit(config);
const logger = createLogger({ level: config.LOG_LEVEL, version: config.VERSION, environment: config.NODE_ENV, file: logFile });
const errorReporter = await createErrorReporter({
  dsn: config.SENTRY_DSN,
  environment: config.SENTRY_ENVIRONMENT ?? config.NODE_ENV,
  release: config.VERSION,
  logger,
});
const metrics = createMetrics({ provider: config.MODEL_PROVIDER, processMetrics: true });
const runtime = await runtimeOrExit(config, { logger, metrics, errorReporter });
const app = await createApp(runtime);
// Each socket address is logged for operators; the one URL to open comes after, in the ready line.
await app.listen({ port: config.PORT, host: config.HOST, listenTextResolver: (address) => `listening on ${address}` });
runtime.warmUp();
const metricsServer =
  config.METRICS_PORT === undefined
    ? undefined
    : await startMetricsServer(metrics, { port: config.METRICS_PORT, host: config.METRICS_HOST, token: config.METRICS_TOKEN });
const stopPurge = schedulePurge((now) => runtime.purgeDeleted(now), logger);
const scheduler = runtime.startScheduler();
logger.info(
  { url: config.PUBLIC_URL, driver: runtime.db.driver, model_provider: config.MODEL_PROVIDER, metrics_port: metricsServer?.port },
  `server ready: open ${config.PUBLIC_URL}`,
);

exitGracefullyOnSignals({
  app,
  lifecycle: runtime.lifecycle,
  graceMs: config.SHUTDOWN_GRACE_MS,
  logger,
  afterDrain: [async () => stopPurge(), () => scheduler.stop(), async () => metricsServer?.close(), () => runtime.close(), () => errorReporter.flush(2000), async () => logFile?.end()],
});
