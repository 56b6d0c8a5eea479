// npm run eval:nl -- [--table everyday] [--filter polite] [--url http://host:port] [--verbose]
// The phrasing tables, black-box through the HTTP API, against whatever model the server is configured
// with: the built-in engine by default, or MODEL_PROVIDER=openai with OPENAI_API_KEY (and OPENAI_BASE_URL
// for a local OpenAI-compatible server). Prints the pass rate per category.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CATEGORIES } from '../../test/engine/everyday/index.js';
import { formatTally, tally } from '../../test/engine/everyday/score.js';
import type { PhrasingCase } from '../../test/engine/runner.js';
import { evaluate } from './evaluate.js';
import { TABLES } from './tables.js';

const USAGE = `Usage: npm run eval:nl -- [options]
  --table <name>      a table to run (repeatable; default everyday): ${Object.keys(TABLES).join(', ')}
  --filter <prefix>   only rows whose id starts with this (repeatable), e.g. polite or add-
  --url <url>         a running server instead of one started here (its real clock: see --skip-dated)
  --skip-dated        leave out rows that depend on the date (for --url)
  --concurrency <n>   rows at a time (default 4)
  --min-rate <pct>    exit 1 when the overall pass rate is below this
  --json <file>       write every row's result to this file
  --verbose           print each failing row with its problems and replies
The model is the server's: MODEL_PROVIDER=local (default) or openai (OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_MODEL).`;

const DATE_WORDS = /\b(?:today|tonight|tomorrow|tmrw|yesterday|weekend|week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday|due|overdue|noon|midnight|\d{1,2}(?::\d\d)?\s*(?:am|pm)|in \d+ (?:hours?|days?))\b/i;

/** Whether a row's outcome depends on the date the server thinks it is. */
function dated(row: PhrasingCase): boolean {
  const setup = (row.setup ?? []).some((t) => typeof t !== 'string' && t.due !== undefined);
  return row.now !== undefined || setup || row.turns.some((t) => DATE_WORDS.test(t)) || JSON.stringify(row.expect).includes('"due"');
}

const { values } = parseArgs({
  options: {
    table: { type: 'string', multiple: true },
    filter: { type: 'string', multiple: true },
    url: { type: 'string' },
    'skip-dated': { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '4' },
    'min-rate': { type: 'string' },
    json: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const names = values.table ?? ['everyday'];
const unknown = names.filter((n) => !(n in TABLES));
if (unknown.length > 0) {
  console.error(`Unknown table ${unknown.join(', ')}: pick from ${Object.keys(TABLES).join(', ')}`);
  process.exit(2);
}
const filters = values.filter ?? [];
const rows = names
  .flatMap((n) => TABLES[n]?.rows() ?? [])
  .filter((row) => filters.length === 0 || filters.some((f) => row.id.startsWith(f)))
  .filter((row) => !values['skip-dated'] || !dated(row));
if (rows.length === 0) {
  console.error('No rows to run: check --table and --filter.');
  process.exit(2);
}
if (values.url && !values['skip-dated']) console.error('Note: a running server uses its real clock; rows that name dates expect Thu 26 Nov 2026 (add --skip-dated to leave them out).');

const started = performance.now();
const results = await evaluate({
  rows,
  url: values.url,
  concurrency: Number(values.concurrency),
  onServer: ({ url, provider, now }) => console.error(`server ${url}, model provider ${provider}, clock ${now.toISOString()}`),
});
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`eval:nl — ${names.join(', ')}: ${rows.length} rows in ${seconds} s`);
console.log(formatTally(tally(results), CATEGORIES));
if (values.verbose) {
  for (const r of results.filter((x) => !x.ok)) {
    const row = rows.find((x) => x.id === r.id);
    console.log(`\n${r.id}: ${r.problems.join('; ')}`);
    row?.turns.forEach((turn, i) => console.log(`  > ${turn}\n  < ${(r.replies[i] ?? '').replace(/\n/g, '\n    ')}`));
  }
}
if (values.json) writeFileSync(values.json, JSON.stringify(results, null, 2));
const passed = results.filter((r) => r.ok).length;
if (values['min-rate'] !== undefined && (passed / results.length) * 100 < Number(values['min-rate'])) process.exit(1);
