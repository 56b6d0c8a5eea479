// The benchmark measures the server as `npm start` runs it: compiled, then bundled. It builds its own copy
// under node_modules/.cache (ignored by git and eslint, and packages still resolve from there) so it never
// races another build writing dist/.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Entry } from './server-process.js';

/** Where the compiled server goes; its dist/ mirrors src/. */
export const BUILD_ROOT = path.resolve('node_modules/.cache/todo-chatbot-bench');

/** Compile src/ (tsconfig.build.json) into BUILD_ROOT/dist with its migrations; returns the entry and the build time. */
export function buildServer(): { entry: Entry; profileEntry: Entry; buildMs: number; typeErrors: boolean; template: boolean } {
  const started = performance.now();
  const outDir = path.join(BUILD_ROOT, 'dist');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(BUILD_ROOT, { recursive: true });
  const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', outDir, '--sourceMap', 'false'], { stdio: 'inherit' });
  // tsc still emits on type errors (someone's work in progress); only a missing entry point stops the run.
  if (!existsSync(path.join(outDir, 'main.js'))) throw new Error(`tsc emitted no server (exit ${tsc.status})`);
  if (tsc.status !== 0) console.warn(`  tsc exited ${tsc.status}: benchmarking the emitted JavaScript anyway`);
  cpSync('src/db/migrations', path.join(outDir, 'db/migrations'), { recursive: true });
  // src/version.ts reads ../package.json relative to itself.
  cpSync('package.json', path.join(BUILD_ROOT, 'package.json'));
  // Like `npm run build:server`: ship the migrated PGlite template next to the migrations when the build has that step.
  const template = path.join(outDir, 'cli/build-template.js');
  const shipsTemplate = existsSync(template);
  if (shipsTemplate) {
    const made = spawnSync(process.execPath, [template], { stdio: 'inherit' });
    if (made.status !== 0) throw new Error(`building the PGlite template failed (exit ${made.status})`);
  }
  // The profile runs the unbundled modules: the same code, with each function's package still in its file name.
  copyFileSync(path.join(outDir, 'main.js'), path.join(outDir, 'main.unbundled.js'));
  const bundled = bundleIfShipped('.', outDir);
  return {
    entry: { label: `node dist/main.js (${bundled ? 'bundled' : 'compiled'})`, args: [path.join(outDir, 'main.js')] },
    profileEntry: { label: 'node dist/main.unbundled.js (compiled, not bundled)', args: [path.join(outDir, 'main.unbundled.js')] },
    buildMs: performance.now() - started, typeErrors: tsc.status !== 0, template: shipsTemplate };
}

/**
 * Like `npm run build:server` in a tree whose build bundles the server (tools/build/bundle-server.ts): replace the
 * compiled main.js in `outDir` with the bundle, so the benchmark runs what ships. A tree without that step is left compiled.
 */
export function bundleIfShipped(tree: string, outDir: string): boolean {
  const script = path.join(tree, 'tools/build/bundle-server.ts');
  if (!existsSync(script)) return false;
  const made = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: tree, env: { ...process.env, BUNDLE_OUTDIR: path.resolve(outDir) }, stdio: 'inherit' });
  if (made.status !== 0) throw new Error(`${tree}: bundling the server failed (exit ${made.status})`);
  return true;
}
