import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseOptions } from '../../src/compose.js';
import { ensurePgliteTemplate } from '../../src/db/template.js';

/** The database drivers every integration suite runs on: PGlite always, Postgres when TEST_DATABASE_URL is set. */
export type Driver = 'pglite' | 'postgres';
export const testDrivers: readonly Driver[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

const cacheDir = path.resolve('node_modules/.cache/todo-chatbot');

/** Where a test runtime's database is: the environment and runtime options that select it, and how to throw it away. */
export interface TestDatabase {
  /** Environment for loadConfig (DATABASE_URL for Postgres). */
  env: Record<string, string>;
  /** createRuntime's database options (PGlite: in memory, from the migrated template). */
  options: DatabaseOptions;
  /** The database URL (Postgres only). */
  url?: string;
  /** Drop the database (Postgres); call after the runtime is closed. */
  dispose(): Promise<void>;
}

/** A fresh database for one test runtime: PGlite in memory from the migrated template, or a new Postgres database. */
export async function testDatabase(driver: Driver): Promise<TestDatabase> {
  if (driver === 'pglite') {
    return { env: {}, options: { inMemory: true, template: new Blob([await pgliteTemplate()]) }, dispose: async () => undefined };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const scratch = await createScratchDatabase(adminUrl, 'todo_test');
  return { env: { DATABASE_URL: scratch.url }, options: { poolSize: 10 }, url: scratch.url, dispose: () => scratch.drop() };
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
