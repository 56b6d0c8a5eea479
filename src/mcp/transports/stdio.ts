import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { ToolWork } from '../tool-work.js';
import type { UserService } from '../../domain/users.js';
import { createMcpServer } from '../server.js';

/** A failure the stdio command reports as one line on stderr before exiting with code 1. */
export class StdioStartError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StdioStartError';
  }
}

/** Where stdio diagnostics go: stderr only, since stdout carries nothing but JSON-RPC. */
export type StderrLog = (message: string, error?: unknown) => void;

/** What the stdio transport serves from: the domain of an already-built runtime. */
export interface StdioDeps {
  users: UserService;
  work: ToolWork;
  version: string;
  /** Which database it serves, for the ready line (pglite or postgres). */
  driver: string;
  log: StderrLog;
}

/**
 * Serve the task tools for the user with `email` over stdin/stdout until stdin ends or a signal arrives. Opens
 * nothing: the caller owns the runtime (and its database) and closes it after this resolves.
 */
export async function serveStdio(deps: StdioDeps, email: string): Promise<void> {
  const user = await deps.users.findByEmail(email);
  if (!user) {
    throw new StdioStartError(`No user with email ${email}: sign up in the web UI first, or check --user (and DATA_DIR/DATABASE_URL)`);
  }
  const server = createMcpServer({
    user,
    work: deps.work,
    undoScope: 'mcp',
    version: deps.version,
    reportError: (error, tool) => deps.log(`${tool} failed`, error),
  });
  const transport = new StdioServerTransport();
  transport.onerror = (error) => deps.log(`ignored a malformed message on stdin: ${error.message}`);
  const stopped = new Promise<string>((resolve) => {
    process.stdin.once('end', () => resolve('stdin ended'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
    transport.onclose = () => resolve('transport closed');
  });
  await server.connect(transport);
  deps.log(`MCP server ready on stdio for ${user.email} (${deps.driver})`);
  deps.log(`shutting down: ${await stopped}`);
  await server.close();
}
