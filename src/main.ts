import { ConfigError, loadConfig, type Config } from './config.js';
import { createApp } from './http/app.js';
import { createLogger } from './logger.js';
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

const logger = createLogger({ level: config.LOG_LEVEL, version: config.VERSION, environment: config.NODE_ENV });
const services = await createServices({ config, logger });
const app = await createApp(services);
await app.listen({ port: config.PORT, host: config.HOST });
logger.info({ url: config.PUBLIC_URL, driver: services.db.driver, model_provider: config.MODEL_PROVIDER }, 'server ready');

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  // Readiness goes 503 at once; in-flight requests get the grace period to finish.
  services.lifecycle.draining = true;
  logger.info({ signal, grace_ms: config.SHUTDOWN_GRACE_MS }, 'shutting down');
  const timer = setTimeout(() => {
    logger.warn('grace period over: closing remaining connections');
    app.server.closeAllConnections();
  }, config.SHUTDOWN_GRACE_MS);
  timer.unref();
  try {
    await app.close();
    await services.close();
    logger.info('shutdown complete');
    process.exit(0);
  } catch (error) {
    logger.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
