import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { AppError } from '../errors.js';
import type { ChatMetrics, DbMetrics, ModelMetrics } from '../observability/hooks.js';

export type { ChatMetrics, DbMetrics, ModelMetrics, Outcome } from '../observability/hooks.js';

/** Every metric family the server exports, and the registry that renders them. */
export interface Metrics extends ChatMetrics, ModelMetrics, DbMetrics {
  readonly registry: Registry;
  /** One HTTP request ended: `route` is the route pattern (never the raw URL), `unmatched` for 404s. */
  observeRequest(method: string, route: string, statusCode: number, seconds: number): void;
  /** A request started (+1) or ended (-1): the in-flight gauge. */
  addInFlight(delta: 1 | -1): void;
  /** The Prometheus text exposition of every family. */
  render(): Promise<string>;
}

export interface MetricsOptions {
  /** The model provider (local or openai): the `provider` label of chat and model metrics. */
  provider: string;
  /** Also collect Node's process metrics (CPU, memory, event loop, GC); main turns it on, tests may not. */
  processMetrics?: boolean;
}

// Seconds. HTTP and database buckets reach down to a millisecond; chat and model ones up to two minutes.
const HTTP_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const DB_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];
const MODEL_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120];

// Label values come from code or the model: anything unexpected is folded so a series cannot explode.
const TOOL_NAME = /^[a-z][a-z0-9_]{0,39}$/;

/** Build the metric families on a registry of their own (no global state: tests build as many as they like). */
export function createMetrics(options: MetricsOptions): Metrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  const provider = options.provider;

  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: HTTP_BUCKETS,
    registers: [registry],
  });
  const inFlight = new Gauge({ name: 'http_requests_in_flight', help: 'HTTP requests being served (SSE streams included)', registers: [registry] });
  const turnDuration = new Histogram({
    name: 'chat_turn_duration_seconds',
    help: 'Chat turn duration (agent loop and persistence) by model provider and outcome',
    labelNames: ['provider', 'outcome'] as const,
    buckets: MODEL_BUCKETS,
    registers: [registry],
  });
  const toolCalls = new Counter({
    name: 'chat_tool_calls_total',
    help: 'MCP tool calls made by the chat agent, by tool and outcome',
    labelNames: ['tool', 'outcome'] as const,
    registers: [registry],
  });
  const modelDuration = new Histogram({
    name: 'model_request_duration_seconds',
    help: 'Language model request latency by provider and outcome',
    labelNames: ['provider', 'outcome'] as const,
    buckets: MODEL_BUCKETS,
    registers: [registry],
  });
  const modelErrors = new Counter({
    name: 'model_errors_total',
    help: 'Failed language model requests by provider and kind (timeout, http_<status>, connection, other)',
    labelNames: ['provider', 'kind'] as const,
    registers: [registry],
  });
  const dbDuration = new Histogram({
    name: 'db_query_duration_seconds',
    help: 'Database round-trip time by operation',
    labelNames: ['operation'] as const,
    buckets: DB_BUCKETS,
    registers: [registry],
  });

  return {
    registry,
    observeRequest(method, route, statusCode, seconds) {
      httpDuration.observe({ method, route, status_code: String(statusCode) }, seconds);
    },
    addInFlight(delta) {
      inFlight.inc(delta);
    },
    observeDbQuery(operation, seconds) {
      dbDuration.observe({ operation }, seconds);
    },
    observeTurn(outcome, seconds) {
      turnDuration.observe({ provider, outcome }, seconds);
    },
    countToolCall(tool, outcome) {
      toolCalls.inc({ tool: TOOL_NAME.test(tool) ? tool : 'other', outcome });
    },
    observeModelCall(seconds, errorKind) {
      modelDuration.observe({ provider, outcome: errorKind ? 'error' : 'ok' }, seconds);
      if (errorKind) modelErrors.inc({ provider, kind: errorKind });
    },
    render: () => registry.metrics(),
  };
}

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

/** A running internal metrics listener. */
export interface MetricsServer {
  readonly port: number;
  close(): Promise<void>;
}

/** Serve GET /metrics alone on an internal port (METRICS_PORT on METRICS_HOST), token-checked when one is set. */
export async function startMetricsServer(metrics: Metrics, options: { port: number; host: string; token?: string }): Promise<MetricsServer> {
  const server: Server = createServer((req, res) => {
    void answerScrape(metrics, req, options.token).then(
      ({ status, type, body }) => res.writeHead(status, { 'content-type': type }).end(body),
      (error: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function answerScrape(metrics: Metrics, req: IncomingMessage, token: string | undefined): Promise<{ status: number; type: string; body: string }> {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method !== 'GET' || path !== '/metrics') return { status: 404, type: 'text/plain', body: 'only GET /metrics is served here\n' };
  if (token && !tokenMatches(req.headers.authorization, token)) return { status: 401, type: 'text/plain', body: 'Authorization: Bearer <METRICS_TOKEN> required\n' };
  return { status: 200, type: metrics.registry.contentType, body: await metrics.render() };
}

/** Constant-time comparison of a Bearer header with the expected token (hashed first, so lengths never leak). */
function tokenMatches(header: string | undefined, expected: string): boolean {
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match?.[1]) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(match[1]), digest(expected));
}
