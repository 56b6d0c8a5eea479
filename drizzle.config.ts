import { defineConfig } from 'drizzle-kit';

// Migrations are generated offline from the schema and committed as SQL.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './src/db/migrations',
});
