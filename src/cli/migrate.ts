import { openDatabase } from '../compose.js';
import { ConfigError, loadConfig } from '../config.js';

/** `npm run db:migrate`: apply the committed migrations to DATABASE_URL (or the embedded database) and exit. */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config, { poolSize: 2 });
  process.stderr.write(`migrations applied (${db.driver})\n`);
  await db.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? 'Configuration error' : 'Migration failed'}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
