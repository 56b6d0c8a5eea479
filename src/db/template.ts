import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { migrationsFolder } from './paths.js';

// Creating a PGlite database runs initdb (seconds, far more on a busy machine); loading a dump of an
// already-migrated one is several times faster. Builds and tests keep one dump per migration set.

/** A short hash of the committed migrations: a template is only reused for the same set. */
export function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    if (file.endsWith('.sql') || file.endsWith('.json')) hash.update(file).update(readFileSync(path.join(migrationsFolder, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Where the template for the current migrations lives in a directory. */
export function templateFile(dir: string): string {
  return path.join(dir, `pglite-template-${migrationsHash()}.tar.gz`);
}

/** The migrated template in `dir`, created (atomically) if missing; returns its path. */
export async function ensurePgliteTemplate(dir: string): Promise<string> {
  const file = templateFile(dir);
  if (existsSync(file)) return file;
  // Loaded here, not with the module: the server imports this file for `shippedTemplate` on either driver.
  const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([import('@electric-sql/pglite'), import('drizzle-orm/pglite'), import('drizzle-orm/pglite/migrator')]);
  const client = await PGlite.create();
  try {
    await migrate(drizzle(client), { migrationsFolder });
    const dump = Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer());
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, dump);
    renameSync(tmp, file);
  } finally {
    await client.close();
  }
  return file;
}

/** The template shipped next to the built code, if the build made one for these migrations. */
export function shippedTemplate(): Blob | undefined {
  const file = templateFile(path.dirname(migrationsFolder));
  return existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
}
