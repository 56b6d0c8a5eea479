import { ConfigError, loadConfig } from '../config.js';
import { createDb } from '../db/client.js';

/** `npm run db:migrate`: apply the committed migrations to DATABASE_URL (or the embedded database) and exit. */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await createDb({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
  try {
    await db.migrate();
    process.stderr.write(`migrations applied (${db.driver})\n`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? 'Configuration error' : 'Migration failed'}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
