// Summarise a V8 .cpuprofile (node --cpu-prof): self time per function, per package, and the project's own
// functions by inclusive time.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const profileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
      children: z.array(z.number()).optional(),
    }),
  ),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});

/** One aggregated line of a profile. */
export interface Frame {
  name: string;
  ms: number;
  share: number;
}

/** The parts of a profile the report shows. */
export interface ProfileSummary {
  totalMs: number;
  /** Share of samples where the process was idle (waiting on I/O). */
  idleShare: number;
  selfTop: Frame[];
  packages: Frame[];
  ownInclusive: Frame[];
  /** For the busiest packages: the nearest caller outside the package, by the self time spent below it. */
  callers: Array<{ pkg: string; frames: Frame[] }>;
}

/** Where a frame's code lives: an npm package, a project directory, node internals, or V8 itself. */
export function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  // The benchmark's compiled copy of src/ lives under node_modules/.cache/todo-chatbot-bench/dist.
  const own = /todo-chatbot-bench\/dist\/([^/]+)/.exec(url)?.[1] ?? (url.includes('/node_modules/') ? undefined : /\/src\/([^/]+)/.exec(url)?.[1]);
  if (own) return `src/${own}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.startsWith('node:')) return 'node:internal';
  return url.split('/').slice(-2).join('/');
}

function label(frame: { functionName: string; url: string; lineNumber: number }): string {
  const url = frame.url.replace(/^file:\/\//, '');
  const file = url.includes('todo-chatbot-bench/dist/')
    ? url.replace(/^.*todo-chatbot-bench\/dist\//, 'src/')
    : url.includes('/node_modules/') ? url.replace(/^.*node_modules\//, '') : url.replace(/^.*\/src\//, 'src/');
  return `${frame.functionName || '(anonymous)'} ${file ? `${file}:${frame.lineNumber + 1}` : ''}`.trim();
}

function top(map: Map<string, number>, total: number, count: number): Frame[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => ({ name, ms: us / 1000, share: us / total }));
}

/** Read and summarise a .cpuprofile file, ignoring the first `skipMs` (start-up and warm-up). */
export function summarizeProfile(file: string, skipMs = 0): ProfileSummary {
  const profile = profileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  let elapsedUs = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    elapsedUs += delta;
    if (elapsedUs >= skipMs * 1000) selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const idle = [...selfUs.entries()].filter(([id]) => byId.get(id)?.callFrame.functionName === '(idle)').reduce((a, [, us]) => a + us, 0);

  const selfByFrame = new Map<string, number>();
  const selfByPackage = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)') continue;
    selfByFrame.set(label(frame), (selfByFrame.get(label(frame)) ?? 0) + us);
    const pkg = packageOf(frame.url, frame.functionName);
    selfByPackage.set(pkg, (selfByPackage.get(pkg) ?? 0) + us);
  }

  // Inclusive time of the project's own functions, counting a recursive function once per stack.
  const inclusive = new Map<string, number>();
  const totals = new Map<number, number>();
  const totalOf = (id: number): number => {
    const cached = totals.get(id);
    if (cached !== undefined) return cached;
    const node = byId.get(id);
    const sum = (selfUs.get(id) ?? 0) + (node?.children ?? []).reduce((acc, child) => acc + totalOf(child), 0);
    totals.set(id, sum);
    return sum;
  };
  const walk = (id: number, onStack: Set<string>) => {
    const node = byId.get(id);
    if (!node) return;
    const key = label(node.callFrame);
    const own = packageOf(node.callFrame.url, node.callFrame.functionName).startsWith('src/');
    const counted = own && !onStack.has(key);
    if (counted) inclusive.set(key, (inclusive.get(key) ?? 0) + totalOf(id));
    if (counted) onStack.add(key);
    for (const child of node.children ?? []) walk(child, onStack);
    if (counted) onStack.delete(key);
  };
  const root = profile.nodes[0];
  if (root) walk(root.id, new Set());

  const busy = total - idle;
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const pkgOf = (id: number) => {
    const frame = byId.get(id)?.callFrame;
    return frame ? packageOf(frame.url, frame.functionName) : '';
  };
  const callers = top(selfByPackage, busy, 12)
    .filter((f) => !f.name.startsWith('(') && !f.name.startsWith('node:') && !f.name.startsWith('src/'))
    .slice(0, 3)
    .map(({ name: pkg }) => {
      const byCaller = new Map<string, number>();
      for (const [id, us] of selfUs) {
        if (pkgOf(id) !== pkg) continue;
        let cursor = parents.get(id);
        while (cursor !== undefined && pkgOf(cursor) === pkg) cursor = parents.get(cursor);
        const frame = cursor === undefined ? undefined : byId.get(cursor)?.callFrame;
        const key = frame ? `${packageOf(frame.url, frame.functionName)}: ${label(frame)}` : '(root)';
        byCaller.set(key, (byCaller.get(key) ?? 0) + us);
      }
      return { pkg, frames: top(byCaller, busy, 4) };
    });
  return {
    totalMs: total / 1000,
    idleShare: total ? idle / total : 0,
    selfTop: top(selfByFrame, busy, 15),
    packages: top(selfByPackage, busy, 12),
    ownInclusive: top(inclusive, busy, 12),
    callers,
  };
}
