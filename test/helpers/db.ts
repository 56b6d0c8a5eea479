import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { createDb, migrationsFolder, type Db } from '../../src/db/client.js';

/** The database drivers every integration suite runs on: PGlite always, Postgres when TEST_DATABASE_URL is set. */
export type Driver = 'pglite' | 'postgres';
export const testDrivers: readonly Driver[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

const cacheDir = path.resolve('node_modules/.cache/todo-chatbot');

/** A fresh, migrated database for one test app, and how to throw it away. */
export async function openTestDb(driver: Driver): Promise<{ db: Db; url?: string; dispose(): Promise<void> }> {
  if (driver === 'postgres') return openPostgresDb();
  const db = await createDb({ loadDataDir: new Blob([await pgliteTemplate()]) });
  return { db, dispose: () => db.close() };
}

/** Create a uniquely named database on the test server; dropped on dispose. */
async function openPostgresDb(): Promise<{ db: Db; url: string; dispose(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `todo_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await createDb({ databaseUrl: url.toString(), poolSize: 10 });
  await db.migrate();
  return {
    db,
    url: url.toString(),
    async dispose() {
      await db.close();
      await withAdmin(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A migrated PGlite data directory as a tarball, cached on disk per migration set: creating a PGlite
 * database runs initdb (seconds), loading a dump takes well under one.
 */
export async function pgliteTemplate(): Promise<Buffer> {
  const hash = createHash('sha256');
  for (const file of readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    if (file.endsWith('.sql') || file.endsWith('.json')) hash.update(file).update(readFileSync(path.join(migrationsFolder, file)));
  }
  const file = path.join(cacheDir, `pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return buildTemplate(file);
}

async function buildTemplate(file: string): Promise<Buffer> {
  const client = await PGlite.create();
  await migrate(drizzle(client), { migrationsFolder });
  const dump = Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer());
  await client.close();
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, dump);
  renameSync(tmp, file);
  return dump;
}
