// The real app in process with the operations pieces main.ts wires (Prometheus metrics with process metrics, so
// the model and the database ping are instrumented; an error reporter), for the metrics and error-reporting tests.
import type { ErrorReporter } from '../../../src/observability/error-reporter.js';
import { createMetrics, type Metrics } from '../../../src/observability/metrics.js';
import { buildTestApp, type Driver, type TestApp } from '../../helpers/test-app.js';

export interface OpsApp extends TestApp {
  metrics: Metrics;
}

/** Build the app as main.ts does (metrics with process metrics, model instrumented), with extra environment. */
export async function buildOpsApp(options: { env?: Record<string, string>; errorReporter?: ErrorReporter; driver?: Driver } = {}): Promise<OpsApp> {
  const env = { MODEL_PROVIDER: 'local', ...options.env };
  const metrics = createMetrics({ provider: env.MODEL_PROVIDER, processMetrics: true });
  const t = await buildTestApp({ driver: options.driver, env, runtime: { metrics, errorReporter: options.errorReporter } });
  return { ...t, metrics };
}

/** The value of one series in the registry, matched by metric name and (a subset of) labels; 0 when absent. */
export async function seriesValue(metrics: Metrics, name: string, labels: Record<string, string> = {}): Promise<number> {
  const family = (await metrics.registry.getMetricsAsJSON()).find((m) => name === m.name || name.startsWith(`${m.name}_`));
  const values = family?.values ?? [];
  const match = values.find(
    (v) => ('metricName' in v && typeof v.metricName === 'string' ? v.metricName : family?.name) === name && Object.entries(labels).every(([key, value]) => String(v.labels[key]) === value),
  );
  return match?.value ?? 0;
}
