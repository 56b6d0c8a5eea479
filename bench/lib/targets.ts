// The project's performance targets, checked against one run's figures. `gap` is how far off a target is
// (measured / allowed, or wanted / measured for a minimum): ≤ 1 meets it; the largest gap is profiled.
import type { Workload } from '../phases/profile-run.js';
import type { Results, Row } from './results.js';
import { fmt, quantile } from './stats.js';

/** One target with its measured value. */
export interface TargetCheck {
  target: string;
  measured: string;
  gap: number;
  workload: Workload;
}

const median = (row: Row | undefined, key: string): number => row?.cells[key]?.median ?? Number.NaN;

/** Median turns/s over the rounds at a concurrency. */
export function throughputAt(results: Results, driver: string, users: number): { median: number; min: number; max: number } {
  const rates = (results.throughput.find((t) => t.driver === driver && t.users === users)?.rounds ?? []).map((r) => r.perSecond).sort((a, b) => a - b);
  return { median: quantile(rates, 0.5), min: rates[0] ?? Number.NaN, max: rates.at(-1) ?? Number.NaN };
}

/** Check every target on `driver` (Postgres when benchmarked, else PGlite). */
export function checkTargets(results: Results, driver: string): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const kinds = results.latency;
  const turnMedians = kinds.map((row) => median(row, driver));
  checks.push({
    target: `turn median ≤ 10 ms (${driver})`,
    measured: kinds.map((row, i) => `${row.label.split(' (')[0]}: ${fmt(turnMedians[i]!)} ms`).join('; '),
    gap: Math.max(...turnMedians) / 10,
    workload: 'mixed turns, 8 users',
  });
  if (kinds.some((row) => row.cells.floor)) {
    const ratios = kinds.map((row) => median(row, 'Postgres') / median(row, 'floor'));
    checks.push({
      target: 'turn ≤ 3× the floor (Postgres)',
      measured: kinds.map((row, i) => `${row.label.split(' (')[0]}: ${fmt(ratios[i]!)}×`).join('; '),
      gap: Math.max(...ratios) / 3,
      workload: 'mixed turns, 8 users',
    });
  }
  const at8 = throughputAt(results, driver, 8);
  checks.push({ target: `≥ 150 turns/s at 8 users (${driver})`, measured: `${fmt(at8.median)} turns/s`, gap: 150 / at8.median, workload: 'mixed turns, 8 users' });
  const byId = (id: string) => results.growth.find((row) => row.id === id);
  const [history, windowFull, list, complete] = ['history', 'history-window', 'tasks-list', 'tasks-complete'].map(byId);
  const growth = (row: Row | undefined) => median(row, `${driver} large`) / median(row, `${driver} small`);
  checks.push({
    target: '≤ 1.25× history growth (10 → 2,000 prior messages)',
    measured: `${fmt(growth(history))}× (${fmt(growth(windowFull))}× from a full window, 40 → 2,000)`,
    gap: growth(history) / 1.25,
    workload: 'list at long history',
  });
  const taskGrowth = Math.max(growth(list), growth(complete));
  checks.push({
    target: '≤ 1.5× task-count growth',
    measured: `list ${fmt(growth(list))}×, complete by name ${fmt(growth(complete))}×`,
    gap: taskGrowth / 1.5,
    workload: 'list at many tasks',
  });
  const health = median(results.endpoints[0], driver);
  checks.push({ target: `/health ≤ 5 ms (${driver})`, measured: `${fmt(health)} ms`, gap: health / 5, workload: 'health' });
  const compiled = results.startup.filter((row) => row.label.startsWith('node dist/main.js'));
  const worst = compiled.reduce<Row | undefined>((a, b) => (median(b, 'start-up') > median(a, 'start-up') || !a ? b : a), undefined);
  checks.push({
    target: 'start-up ≤ 3 s',
    measured: compiled.map((row) => `${row.label.replace(/^.*?, /, '')}: ${fmt(median(row, 'start-up') / 1000)} s`).join('; '),
    gap: median(worst, 'start-up') / 3000,
    workload: 'start-up',
  });
  const rssLines: string[] = [];
  let rssGap = 0;
  for (const [name, samples] of Object.entries(results.rss)) {
    // Sample 0 is the idle server; the rest run from the soak's start to its end. RSS saw-tooths with GC, so
    // "flat" compares the medians of the soak's first and second halves.
    const soakSamples = samples.slice(1);
    const half = Math.floor(soakSamples.length / 2);
    const mid = (xs: typeof samples) => quantile(xs.map((x) => x.mb).sort((a, b) => a - b), 0.5);
    const first = mid(soakSamples.slice(0, half));
    const second = mid(soakSamples.slice(half));
    const last = samples.at(-1);
    if (!last || !Number.isFinite(first)) continue;
    const peak = Math.max(...samples.map((x) => x.mb));
    const drift = (second - first) / first;
    rssLines.push(`${name}: idle ${fmt(samples[0]!.mb)} MB, ${fmt(last.mb)} MB after ${last.turns} turns (peak ${fmt(peak)}; second half vs first ${drift >= 0 ? '+' : ''}${fmt(drift * 100)}%)`);
    rssGap = Math.max(rssGap, last.mb / 200, drift > 0.1 ? 1 + drift : 0);
  }
  checks.push({ target: 'RSS ≤ 200 MB and flat', measured: rssLines.join('; ') || 'not measured', gap: rssGap || Number.NaN, workload: 'mixed turns, 8 users' });
  return checks;
}

/** The check furthest from its target (NaN gaps ignored). */
export function largestGap(checks: TargetCheck[]): TargetCheck | undefined {
  return checks.filter((c) => Number.isFinite(c.gap)).sort((a, b) => b.gap - a.gap)[0];
}
