import { randomUUID } from 'node:crypto';
import type { Database } from '../db/client.js';
import { createConversationService } from './conversations.js';
import { createNotificationService } from './notifications.js';
import { createSettingsService } from './settings.js';
import type { Confirmations } from './tasks/confirmations.js';
import { dueBound } from './tasks/due.js';
import { createJournal, type ActivityEntry, type ChangeContext } from './tasks/journal.js';
import { createTaskService } from './tasks/service.js';
import { createTrash } from './tasks/trash.js';
import { undoGroup, type UndoTarget } from './tasks/undo.js';
import { createUserService } from './users.js';

export type { ChangeContext, ChangeSource } from './tasks/journal.js';
export { GroupTally } from './tasks/journal.js';

export interface DomainOptions {
  now?: () => Date;
  /** Issues and checks the confirmations bulk deletes and completions need (the runtime's key). */
  confirmations: Confirmations;
  /** The change group and source every task change is journaled under (a chat turn, a REST or MCP call). */
  change?: ChangeContext;
}

/** Every domain service, bound to one database handle (the pool, or one open transaction) and one change context. */
export function createDomain(db: Database, options: DomainOptions) {
  const { now, change, confirmations } = options;
  const settings = createSettingsService(db, change?.zone);
  return {
    settings,
    tasks: createTaskService(db, { settings, now, change, confirmations }),
    trash: createTrash(db, { settings, now, change }),
    /** The user's change journal, newest first; `since` is a day or time in the user's zone ("today", "2026-12-01"). */
    async activity(userId: string, page: { limit: number; before?: number; since?: string }): Promise<ActivityEntry[]> {
      const timeZone = await settings.timeZone(userId);
      const since = page.since ? dueBound(page.since, timeZone, (now ?? (() => new Date()))(), 'since').start : undefined;
      return createJournal(db).activity(userId, { limit: page.limit, before: page.before, since, timeZone });
    },
    /** Undo a group of the user's changes (the latest standing one unless named); the undo is journaled under this context. */
    undo: (userId: string, target?: UndoTarget) => undoGroup(db, userId, change ?? { group: randomUUID(), source: 'rest' }, target),
    conversations: createConversationService(db),
    notifications: createNotificationService(db),
    users: createUserService(db),
  };
}

export type Domain = ReturnType<typeof createDomain>;

/**
 * Run `work` with the domain bound to one transaction and one change group: everything it does commits together,
 * or nothing does. Services built on the pool must not be used inside it (the embedded database has one
 * connection: a query on the pool would wait for the transaction to end).
 */
export type UnitOfWork = <T>(change: ChangeContext, work: (domain: Domain) => Promise<T>) => Promise<T>;
