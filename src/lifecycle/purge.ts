import type { FastifyBaseLogger } from 'fastify';

/** How often each instance purges tasks deleted more than 30 days ago (a DELETE by date: safe on several instances at once). */
export const PURGE_INTERVAL_MS = 60 * 60_000;

/** Run `purge` now and then every interval, logging what it did; returns a stop function. */
export function schedulePurge(purge: (now: Date) => Promise<number>, logger: FastifyBaseLogger, intervalMs = PURGE_INTERVAL_MS): () => void {
  const run = () => {
    purge(new Date()).then(
      (count) => {
        if (count) logger.info({ purged: count }, 'purged tasks deleted more than 30 days ago');
      },
      (error: unknown) => logger.warn({ err: error }, 'purging deleted tasks failed; retrying at the next interval'),
    );
  };
  run();
  const timer = setInterval(run, intervalMs).unref();
  return () => clearInterval(timer);
}
