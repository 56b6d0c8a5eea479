// `npm run mcp -- --user <email>`: the task tools over stdio for desktop MCP clients. stdout is JSON-RPC only.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { openToolRuntime } from '../compose.js';
import { serveStdio, StdioStartError } from '../mcp/transports/stdio.js';
import { readVersion } from '../version.js';

const USAGE = 'Usage: npm run mcp -- --user <email> (or node dist/cli/mcp-stdio.js --user <email>)';

function log(message: string, error?: unknown): void {
  process.stderr.write(`[mcp] ${message}\n`);
  if (error !== undefined) console.error(error);
}

async function main(): Promise<number> {
  let email: string | undefined;
  try {
    email = parseArgs({ options: { user: { type: 'string', short: 'u' } } }).values.user;
  } catch (error) {
    log(`${error instanceof Error ? error.message : String(error)}. ${USAGE}`);
    return 2;
  }
  if (!email) {
    log(`--user is missing: give the email of the account whose tasks to serve. ${USAGE}`);
    return 2;
  }
  try {
    // Only the database is opened: no sign-in is served, so production needs no BETTER_AUTH_SECRET here.
    const config = loadConfig(process.env, readVersion(), { authSecretRequired: false });
    const runtime = await openToolRuntime(config, { database: { poolSize: 2 } });
    try {
      await serveStdio({ users: runtime.users, work: runtime.toolWork, version: config.VERSION, driver: runtime.db.driver, log }, email);
    } finally {
      // An open PGlite keeps Node alive: close it on every path, or the process never exits.
      await runtime.close();
    }
    return 0;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StdioStartError) {
      log(error.message);
      return 1;
    }
    log('failed', error);
    return 1;
  }
}

process.exitCode = await main();
