// Pass rates per category for the everyday tables, shared by the engine test and the black-box eval
// tool (pure: no engine, no database).
import { categoryOf } from './helpers.js';

/** Passed and total rows of one category. */
export interface Tally {
  category: string;
  passed: number;
  total: number;
}

/** Groups row results by the category in their id, in first-seen order, with an "overall" line last. */
export function tally(results: readonly { id: string; ok: boolean }[]): Tally[] {
  const by = new Map<string, Tally>();
  for (const r of results) {
    const name = categoryOf(r.id);
    const t = by.get(name) ?? { category: name, passed: 0, total: 0 };
    t.total += 1;
    if (r.ok) t.passed += 1;
    by.set(name, t);
  }
  const rows = [...by.values()];
  rows.push({ category: 'overall', passed: rows.reduce((n, t) => n + t.passed, 0), total: rows.reduce((n, t) => n + t.total, 0) });
  return rows;
}

/** A tally as a fixed-width table, one category a line ("polite   21/25  84.0%"). */
export function formatTally(rows: readonly Tally[], describe: Record<string, string> = {}): string {
  const width = Math.max(10, ...rows.map((t) => t.category.length));
  return rows
    .map((t) => {
      const rate = t.total === 0 ? 0 : (t.passed / t.total) * 100;
      const about = describe[t.category] ? `  ${describe[t.category]}` : '';
      return `${t.category.padEnd(width)} ${`${t.passed}/${t.total}`.padStart(7)} ${`${rate.toFixed(1)}%`.padStart(7)}${about}`;
    })
    .join('\n');
}
