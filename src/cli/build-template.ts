import path from 'node:path';
import { migrationsFolder } from '../db/paths.js';
import { ensurePgliteTemplate } from '../db/template.js';

// Run by `npm run build`: ships a migrated PGlite template next to the built migrations, so the first
// start on a new DATA_DIR loads it instead of running initdb.
const file = await ensurePgliteTemplate(path.dirname(migrationsFolder));
process.stderr.write(`PGlite template ready: ${path.relative(process.cwd(), file)}\n`);
