// The per-query hook: every statement a driver runs is timed, first byte sent to result parsed, and reported with
// its text. Both drivers are wrapped where the app's queries pass (a pg client's `query`, PGlite's `query`/`exec`
// and the transaction object it hands out), so one hook sees what the pool, the transactions and migrations send.
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';

/** Called when a statement ends (succeeded or failed) with its SQL text and how long it took. */
export type QueryHook = (sql: string, seconds: number) => void;

/** What a statement is, as a bounded label: select, insert, update, delete, with, begin, commit, rollback, savepoint, other. */
export function operationOf(sql: string): string {
  const word = /^\s*([a-z]+)/i.exec(sql)?.[1]?.toLowerCase();
  if (word === 'release') return 'savepoint';
  return word && OPERATIONS.has(word) ? word : 'other';
}

const OPERATIONS = new Set(['select', 'insert', 'update', 'delete', 'with', 'begin', 'commit', 'rollback', 'savepoint']);

/** Time every query a `pg` client runs (promise or callback style, as pg-pool calls it). */
export function timePgClient(client: pg.PoolClient, hook: QueryHook): void {
  wrapMethod(client, 'query', (args, call) => {
    const started = performance.now();
    const done = () => hook(textOf(args[0]), (performance.now() - started) / 1000);
    const last = args.at(-1);
    if (typeof last === 'function') {
      return call([...args.slice(0, -1), (...results: unknown[]) => (done(), Reflect.apply(last, undefined, results))]);
    }
    return settle(call(args), done);
  });
}

/** Time every statement PGlite runs for the app, inside its transactions too. */
export function timePglite(client: PGlite, hook: QueryHook): void {
  timePgliteQueries(client, hook);
  wrapMethod(client, 'transaction', (args, call) => {
    const work = args[0];
    if (typeof work !== 'function') return call(args);
    return call([(tx: Transaction) => (timePgliteQueries(tx, hook), Reflect.apply(work, undefined, [tx]))]);
  });
}

function timePgliteQueries(target: PGlite | Transaction, hook: QueryHook): void {
  for (const method of ['query', 'exec'] as const) {
    wrapMethod(target, method, (args, call) => {
      const started = performance.now();
      return settle(call(args), () => hook(textOf(args[0]), (performance.now() - started) / 1000));
    });
  }
}

/** Replace `target[name]` by `wrapper`, which gets the arguments and a way to call the original with some. */
function wrapMethod(target: object, name: string, wrapper: (args: unknown[], call: (args: unknown[]) => unknown) => unknown): void {
  const original: unknown = Reflect.get(target, name);
  if (typeof original !== 'function') return;
  Reflect.set(target, name, (...args: unknown[]) => wrapper(args, (callArgs) => Reflect.apply(original, target, callArgs)));
}

/** Run `done` when `result` (a promise, or a plain value) settles, and hand the result on unchanged. */
function settle(result: unknown, done: () => void): unknown {
  if (result instanceof Promise) {
    result.then(done, done);
    return result;
  }
  done();
  return result;
}

function textOf(query: unknown): string {
  if (typeof query === 'string') return query;
  const text: unknown = query && typeof query === 'object' ? Reflect.get(query, 'text') : undefined;
  return typeof text === 'string' ? text : '';
}
