import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database } from './client.js';

const current = new AsyncLocalStorage<Database>();

/**
 * A handle whose queries join the transaction `inTransaction` opened in the caller's async context, and run
 * on `db` otherwise. Domain services take this handle, so code that calls them (an MCP tool run by a chat
 * turn) can make their writes and its own one atomic without threading a transaction through every layer.
 */
export function joinAmbientTransactions(db: Database): Database {
  return new Proxy(db, { get: (target, property) => Reflect.get(current.getStore() ?? target, property) });
}

/**
 * Run `fn` in one transaction that every query made through a joined handle within `fn` takes part in;
 * nested calls become savepoints. `db` must be the handle the joined ones wrap.
 */
export function inTransaction<T>(db: Database, fn: () => Promise<T>): Promise<T> {
  return (current.getStore() ?? db).transaction((tx) => current.run(tx as unknown as Database, fn));
}
