// Makes sure dist/ is a build of the current src/ before a test runs the built server or CLI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LOCK = path.join(ROOT, '.dist-build.lock');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

function isStale(built: string): boolean {
  return !existsSync(built) || newest(path.join(ROOT, 'src')) > statSync(built).mtimeMs;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `npm run build:server` when `file` (relative to the repository) is missing or older than src/ (one builder at a time). */
export async function ensureServerBuild(file: string): Promise<string> {
  const built = path.join(ROOT, file);
  for (let waited = 0; isStale(built); waited += 500) {
    try {
      mkdirSync(LOCK); // atomic: test files running in parallel build once
    } catch {
      // Another test file is building; a lock older than ten minutes was left by a crashed run.
      if (waited > 600_000) rmSync(LOCK, { recursive: true, force: true });
      await sleep(500);
      continue;
    }
    try {
      if (!isStale(built)) break;
      const result = spawnSync('npm', ['run', '--silent', 'build:server'], { cwd: ROOT, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`npm run build:server failed:\n${result.stdout}\n${result.stderr}`);
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
  return built;
}
