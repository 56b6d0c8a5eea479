// The files the server reads at run time, found from the package root (the nearest folder above this module that
// holds package.json) rather than from this module's own place: the server runs from src/ (tsx), from tsc's dist/
// and as the bundle dist/main.js (tools/build/bundle-server.ts), where every module's import.meta.url is the
// bundle's or one of its chunks'.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);

function rootAbove(file: string): string {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json in any folder above ${file}`);
  }
}

/** The folder with package.json, node_modules, dist/ and web/dist. */
export const packageRoot = rootAbove(here);

/** True when the TypeScript sources run (tsx); built code reads what the build copied into dist/. */
const fromSources = here.endsWith('.ts');

/** Where the committed SQL migrations are: src/db/migrations, copied to dist/db/migrations by the build. */
export const migrationsFolder = path.join(packageRoot, fromSources ? 'src' : 'dist', 'db', 'migrations');

/** The built web UI. */
export const webDistFolder = path.join(packageRoot, 'web', 'dist');

/** package.json, for the version. */
export const packageJsonFile = path.join(packageRoot, 'package.json');
