import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the committed SQL migrations live, next to this module in src/ and dist/. */
export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
