import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createDb, type Db } from '../../src/db/client.js';
import { ensurePgliteTemplate } from '../../src/db/template.js';

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
  const scratch = await createScratchDatabase(adminUrl, 'todo_test');
  const db = await createDb({ databaseUrl: scratch.url, poolSize: 10 });
  await db.migrate();
  return {
    db,
    url: scratch.url,
    async dispose() {
      await db.close();
      await scratch.drop();
    },
  };
}

/** Create a uniquely named database (`<prefix>_<random>`) next to `adminUrl`'s; returns its URL and a drop. */
export async function createScratchDatabase(adminUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    await withAdmin(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
  };
  return { url: url.toString(), drop };
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

/** The migrated PGlite template (cached on disk per migration set), as bytes. */
export async function pgliteTemplate(): Promise<Buffer> {
  return readFileSync(await ensurePgliteTemplate(cacheDir));
}
