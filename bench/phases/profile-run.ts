// Profile the server (node --cpu-prof) while it runs the workload behind the largest gap to a target.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { freePort } from '../../test/helpers/test-app.js';
import { summarizeProfile, type ProfileSummary } from '../lib/profile.js';
import { Conversation, mixedUser, rotatingListProbe, turnKinds } from '../lib/scenarios.js';
import { startServer, type Entry } from '../lib/server-process.js';
import type { Target } from '../lib/target.js';
import { closedLoop, type VirtualUser } from '../lib/workload.js';

/** What load to profile under. */
export type Workload = 'mixed turns, 8 users' | 'list at many tasks' | 'list at long history' | 'health' | 'start-up';

function usersFor(target: Target, workload: Workload): VirtualUser[] {
  if (workload === 'mixed turns, 8 users') return target.users.loop.slice(0, 8).map((u, i) => mixedUser(target.api, u, 7000 + i));
  if (workload === 'list at many tasks') {
    const conversation = new Conversation(target.api, target.users.tasksLarge);
    return [async () => (await conversation.turn(turnKinds.list.message(), turnKinds.list.expect)).ms];
  }
  if (workload === 'list at long history') return [rotatingListProbe(target.api, target.users.historyLarge, target.historyConversations.large)];
  return [async () => (await target.api.health()).ms];
}

// Load applied after start-up before the profile window opens (JIT warm-up, first key load, pools filled).
const WARMUP_MS = 1500;

/**
 * Restart `target` under --cpu-prof (as `entry`, default its own build), apply the workload for `durationMs` after
 * a warm-up, stop it and summarise that window.
 */
export async function profileWorkload(target: Target, workload: Workload, durationMs: number, entry: Entry = target.spec.entry): Promise<ProfileSummary> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-prof-'));
  const flags = ['--cpu-prof', `--cpu-prof-dir=${dir}`];
  try {
    let skipMs = 0;
    if (workload === 'start-up') {
      const data = mkdtempSync(path.join(os.tmpdir(), 'bench-prof-data-'));
      try {
        const server = await startServer({ ...target.spec, entry, port: await freePort(), dataDir: data, secret: randomBytes(32).toString('base64'), nodeFlags: flags });
        await server.stop();
      } finally {
        rmSync(data, { recursive: true, force: true });
      }
    } else {
      const server = await target.restart(flags, entry);
      await closedLoop(usersFor(target, workload), durationMs, WARMUP_MS);
      await server.stop();
      skipMs = server.startupMs + WARMUP_MS;
    }
    const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error('the server wrote no .cpuprofile (did it exit cleanly?)');
    return summarizeProfile(path.join(dir, file), skipMs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
