import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, describe, test } from 'node:test';
import { createLogger, logFileStream } from '../../src/observability/logger.js';

/** The text of every file in `dir`, oldest rotation first. */
function filesIn(dir: string): { name: string; text: string }[] {
  return readdirSync(dir)
    .sort((a, b) => Number(/\.(\d+)\.log$/.exec(a)?.[1]) - Number(/\.(\d+)\.log$/.exec(b)?.[1]))
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
}

/** Resolve once `check` holds: the file transport writes from pino's worker thread. */
async function eventually(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`never happened: ${what}`);
}

describe('LOG_FILE: the same redacted JSON lines in a file, rotated by size with a retention count', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'todo-logs-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('lines go to stdout and the file alike, secrets redacted in both; old files beyond the count are removed', async (t) => {
    const stdout: string[] = [];
    const file = logFileStream({ path: path.join(dir, 'app.log'), size: '1k', frequency: 'daily', keep: 2 });
    t.after(() => file.end());
    const logger = createLogger({
      level: 'info',
      version: 'v',
      environment: 'test',
      destination: new Writable({ write: (chunk: Buffer, _e, cb) => (stdout.push(...chunk.toString().split('\n').filter(Boolean)), cb()) }),
      file,
    });
    logger.info({ password: 'hunter2-secret', headers: { authorization: 'Bearer abc.def.ghi' } }, 'signing in');
    // Batches of ~1.5 KB, each waited for: the file rolls over at 1 KB, once per batch.
    for (let batch = 0; batch < 6; batch++) {
      for (let i = batch * 10; i < batch * 10 + 10; i++) logger.info({ i, padding: 'x'.repeat(60) }, `line ${i}`);
      const last = `"msg":"line ${batch * 10 + 9}"`;
      await eventually(() => filesIn(dir).some((f) => f.text.includes(last)), `${last} reached the file`);
    }
    const files = filesIn(dir);
    assert.ok(files.length >= 2 && files.length <= 3, `rotated, keeping 2 old files besides the current one: ${files.map((f) => f.name).join(', ')}`);
    assert.ok(files.every((f) => /^app\.\d{4}-\d{2}-\d{2}\.\d+\.log$/.test(f.name)), files.map((f) => f.name).join(', '));
    const written = files.flatMap((f) => f.text.split('\n').filter(Boolean));
    for (const line of written) assert.ok(stdout.includes(line), `a file line that stdout did not get: ${line}`);
    assert.ok(stdout.some((l) => l.includes('hunter2')) === false && written.every((l) => !l.includes('hunter2') && !l.includes('abc.def.ghi')));
    assert.ok(!written.some((l) => l.includes('"msg":"line 0"')), 'the oldest lines were rotated away');
  });

  test('a LOG_FILE the process cannot write stops start-up with one line naming the variable', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: path.join(dir, 'data'), LOG_FILE: '/etc/hostname/logs/app.log' },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.resume();
    assert.equal(await new Promise<number | null>((resolve) => child.once('exit', resolve)), 1);
    assert.match(stderr, /^Configuration error: LOG_FILE cannot be written \(.+\); pick a writable path or unset it\n$/);
  });
});
