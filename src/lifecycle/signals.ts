import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { drainApp } from './drain.js';

export interface ShutdownOptions {
  app: FastifyInstance;
  lifecycle: { draining: boolean };
  graceMs: number;
  logger: FastifyBaseLogger;
  /** Run in order after the HTTP server has closed: metrics listener, database pool, error reporter. */
  afterDrain: (() => Promise<void>)[];
}

/** On SIGTERM or SIGINT (once): drain, run the closers, log the drain figures and exit 0 (1 if a closer failed). */
export function exitGracefullyOnSignals(options: ShutdownOptions): void {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    options.logger.info({ signal, grace_ms: options.graceMs, in_flight: options.app.inFlight.count }, 'shutting down: draining');
    try {
      const report = await drainApp(options.app, options.lifecycle, options.graceMs);
      for (const close of options.afterDrain) await close();
      options.logger.info({ signal, ...report }, 'shutdown complete');
      process.exit(0);
    } catch (error) {
      options.logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
