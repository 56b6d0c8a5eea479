import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { lockDataDir } from './data-dir-lock.js';
import { timePgClient, timePglite, type QueryHook } from './query-timing.js';
import { migrationsFolder } from './paths.js';
import { schema } from './schema.js';
import { shippedTemplate } from './template.js';

/** The drizzle database both drivers expose: domain code is written once against this. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open database with its driver, a health probe, migrations and a close. */
export interface Db {
  readonly db: Database;
  readonly driver: 'pglite' | 'postgres';
  /** Run a real query; resolves with its round-trip time and the server version. */
  ping(): Promise<{ latencyMs: number; version: string }>;
  /** Apply committed migrations (serialised across instances on Postgres). */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export { migrationsFolder } from './paths.js';

/** A probe resolving true when `db` answers a query, false on any failure (for code deciding between 503 and its own error). */
export function databaseAnswers(db: Pick<Db, 'ping'>): () => Promise<boolean> {
  return () => db.ping().then(() => true, () => false);
}

export interface DbOptions {
  databaseUrl?: string;
  dataDir?: string;
  poolSize?: number;
  /** PGlite only: its buffer cache (Postgres' shared_buffers), e.g. '16MB'. */
  sharedBuffers?: string;
  /** PGlite only: start from a dumped data directory (tests load a migrated template this way). */
  loadDataDir?: Blob;
  /** Called with every statement the app sends (the bench captures a turn's SQL this way). */
  logQuery?: (sql: string, params: unknown[]) => void;
  /** Called when each statement ends, with how long it took (the per-query latency metric). */
  onQuery?: QueryHook;
}

// Any constant works: it only has to be the same for every instance running migrations.
const MIGRATION_LOCK_KEY = 727_001;

/** How often the embedded database refreshes its planner statistics. */
const ANALYZE_INTERVAL_MS = 10 * 60_000;

/**
 * PGlite's server settings: its defaults plus a buffer cache sized for one user's embedded database. Postgres'
 * default 128MB of shared_buffers is allocated and zeroed at every start: with 16MB PGlite opened an existing
 * data directory in 0.60 s instead of 1.05 s and the process held 165 MB instead of 290 MB.
 */
function pgliteStartParams(defaults: readonly string[], sharedBuffers: string | undefined): string[] | undefined {
  return sharedBuffers ? [...defaults, '-c', `shared_buffers=${sharedBuffers}`] : undefined;
}

/**
 * Open the database: Postgres through a `pg` Pool when a URL is given, else PGlite in dataDir (or in memory).
 * Each driver (with its drizzle half) is imported only when it is the one used: ~0.1 s of start-up each.
 */
export async function createDb(options: DbOptions): Promise<Db> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 20, options) : openPglite(options);
}

async function openPglite(options: DbOptions): Promise<Db> {
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  let unlock = () => {};
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    unlock = lockDataDir(options.dataDir);
  }
  // A new data directory starts from the migrated template the build ships, when there is one.
  const isNew = options.dataDir !== undefined && !existsSync(path.join(options.dataDir, 'PG_VERSION'));
  const loadDataDir = options.loadDataDir ?? (isNew ? shippedTemplate() : undefined);
  let client: PGlite;
  try {
    client = await PGlite.create({ dataDir: options.dataDir, loadDataDir, startParams: pgliteStartParams(PGlite.defaultStartParams, options.sharedBuffers) });
  } catch (error) {
    unlock();
    throw error;
  }
  if (options.onQuery) timePglite(client, options.onQuery);
  const db = drizzlePglite(client, { schema, logger: queryLogger(options.logQuery) }) as unknown as Database;
  let closed = false;
  let closing: Promise<void> | undefined;
  // PGlite runs no autovacuum, so without this the planner never learns a table grew: at 10,000 tasks a
  // user's one-page list scanned and sorted every row instead of reading the (user_id, id) index.
  // The statistics are stored with the data, so they are refreshed while the app runs and when it closes, not
  // when it starts: an ANALYZE before the first request took 0.2–1.3 s of the embedded start-up.
  const analyze = () => (closed ? undefined : client.exec('analyze').catch(() => undefined));
  let statistics: NodeJS.Timeout | undefined;
  return {
    db,
    driver: 'pglite',
    ping: () => timedVersion(db),
    async migrate() {
      await migratePglite(drizzlePglite(client), { migrationsFolder });
      statistics ??= setInterval(analyze, ANALYZE_INTERVAL_MS).unref();
    },
    close: () =>
      (closing ??= (async () => {
        clearInterval(statistics);
        // An in-memory database ends here; a data directory keeps what it learnt for the next start.
        if (options.dataDir) await analyze();
        closed = true;
        try {
          await client.close();
        } finally {
          unlock();
        }
      })()),
  };
}

async function openPostgres(url: string, poolSize: number, { logQuery, onQuery }: Pick<DbOptions, 'logQuery' | 'onQuery'>): Promise<Db> {
  const [{ default: pg }, { drizzle: drizzlePg }, { migrate: migratePg }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5_000 });
  // A client losing its connection (a Postgres restart) must not crash the process: pg-pool handles idle
  // clients' errors, but a checked-out client (an open transaction) emits 'error' with no listener attached.
  // The query in flight still fails and becomes a 503; the broken client is discarded on release.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
    if (onQuery) timePgClient(client, onQuery);
  });
  const db = drizzlePg(pool, { schema, logger: queryLogger(logQuery) }) as unknown as Database;
  let closed = false;
  return {
    db,
    driver: 'postgres',
    ping: () => timedVersion(db),
    async migrate() {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        try {
          await migratePg(drizzlePg(client), { migrationsFolder });
        } finally {
          await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
        }
      } finally {
        client.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** drizzle's logger option for a statement callback (false: drizzle's default, no logging). */
function queryLogger(logQuery: DbOptions['logQuery']): { logQuery: (sql: string, params: unknown[]) => void } | false {
  return logQuery ? { logQuery } : false;
}

async function timedVersion(db: Database): Promise<{ latencyMs: number; version: string }> {
  const started = performance.now();
  const result: unknown = await db.execute(sql`select current_setting('server_version') as version`);
  const latencyMs = performance.now() - started;
  // Both drivers answer { rows: [...] }; read it defensively rather than trusting a cast.
  const rows = result && typeof result === 'object' && 'rows' in result && Array.isArray(result.rows) ? result.rows : [];
  const version: unknown = rows[0]?.version;
  return { latencyMs, version: typeof version === 'string' ? version : 'unknown' };
}
