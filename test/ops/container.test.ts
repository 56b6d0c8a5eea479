// No Docker engine runs here: these checks pin what the image and the compose file promise, and the CI
// smoke step runs the same start-up path (`node dist/main.js`, production dependencies only, DATABASE_URL).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import yaml from 'js-yaml';
import { z } from 'zod';

const dockerfile = readFileSync('Dockerfile', 'utf8');
const dockerignore = readFileSync('.dockerignore', 'utf8').split('\n').map((line) => line.trim());

/** Dockerfile instructions with line continuations joined, grouped by stage name. */
function stages(text: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of text.replace(/\\\n\s*/g, ' ').split('\n').map((l) => l.trim())) {
    if (!line || line.startsWith('#')) continue;
    const from = /^FROM\s+\S+\s+AS\s+(\S+)$/i.exec(line);
    if (from?.[1]) {
      current = [];
      result.set(from[1], current);
    } else {
      current.push(line);
    }
  }
  return result;
}

describe('Dockerfile', () => {
  const byStage = stages(dockerfile);
  const runtime = byStage.get('runtime') ?? [];

  test('is multi-stage: build with dev dependencies, production dependencies apart, a runtime stage last', () => {
    assert.deepEqual([...byStage.keys()], ['build', 'prod-deps', 'runtime']);
    assert.ok(byStage.get('build')?.some((l) => /^RUN npm ci\b(?!.*--omit=dev)/.test(l)), 'the build stage installs dev dependencies');
    assert.ok(byStage.get('build')?.includes('RUN npm run build'));
    const build = byStage.get('build') ?? [];
    assert.ok(build.indexOf('COPY tools/build ./tools/build') !== -1 && build.indexOf('COPY tools/build ./tools/build') < build.indexOf('RUN npm run build'), 'the bundle script is there before the build');
    assert.ok(byStage.get('prod-deps')?.some((l) => /^RUN npm ci --omit=dev\b/.test(l)), 'production dependencies only');
  });

  test('every stage that runs npm ci has .npmrc and patches/ beside the lockfile (npm ci fails without the peer setting; without the patches the SDK runs unpatched)', () => {
    for (const [stage, lines] of byStage) {
      const install = lines.findIndex((l) => /^RUN npm ci\b/.test(l));
      if (install === -1) continue;
      const before = lines.slice(0, install);
      assert.ok(before.some((l) => /^COPY\b.*\bpackage-lock\.json\b.*\.npmrc\b|^COPY\b.*\.npmrc\b.*\bpackage-lock\.json\b/.test(l)), `${stage} copies .npmrc`);
      assert.ok(before.some((l) => /^COPY patches \.\/patches$/.test(l)), `${stage} copies patches/ before npm ci`);
    }
  });

  test('the runtime stage ships only production node_modules, the server build, the web build and package.json', () => {
    const copies = runtime.filter((l) => l.startsWith('COPY'));
    assert.deepEqual(copies, [
      'COPY --from=prod-deps /app/node_modules ./node_modules',
      'COPY --from=build /app/dist ./dist',
      'COPY --from=build /app/web/dist ./web/dist',
      'COPY package.json ./',
    ]);
    assert.ok(!runtime.some((l) => /^RUN npm (ci|install)/.test(l)), 'nothing is installed in the runtime stage');
  });

  test('runs as the non-root node user with NODE_ENV=production, listening on all interfaces', () => {
    assert.ok(runtime.includes('USER node'));
    const env = runtime.find((l) => l.startsWith('ENV')) ?? '';
    assert.match(env, /NODE_ENV=production/);
    assert.match(env, /HOST=0\.0\.0\.0/);
    // Without a heap limit V8 lets dead objects grow the process to hundreds of MB on a big host (docs/benchmarks.md).
    assert.match(env, /NODE_OPTIONS=--max-old-space-size=256\b/);
    // The user is set before the process starts: nothing after it switches back.
    assert.ok(runtime.indexOf('USER node') < runtime.findIndex((l) => l.startsWith('CMD')));
  });

  test('HEALTHCHECK probes /health/live; CMD is exec-form node dist/main.js so SIGTERM reaches the server', () => {
    const healthcheck = runtime.find((l) => l.startsWith('HEALTHCHECK')) ?? '';
    assert.match(healthcheck, /--interval=\d+s/);
    assert.match(healthcheck, /\/health\/live/);
    assert.equal(runtime.at(-1), 'CMD ["node", "dist/main.js"]');
  });

  test('the build context leaves out secrets, local data and build output', () => {
    for (const entry of ['.env', 'node_modules', 'dist', 'web/dist', 'data', '.git']) assert.ok(dockerignore.includes(entry), entry);
    for (const needed of ['src', 'web', 'package.json', 'package-lock.json', '.npmrc', 'patches', 'tsconfig.json', 'tsconfig.build.json', 'tools']) {
      assert.ok(!dockerignore.includes(needed), `${needed} is needed by the build stage`);
    }
  });
});

const service = z.object({
  image: z.string().optional(),
  build: z.unknown().optional(),
  environment: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  volumes: z.array(z.string()).optional(),
  ports: z.array(z.string()).optional(),
  healthcheck: z.object({ test: z.array(z.string()), interval: z.string(), retries: z.number() }).optional(),
  depends_on: z.record(z.string(), z.object({ condition: z.string() })).optional(),
  stop_grace_period: z.string().optional(),
});
const composeSchema = z.object({ services: z.object({ db: service, app: service }), volumes: z.record(z.string(), z.unknown()) });

describe('docker-compose.yml', () => {
  const compose = composeSchema.parse(yaml.load(readFileSync('docker-compose.yml', 'utf8')));
  const { app, db } = compose.services;

  test('Postgres keeps its data in a named volume and has a readiness healthcheck', () => {
    assert.match(db.image ?? '', /^postgres:1[4-9]/);
    const volume = db.volumes?.find((v) => v.endsWith(':/var/lib/postgresql/data'));
    assert.ok(volume, 'a volume on the data directory');
    assert.ok(volume.split(':')[0]! in compose.volumes, 'a named volume, declared at the top level');
    assert.match(db.healthcheck?.test.join(' ') ?? '', /pg_isready/);
  });

  test('the app waits for a healthy database and reaches it by DATABASE_URL', () => {
    assert.deepEqual(app.depends_on, { db: { condition: 'service_healthy' } });
    assert.match(String(app.environment?.DATABASE_URL), /^postgres:\/\/todo:\$\{POSTGRES_PASSWORD\}@db:5432\/todo$/);
    assert.equal(app.environment?.NODE_ENV, 'production');
    assert.match(String(app.environment?.BETTER_AUTH_SECRET), /^\$\{BETTER_AUTH_SECRET:\?/, 'compose refuses to start without the secret');
  });

  test('Docker waits longer than the drain grace period before SIGKILL; metrics are not published beyond loopback', () => {
    const grace = Number(app.environment?.SHUTDOWN_GRACE_MS);
    const stop = Number(/^(\d+)s$/.exec(app.stop_grace_period ?? '')?.[1]) * 1000;
    assert.ok(stop > grace, `stop_grace_period ${stop} ms must exceed SHUTDOWN_GRACE_MS ${grace} ms`);
    const metricsPort = String(app.environment?.METRICS_PORT);
    for (const port of app.ports ?? []) {
      if (port.endsWith(`:${metricsPort}`)) assert.match(port, /^127\.0\.0\.1:/);
    }
  });
});
