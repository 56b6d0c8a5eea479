/** Where the committed SQL migrations live (src/db/migrations, and dist/db/migrations in a build). */
export { migrationsFolder } from '../paths.js';
