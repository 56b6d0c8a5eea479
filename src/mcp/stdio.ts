import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Config } from '../config.js';
import { createDb } from '../db/client.js';
import { createTaskService } from '../domain/tasks.js';
import { findUserByEmail } from '../domain/users.js';
import { createMcpServer } from './server.js';

/** A failure the stdio command reports as one line on stderr before exiting with code 1. */
export class StdioStartError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StdioStartError';
  }
}

/** Where stdio diagnostics go: stderr only, since stdout carries nothing but JSON-RPC. */
export type StderrLog = (message: string, error?: unknown) => void;

/**
 * Serve the task tools for the user with `email` over stdin/stdout until stdin ends or a signal arrives.
 * Resolves once everything is closed (the database included, so the process can exit).
 */
export async function runStdioServer(options: { config: Config; email: string; log: StderrLog }): Promise<void> {
  const { config, email, log } = options;
  const db = await createDb({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
  try {
    await db.migrate();
    const user = await findUserByEmail(db.db, email);
    if (!user) {
      throw new StdioStartError(`No user with email ${email}: sign up in the web UI first, or check --user (and DATA_DIR/DATABASE_URL)`);
    }
    const server = createMcpServer({
      user,
      tasks: createTaskService(db.db),
      version: config.VERSION,
      reportError: (error, tool) => log(`${tool} failed`, error),
    });
    const transport = new StdioServerTransport();
    transport.onerror = (error) => log(`ignored a malformed message on stdin: ${error.message}`);
    const stopped = new Promise<string>((resolve) => {
      process.stdin.once('end', () => resolve('stdin ended'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
      process.once('SIGINT', () => resolve('SIGINT'));
      transport.onclose = () => resolve('transport closed');
    });
    await server.connect(transport);
    log(`MCP server ready on stdio for ${user.email} (${db.driver})`);
    log(`shutting down: ${await stopped}`);
    await server.close();
  } finally {
    // An open PGlite keeps Node alive: close it on every path, or the process never exits.
    await db.close();
  }
}
