import type { Model, ModelRequest, ModelResponse, StreamEvent } from '@openai/agents-core';
import type { Db } from '../db/client.js';
import { operationOf, type QueryHook } from '../db/query-timing.js';
import type { DbMetrics, ModelMetrics } from './hooks.js';

/** The same Db, its health probe timed into `db_query_duration_seconds{operation="ping"}`. */
export function instrumentDb(db: Db, metrics: DbMetrics): Db {
  return {
    db: db.db,
    driver: db.driver,
    async ping() {
      const result = await db.ping();
      metrics.observeDbQuery('ping', result.latencyMs / 1000);
      return result;
    },
    migrate: () => db.migrate(),
    close: () => db.close(),
  };
}

/** The db client's per-query hook that times each statement into `db_query_duration_seconds{operation}`. */
export function timedQueries(metrics: DbMetrics): QueryHook {
  return (sql, seconds) => metrics.observeDbQuery(operationOf(sql), seconds);
}

/** A failed model call as a bounded label: timeout, http_<status>, connection or other. */
export function modelErrorKind(error: unknown): string {
  if (!(error instanceof Error)) return 'other';
  const status = 'status' in error ? error.status : undefined;
  if (typeof status === 'number' && status >= 100 && status < 600) return `http_${status}`;
  if (error.name === 'AbortError' || /timeout/i.test(error.name) || /timed? ?out/i.test(error.message)) return 'timeout';
  if (/connection/i.test(error.name) || /ECONNREFUSED|ECONNRESET|fetch failed/i.test(error.message)) return 'connection';
  return 'other';
}

/** Wrap any agent-SDK model so each request (plain or streamed) reports its latency and failures. */
export function instrumentModel(model: Model, metrics: ModelMetrics): Model {
  return new InstrumentedModel(model, metrics);
}

class InstrumentedModel implements Model {
  readonly supportsPromptModelSelection?: boolean;

  constructor(
    private readonly inner: Model,
    private readonly metrics: ModelMetrics,
  ) {
    this.supportsPromptModelSelection = inner.supportsPromptModelSelection;
    if (inner.getRetryAdvice) this.getRetryAdvice = inner.getRetryAdvice.bind(inner);
  }

  getRetryAdvice?: Model['getRetryAdvice'];

  async getResponse(request: ModelRequest): Promise<ModelResponse> {
    const started = performance.now();
    try {
      const response = await this.inner.getResponse(request);
      this.metrics.observeModelCall(seconds(started));
      return response;
    } catch (error) {
      this.metrics.observeModelCall(seconds(started), modelErrorKind(error));
      throw error;
    }
  }

  async *getStreamedResponse(request: ModelRequest): AsyncIterable<StreamEvent> {
    const started = performance.now();
    try {
      yield* this.inner.getStreamedResponse(request);
      this.metrics.observeModelCall(seconds(started));
    } catch (error) {
      this.metrics.observeModelCall(seconds(started), modelErrorKind(error));
      throw error;
    }
  }
}

function seconds(startedMs: number): number {
  return (performance.now() - startedMs) / 1000;
}
