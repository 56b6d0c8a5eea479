// The Prometheus metric families the server exports. Serving them is the HTTP layer's job (http/metrics-route.ts).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ChatMetrics, DbMetrics, ModelMetrics, NotifyMetrics } from './hooks.js';

export type { ChatMetrics, DbMetrics, ModelMetrics, NotifyMetrics, Outcome } from './hooks.js';

/** Every metric family the server exports, and the registry that renders them. */
export interface Metrics extends ChatMetrics, ModelMetrics, DbMetrics, NotifyMetrics {
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

  const reminders = new Counter({
    name: 'reminders_total',
    help: 'Reminder and digest deliveries by channel (in_app, push, webhook, email) and outcome (delivered, late, dropped, retry, failed)',
    labelNames: ['channel', 'outcome'] as const,
    registers: [registry],
  });
  const schedulerLag = new Histogram({
    name: 'reminder_scheduler_lag_seconds',
    help: 'How long after its time a reminder was delivered in the app',
    buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 3600, 86_400],
    registers: [registry],
  });

  return {
    registry,
    observeReminder(channel, outcome, lagSeconds) {
      reminders.inc({ channel, outcome });
      if (lagSeconds !== undefined) schedulerLag.observe(Math.max(0, lagSeconds));
    },
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
