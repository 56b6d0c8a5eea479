import { createModel } from './agent/providers.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { createApp } from './http/app.js';
import { exitGracefullyOnSignals } from './lifecycle/signals.js';
import { startMetricsServer } from './http/metrics-server.js';
import { createMetrics } from './observability/metrics.js';
import { createLogger, logFileStream, type LogFileStream } from './observability/logger.js';
import { createErrorReporter } from './observability/error-reporter.js';
import { instrumentModel } from './observability/instrument.js';
import { createServices } from './services.js';
import { readVersion } from './version.js';

let config: Config;
try {
  config = loadConfig(process.env, readVersion());
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`Configuration error: ${error.message}\n`);
  process.exit(1);
}

let logFile: LogFileStream | undefined;
try {
  logFile = config.LOG_FILE
    ? logFileStream({ path: config.LOG_FILE, size: config.LOG_FILE_SIZE, frequency: config.LOG_FILE_FREQUENCY, keep: config.LOG_FILE_KEEP })
    : undefined;
} catch (error) {
  process.stderr.write(`Configuration error: LOG_FILE cannot be written (${error instanceof Error ? error.message : String(error)}); pick a writable path or unset it\n`);
  process.exit(1);
}
const logger = createLogger({ level: config.LOG_LEVEL, version: config.VERSION, environment: config.NODE_ENV, file: logFile });

const errorReporter = await createErrorReporter({
  dsn: config.SENTRY_DSN,
  environment: config.SENTRY_ENVIRONMENT ?? config.NODE_ENV,
  release: config.VERSION,
  logger,
});
const metrics = createMetrics({ provider: config.MODEL_PROVIDER, processMetrics: true });
const services = await createServices({ config, logger, model: instrumentModel(createModel(config), metrics), metrics }).catch((error: unknown) => {
  if (!(error instanceof DataDirLockedError)) throw error;
  process.stderr.write(`Start-up error: ${error.message}\n`);
  process.exit(1);
});
const app = await createApp({ ...services, metrics, errorReporter });
// Each socket address is logged for operators; the one URL to open comes after, in the ready line.
await app.listen({ port: config.PORT, host: config.HOST, listenTextResolver: (address) => `listening on ${address}` });
const metricsServer =
  config.METRICS_PORT === undefined
    ? undefined
    : await startMetricsServer(metrics, { port: config.METRICS_PORT, host: config.METRICS_HOST, token: config.METRICS_TOKEN });
logger.info(
  { url: config.PUBLIC_URL, driver: services.db.driver, model_provider: config.MODEL_PROVIDER, metrics_port: metricsServer?.port },
  `server ready: open ${config.PUBLIC_URL}`,
);

exitGracefullyOnSignals({
  app,
  lifecycle: services.lifecycle,
  graceMs: config.SHUTDOWN_GRACE_MS,
  logger,
  afterDrain: [async () => metricsServer?.close(), () => services.close(), () => errorReporter.flush(2000), async () => logFile?.end()],
});
