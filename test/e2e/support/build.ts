// Makes sure web/dist is a build of the current web/ sources before a browser test serves it.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WEB = path.join(ROOT, 'web');
const BUILT = path.join(WEB, 'dist', 'index.html');
const LOCK = path.join(WEB, '.dist-build.lock');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function isStale(): boolean {
  if (!existsSync(BUILT)) return true;
  const sources = Math.max(
    newestSource(path.join(WEB, 'src')),
    newestSource(path.join(WEB, 'public')), // the icons and manifest Vite copies into dist
    statSync(path.join(WEB, 'index.html')).mtimeMs,
    statSync(path.join(WEB, 'vite.config.ts')).mtimeMs,
  );
  return sources > statSync(BUILT).mtimeMs;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds the UI with Vite when web/dist is missing or older than its sources (one builder at a time). */
export async function ensureWebBuild(): Promise<void> {
  for (let waited = 0; isStale(); waited += 200) {
    try {
      mkdirSync(LOCK); // atomic: the test files running in parallel build once
    } catch {
      // Another test file is building; a lock older than a minute was left by a crashed run.
      if (waited > 60_000) rmSync(LOCK, { recursive: true, force: true });
      await sleep(200);
      continue;
    }
    try {
      if (!isStale()) return;
      const { build } = await import('vite');
      await build({ root: WEB, configFile: path.join(WEB, 'vite.config.ts'), logLevel: 'warn' });
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}
