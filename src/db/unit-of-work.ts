import type { Database } from './client.js';

/**
 * Run `work` on services built over one transaction: `build` binds them to it, so every query they make takes
 * part, and nested transactions they open become savepoints. The transaction commits when `work` resolves.
 */
export function withTransaction<S, T>(db: Database, build: (tx: Database) => S, work: (services: S) => Promise<T>): Promise<T> {
  // drizzle's transaction handle is a Database for every query the services make; its type only adds rollback().
  return db.transaction((tx) => work(build(tx)));
}
