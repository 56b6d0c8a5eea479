import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { bearerTokenOf } from '../auth/bearer.js';
import { AppError } from '../errors.js';
import type { Metrics } from '../observability/metrics.js';

/** Where and how /metrics is served, decided from the configuration. */
export interface MetricsExposure {
  /** Bearer token required to scrape (METRICS_TOKEN), on whichever listener serves /metrics. */
  token?: string;
  /** A separate internal listener (METRICS_PORT): the public port then never serves /metrics. */
  port?: number;
}

/**
 * GET /metrics on the app's own port, only when a token protects it and no internal port is configured.
 * Unconfigured, /metrics stays a 404: metrics reveal traffic and internals, so exposing them is opt-in.
 */
export function registerMetricsRoute(app: FastifyInstance, metrics: Metrics, exposure: MetricsExposure): void {
  const token = exposure.token;
  if (!token || exposure.port !== undefined) return;
  app.get('/metrics', async (request, reply) => {
    if (!tokenMatches(request.headers.authorization, token)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw new AppError('UNAUTHENTICATED', 'Scraping /metrics needs Authorization: Bearer <METRICS_TOKEN>');
    }
    return reply.type(metrics.registry.contentType).send(await metrics.render());
  });
}

/** The answer to a scrape of the internal listener: 404 but for GET /metrics, 401 without the token. */
export async function answerScrape(metrics: Metrics, req: IncomingMessage, token: string | undefined): Promise<{ status: number; type: string; body: string }> {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method !== 'GET' || path !== '/metrics') return { status: 404, type: 'text/plain', body: 'only GET /metrics is served here\n' };
  if (token && !tokenMatches(req.headers.authorization, token)) return { status: 401, type: 'text/plain', body: 'Authorization: Bearer <METRICS_TOKEN> required\n' };
  return { status: 200, type: metrics.registry.contentType, body: await metrics.render() };
}

/** Constant-time comparison of a Bearer header with the expected token (hashed first, so lengths never leak). */
function tokenMatches(header: string | undefined, expected: string): boolean {
  const token = bearerTokenOf(header);
  if (!token) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(token), digest(expected));
}
