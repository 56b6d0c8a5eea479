import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Database } from './client.js';

/**
 * Run `work` on services built over one transaction: `build` binds them to it, so every query they make takes
 * part. The transaction commits when `work` resolves and rolls back, whole, when it throws.
 */
export function withTransaction<S, T>(db: Database, build: (tx: Database) => S, work: (services: S) => Promise<T>): Promise<T> {
  // drizzle's transaction handle is a Database for every query the services make; its type only adds rollback().
  return db.transaction((tx) => work(build(tx)));
}

/**
 * Run `work` atomically: in a transaction of its own on the pool, or directly in the transaction `db` already is.
 * No savepoint there: two more round trips per change, and a unit of work never catches a failure and goes on
 * (it rolls back whole; the chat turn's tools throw a failed call out of theirs for the same reason).
 */
export function atomically<T>(db: Database, work: (tx: Database) => Promise<T>): Promise<T> {
  return isTransaction(db) ? work(db) : db.transaction((tx) => work(tx));
}

/** True when `db` is drizzle's handle of an open transaction (its class, whichever the driver). */
function isTransaction(db: Database): boolean {
  return db instanceof PgTransaction;
}
