import type { Database } from '../db/client.js';
import { createConversationService } from './conversations.js';
import { createSettingsService } from './settings.js';
import { createTaskService } from './tasks/service.js';
import { createUserService } from './users.js';

/** Every domain service, bound to one database handle: the pool, or one open transaction. */
export function createDomain(db: Database, options: { now?: () => Date } = {}) {
  const settings = createSettingsService(db);
  return {
    settings,
    tasks: createTaskService(db, { settings, now: options.now }),
    conversations: createConversationService(db),
    users: createUserService(db),
  };
}

export type Domain = ReturnType<typeof createDomain>;

/**
 * Run `work` with the domain bound to one transaction: everything it does commits together, or nothing does.
 * Services built on the pool must not be used inside it (the embedded database has one connection: a query on
 * the pool would wait for the transaction to end).
 */
export type UnitOfWork = <T>(work: (domain: Domain) => Promise<T>) => Promise<T>;
