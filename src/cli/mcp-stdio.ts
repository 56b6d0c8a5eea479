// `npm run mcp -- --user <email>`: the task tools over stdio for desktop MCP clients. stdout is JSON-RPC only.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { runStdioServer, StdioStartError } from '../mcp/stdio.js';

const USAGE = 'Usage: npm run mcp -- --user <email>';

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
    await runStdioServer({ config: loadConfig(process.env), email, log });
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
