// The real app in process with the operations pieces main.ts wires (metrics, an instrumented model,
// an error reporter), on a fresh PGlite database: for the metrics and error-reporting tests.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createModel } from '../../../src/agent/providers.js';
import { loadConfig } from '../../../src/config.js';
import { createApp, type AppDeps } from '../../../src/http/app.js';
import { createMetrics, type Metrics } from '../../../src/observability/metrics.js';
import { createLogger } from '../../../src/observability/logger.js';
import type { ErrorReporter } from '../../../src/observability/error-reporter.js';
import { instrumentModel } from '../../../src/observability/instrument.js';
import { createServices } from '../../../src/services.js';
import { openTestDb } from '../../helpers/db.js';

export interface OpsApp {
  app: FastifyInstance;
  deps: AppDeps;
  metrics: Metrics;
  signUp(): Promise<{ id: string; jwt: string; headers: { authorization: string } }>;
  close(): Promise<void>;
}

const signUpReply = z.object({ user: z.object({ id: z.string() }) });
const tokenReply = z.object({ token: z.string() });

/** Build the app as main.ts does (metrics with process metrics, model instrumented), with extra environment. */
export async function buildOpsApp(options: { env?: Record<string, string>; errorReporter?: ErrorReporter } = {}): Promise<OpsApp> {
  const { db, dispose } = await openTestDb('pglite');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'todo-ops-'));
  const config = loadConfig(
    { NODE_ENV: 'test', PUBLIC_URL: 'http://localhost:3000', BETTER_AUTH_SECRET: 'ops-test-secret-ops-test-secret-0123456789', DATA_DIR: dataDir, AUTH_RATE_LIMIT_MAX: '10000', ...options.env },
    'test',
  );
  const logger = createLogger({ level: 'silent', version: 'test', environment: 'test' });
  const metrics = createMetrics({ provider: config.MODEL_PROVIDER, processMetrics: true });
  const services = await createServices({ config, logger, db, model: instrumentModel(createModel(config), metrics) });
  const deps: AppDeps = { ...services, metrics, errorReporter: options.errorReporter };
  const app = await createApp(deps);
  await app.ready();
  let counter = 0;
  return {
    app,
    deps,
    metrics,
    async signUp() {
      counter += 1;
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-up/email',
        headers: { origin: config.PUBLIC_URL },
        payload: { name: 'Ops', email: `ops${counter}-${Date.now()}@example.com`, password: 'a long enough password' },
      });
      const { user } = signUpReply.parse(res.json());
      const token = await app.inject({ method: 'GET', url: '/api/auth/token', headers: { authorization: `Bearer ${res.headers['set-auth-token']}` } });
      const { token: jwt } = tokenReply.parse(token.json());
      return { id: user.id, jwt, headers: { authorization: `Bearer ${jwt}` } };
    },
    async close() {
      await app.close();
      await dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
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
