// Runs phrasing rows black-box against a server: one already running (`url`), or servers the eval starts
// itself, one per clock the rows need (most rows share the tables' Thursday 26 Nov 2026, 23:05, Paris).
import { DEFAULT_NOW, DEFAULT_TIME_ZONE } from '../../test/engine/phrasing-helpers.js';
import type { PhrasingCase } from '../../test/engine/runner.js';
import { runHttpRow, type HttpRowResult } from './http-case.js';
import { startServer } from './server.js';
import { instantOf } from './zone.js';

/** How to run an evaluation. */
export interface EvalOptions {
  rows: readonly PhrasingCase[];
  /** A running server; without it the eval starts its own (with the clock the rows expect). */
  url?: string;
  /** Rows run at the same time against one server. */
  concurrency?: number;
  /** Called as each row finishes. */
  onResult?: (result: HttpRowResult) => void;
  /** Called once per server the eval starts. */
  onServer?: (info: { url: string; provider: string; now: Date }) => void;
}

/** Runs rows with at most `concurrency` at a time, keeping their order in the results. */
async function runAll(url: string, rows: readonly PhrasingCase[], concurrency: number, onResult?: (r: HttpRowResult) => void): Promise<HttpRowResult[]> {
  const results: HttpRowResult[] = new Array<HttpRowResult>(rows.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < rows.length) {
      const i = next++;
      const row = rows[i];
      if (!row) continue;
      const result = await runHttpRow(url, row).catch((error: unknown) => ({
        id: row.id,
        ok: false,
        problems: [`the row could not run: ${error instanceof Error ? error.message : String(error)}`],
        replies: [],
      }));
      results[i] = result;
      onResult?.(result);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return results;
}

/** Runs the rows and returns one result per row, in their order. */
export async function evaluate(options: EvalOptions): Promise<HttpRowResult[]> {
  const concurrency = options.concurrency ?? 4;
  if (options.url) return runAll(options.url.replace(/\/+$/, ''), options.rows, concurrency, options.onResult);
  const byClock = new Map<number, number[]>();
  options.rows.forEach((row, i) => {
    const at = instantOf(row.now ?? DEFAULT_NOW, row.timeZone ?? DEFAULT_TIME_ZONE).getTime();
    byClock.set(at, [...(byClock.get(at) ?? []), i]);
  });
  const results: HttpRowResult[] = [];
  for (const [at, indices] of byClock) {
    const server = await startServer(new Date(at));
    try {
      options.onServer?.({ url: server.url, provider: server.provider, now: new Date(at) });
      const done = await runAll(server.url, indices.map((i) => options.rows[i]).filter((r) => r !== undefined), concurrency, options.onResult);
      indices.forEach((rowIndex, k) => {
        const result = done[k];
        if (result) results[rowIndex] = result;
      });
    } finally {
      await server.stop();
    }
  }
  return options.rows.map((row, i) => results[i] ?? { id: row.id, ok: false, problems: ['not run'], replies: [] });
}
