import { CheckFailed, SmokeClient } from './client.js';
import { newContext, smokeChecks, type SmokeLimits } from './checks.js';
import { deleteSmokeUser, type CleanupOutcome } from './session.js';

/** One row of the smoke table. */
export interface CheckResult {
  n: number;
  title: string;
  ok: boolean;
  ms: number;
  detail: string;
}

/** Everything a smoke run found, and how its users were cleaned up. */
export interface SmokeReport {
  url: string;
  results: CheckResult[];
  cleanup: { outcome: CleanupOutcome; detail: string }[];
  /** True when every check passed and cleanup did not fail. */
  ok: boolean;
}

export interface SmokeOptions extends SmokeLimits {
  url: string;
  /** The Origin header for auth requests: the server's PUBLIC_URL (defaults to the URL's origin). */
  origin?: string;
  /** Per-request timeout. */
  timeoutMs: number;
}

/** Run the twelve checks against a deployment, in order, then delete the users the run created. */
export async function runSmoke(options: SmokeOptions): Promise<SmokeReport> {
  const base = new URL(options.url);
  const client = new SmokeClient(base.toString(), options.origin ?? base.origin, options.timeoutMs);
  const ctx = newContext(client, options);
  const results: CheckResult[] = [];
  const checks = smokeChecks(options);
  for (const [index, check] of checks.entries()) {
    const started = performance.now();
    let ok = true;
    let detail: string;
    try {
      detail = await check.run(ctx);
    } catch (error) {
      ok = false;
      detail = error instanceof CheckFailed ? error.message : `error: ${error instanceof Error ? error.message : String(error)}`;
    }
    results.push({ n: index + 1, title: check.title, ok, ms: performance.now() - started, detail });
  }
  const cleanup: SmokeReport['cleanup'] = [];
  for (const user of ctx.users) {
    try {
      cleanup.push(await deleteSmokeUser(client, user));
    } catch (error) {
      cleanup.push({ outcome: 'failed', detail: `${user.email}: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  const ok = results.every((r) => r.ok) && cleanup.every((c) => c.outcome !== 'failed');
  return { url: base.toString(), results, cleanup, ok };
}

/** The pass/fail table, one check a line, then a summary and the cleanup. */
export function formatReport(report: SmokeReport): string {
  const width = Math.max(...report.results.map((r) => r.title.length), 5);
  const header = ` #  ${'check'.padEnd(width)}  result  ${'time'.padStart(8)}  detail`;
  const rows = report.results.map(
    (r) => `${String(r.n).padStart(2)}  ${r.title.padEnd(width)}  ${(r.ok ? 'PASS' : 'FAIL').padEnd(6)}  ${`${Math.round(r.ms)} ms`.padStart(8)}  ${r.detail}`,
  );
  const passed = report.results.filter((r) => r.ok).length;
  const lines = [`Smoke test of ${report.url}`, header, '-'.repeat(header.length + 20), ...rows, ''];
  lines.push(`Result: ${passed} of ${report.results.length} checks passed${passed === report.results.length ? '' : ` (${report.results.length - passed} FAILED)`}`);
  for (const c of report.cleanup) lines.push(`Cleanup: ${c.outcome} - ${c.detail}`);
  if (report.cleanup.length === 0) lines.push('Cleanup: no user was created');
  return lines.join('\n');
}
