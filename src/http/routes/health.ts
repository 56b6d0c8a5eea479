import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.js';

export interface HealthDeps {
  db: Db;
  version: string;
  /** True once shutdown has begun: readiness fails so load balancers stop sending traffic. */
  isDraining(): boolean;
}

// Above this round-trip the database is reachable but slow: reported as degraded, still 200.
const DEGRADED_LATENCY_MS = 500;

/** /health (real query), /health/live (process only) and /health/ready (database and not draining). */
export function registerHealthRoutes(app: FastifyInstance, deps: HealthDeps): void {
  const startedAt = Date.now();

  app.get('/health', async (_request, reply) => {
    const base = { timestamp: new Date().toISOString(), version: deps.version, uptime_seconds: Math.round((Date.now() - startedAt) / 1000) };
    try {
      const { latencyMs, version } = await deps.db.ping();
      const status = latencyMs > DEGRADED_LATENCY_MS || deps.isDraining() ? 'degraded' : 'healthy';
      return { status, ...base, database: { connected: true, latency_ms: round(latencyMs), version, driver: deps.db.driver } };
    } catch (error) {
      reply.log.warn({ err: error }, 'health check: database unreachable');
      return reply.status(503).header('retry-after', '5').send({
        status: 'unhealthy',
        ...base,
        database: { connected: false, latency_ms: null, version: null, driver: deps.db.driver },
      });
    }
  });

  app.get('/health/live', async () => ({ status: 'ok' }));

  app.get('/health/ready', async (_request, reply) => {
    if (deps.isDraining()) return reply.status(503).header('retry-after', '5').send({ status: 'draining' });
    try {
      await deps.db.ping();
      return { status: 'ready' };
    } catch (error) {
      reply.log.warn({ err: error }, 'readiness: database unreachable');
      return reply.status(503).header('retry-after', '5').send({ status: 'unavailable' });
    }
  });
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
