// The floor of a chat turn: the exact SQL statements the app issues for it, captured through the database's
// statement callback, then replayed directly with `pg` on one connection.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { z } from 'zod';
import { createRuntime } from '../../src/compose.js';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/http/app.js';
import { createLogger } from '../../src/observability/logger.js';
import { chatReplySchema } from './client.js';

/** One statement as the driver received it. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/** A chat message whose SQL is captured, by name. */
export type CapturedOps = Record<string, string>;

/**
 * Run the real app in process on `url` with statement logging; after `setup` turns, capture the SQL of each
 * message in `ops` (one turn each, in order) for the same signed-up user.
 */
export async function captureTurnSql(url: string, setup: string[], ops: CapturedOps): Promise<Record<string, Statement[]>> {
  const log: Statement[] = [];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-capture-'));
  const publicUrl = 'http://127.0.0.1:3999';
  const config = loadConfig(
    { NODE_ENV: 'production', PUBLIC_URL: publicUrl, DATA_DIR: dataDir, DATABASE_URL: url, MODEL_PROVIDER: 'local', BETTER_AUTH_SECRET: 'capture-secret-capture-secret-0123456789' },
    'bench',
  );
  const logger = createLogger({ level: 'silent', version: 'bench', environment: 'production' });
  const services = await createRuntime(config, { logger, database: { logQuery: (text, params) => log.push({ sql: text, params }) } });
  const app = await createApp(services);
  try {
    const signUp = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      headers: { origin: publicUrl, 'content-type': 'application/json' },
      payload: { name: 'Capture', email: 'capture@example.com', password: 'capture password 0123' },
    });
    const userId = z.object({ user: z.object({ id: z.string() }) }).parse(signUp.json()).user.id;
    const token = await app.inject({ method: 'GET', url: '/api/auth/token', headers: { authorization: `Bearer ${signUp.headers['set-auth-token']}` } });
    const headers = { authorization: `Bearer ${z.object({ token: z.string() }).parse(token.json()).token}` };
    let conversationId: number | undefined;
    const turn = async (message: string) => {
      const res = await app.inject({ method: 'POST', url: `/api/${userId}/chat`, headers, payload: conversationId ? { message, conversation_id: conversationId } : { message } });
      if (res.statusCode !== 200) throw new Error(`capture turn "${message}" failed: ${res.statusCode} ${res.body}`);
      conversationId ??= chatReplySchema.parse(res.json()).conversation_id;
    };
    for (const message of setup) await turn(message);
    const captured: Record<string, Statement[]> = {};
    for (const [name, message] of Object.entries(ops)) {
      log.length = 0;
      await turn(message);
      captured[name] = [...log];
    }
    return captured;
  } finally {
    await app.close();
    await services.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Replays statements on one connection; each run returns its wall time in ms. */
export async function openFloor(url: string): Promise<{ run(statements: readonly Statement[]): Promise<number>; close(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    async run(statements) {
      const started = performance.now();
      for (const statement of statements) await client.query(statement.sql, statement.params);
      return performance.now() - started;
    },
    close: () => client.end(),
  };
}
