import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { createRuntime, type Runtime, type RuntimeOptions } from '../../src/compose.js';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/http/app.js';
import { createLogger } from '../../src/observability/logger.js';
import { testDatabase, type Driver } from './db.js';

export { testDrivers, type Driver } from './db.js';

/** A signed-up user with everything a test needs to call the API as them. */
export interface TestUser {
  id: string;
  name: string;
  email: string;
  password: string;
  sessionToken: string;
  jwt: string;
  /** `{ authorization: 'Bearer <jwt>' }` */
  headers: { authorization: string };
}

export interface TestApp {
  app: FastifyInstance;
  /** The runtime the app was built from (domain services, database, auth). */
  deps: Runtime;
  driver: Driver;
  /** Every log line the app wrote (JSON strings), for redaction tests. */
  logs: string[];
  /** The database URL of this app's own Postgres database (postgres driver only). */
  databaseUrl?: string;
  signUp(overrides?: Partial<Pick<TestUser, 'name' | 'email' | 'password'>>): Promise<TestUser>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  driver?: Driver;
  env?: Record<string, string>;
  /** Runtime options besides the logger and database (a scripted model, metrics, an error reporter, a clock). */
  runtime?: Omit<RuntimeOptions, 'logger' | 'database'>;
  /** Called with every SQL statement the app sends (statement-count tests). */
  logQuery?: (sql: string, params: unknown[]) => void;
}

let counter = 0;

/** Build the real app in process on a fresh migrated database, with a log capture and a sign-up helper. */
export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const driver = options.driver ?? 'pglite';
  const database = await testDatabase(driver);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'todo-test-'));
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      PUBLIC_URL: 'http://localhost:3000',
      BETTER_AUTH_SECRET: 'test-secret-test-secret-test-secret-0123456789',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      AUTH_RATE_LIMIT_MAX: '10000',
      ...database.env,
      ...options.env,
    },
    'test',
  );
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  const logger = createLogger({ level: config.LOG_LEVEL, version: config.VERSION, environment: config.NODE_ENV, destination });
  const deps = await createRuntime(config, { ...options.runtime, logger, database: { ...database.options, logQuery: options.logQuery } });
  const app = await createApp(deps);
  await app.ready();

  async function signUp(overrides: Partial<Pick<TestUser, 'name' | 'email' | 'password'>> = {}): Promise<TestUser> {
    counter += 1;
    const name = overrides.name ?? `User ${counter}`;
    const email = overrides.email ?? `user${counter}-${process.pid}-${Date.now()}@example.com`;
    const password = overrides.password ?? 'correct horse battery staple';
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      headers: { origin: config.PUBLIC_URL, 'content-type': 'application/json' },
      payload: { name, email, password },
    });
    if (res.statusCode !== 200) throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`);
    const sessionToken = String(res.headers['set-auth-token']);
    const id = (res.json() as { user: { id: string } }).user.id;
    const tokenRes = await app.inject({ method: 'GET', url: '/api/auth/token', headers: { authorization: `Bearer ${sessionToken}` } });
    if (tokenRes.statusCode !== 200) throw new Error(`token failed: ${tokenRes.statusCode} ${tokenRes.body}`);
    const jwt = (tokenRes.json() as { token: string }).token;
    return { id, name, email, password, sessionToken, jwt, headers: { authorization: `Bearer ${jwt}` } };
  }

  return {
    app,
    deps,
    driver,
    logs,
    databaseUrl: database.url,
    signUp,
    async close() {
      await app.close();
      await deps.close();
      await database.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A free TCP port on 127.0.0.1 (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The real app listening on 127.0.0.1 (port picked free), its public URL matching, for HTTP and browser tests. */
export async function startTestServer(options: TestAppOptions = {}): Promise<TestApp & { url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const testApp = await buildTestApp({ ...options, env: { PORT: String(port), PUBLIC_URL: url, ...options.env } });
  await testApp.app.listen({ port, host: '127.0.0.1' });
  return { ...testApp, url };
}
