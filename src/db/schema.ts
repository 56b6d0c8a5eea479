import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, varchar } from 'drizzle-orm/pg-core';

/** A task's priorities, most urgent first: the column's values (the domain's fields build on them). */
export const PRIORITIES = ['high', 'medium', 'low'] as const;

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

// Better Auth's tables (user, session, account, verification, jwks). Property names are the
// field names Better Auth uses; columns are snake_case like the rest of the schema.

/** Better Auth users. */
export const user = pgTable('user', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  emailVerified: boolean('email_verified').notNull().default(false),
  image: text('image'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Better Auth sessions (the bearer/cookie session a JWT is minted from). */
export const session = pgTable(
  'session',
  {
    id: text('id').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    token: text('token').notNull().unique(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    userId: text('user_id').notNull().references(() => user.id, { onDelete: 'cascade' }),
  },
  (t) => [index('session_user_id_idx').on(t.userId)],
);

/** Better Auth accounts (the email+password credential lives here). */
export const account = pgTable(
  'account',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id').notNull().references(() => user.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
    refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
    scope: text('scope'),
    password: text('password'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('account_user_id_idx').on(t.userId)],
);

/** Better Auth verification tokens. */
export const verification = pgTable(
  'verification',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('verification_identifier_idx').on(t.identifier)],
);

/** Signing keys of Better Auth's JWT plugin (private key encrypted with the auth secret). */
export const jwks = pgTable('jwks', {
  id: text('id').primaryKey(),
  publicKey: text('public_key').notNull(),
  privateKey: text('private_key').notNull(),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  alg: text('alg'),
  crv: text('crv'),
});

/** A user's todo items. `id` is the user's own task number (1, 2, 3… per user, never reused): the key is (user_id, id). */
export const tasks = pgTable(
  'tasks',
  {
    userId: text('user_id').notNull().references(() => user.id, { onDelete: 'cascade' }),
    id: integer('id').notNull(),
    title: varchar('title', { length: 500 }).notNull(),
    description: text('description'),
    completed: boolean('completed').notNull().default(false),
    /** The instant it is due; for a date without a time, the start of that day in the user's time zone. */
    dueAt: timestamp('due_at', { withTimezone: true }),
    dueAllDay: boolean('due_all_day').notNull().default(false),
    priority: text('priority', { enum: PRIORITIES }),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** Canonical repeat rule (see domain/repeat.ts), or null. */
    repeat: text('repeat'),
    /** When it was moved to "Recently deleted" (purged 30 days later); null for a live task. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The user comes first in every key and index: one user's rows sit together, and a table sharded by user keeps working.
    primaryKey({ name: 'tasks_pkey', columns: [t.userId, t.id] }),
    // Serves every per-user list by status (user_id, completed, id), newest first.
    index('tasks_user_completed_id_idx').on(t.userId, t.completed, t.id),
    // Due-date filters and sorts (overdue, this week, sort=due) within one user's tasks.
    index('tasks_user_due_idx').on(t.userId, t.dueAt),
    index('tasks_tags_idx').using('gin', t.tags),
    // The purge of tasks deleted more than 30 days ago, across users.
    index('tasks_deleted_at_idx').on(t.deletedAt).where(sql`${t.deletedAt} is not null`),
    check('tasks_description_length', sql`char_length(${t.description}) <= 5000`),
    check('tasks_priority_check', sql`${t.priority} in (${sql.raw(PRIORITIES.map((p) => `'${p}'`).join(', '))})`),
  ],
);

/** The last task number each user was given: the next add takes the one after it, so numbers are never reused. */
export const taskNumbers = pgTable('task_numbers', {
  userId: text('user_id').primaryKey().references(() => user.id, { onDelete: 'cascade' }),
  lastId: integer('last_id').notNull(),
});

/** The kinds of change the journal records. */
export const CHANGE_OPS = ['create', 'update', 'complete', 'reopen', 'delete', 'restore'] as const;

/** Where a change came from. */
export const CHANGE_SOURCES = ['chat', 'web', 'rest', 'mcp'] as const;

/**
 * The change journal: one row per task change, written in the same transaction as the change. A group is one
 * chat turn, one REST call or one MCP call; undo works a group at a time.
 */
export const taskChanges = pgTable(
  'task_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: text('user_id').notNull().references(() => user.id, { onDelete: 'cascade' }),
    groupId: text('group_id').notNull(),
    taskId: integer('task_id').notNull(),
    op: text('op', { enum: CHANGE_OPS }).notNull(),
    /** The task's restorable fields before and after the change (null before a create). */
    before: jsonb('before'),
    after: jsonb('after').notNull(),
    source: text('source', { enum: CHANGE_SOURCES }).notNull(),
    /** The MCP client's name, when the change came through MCP. */
    client: text('client'),
    /** The group this change undid, when it was made by an undo. */
    undoes: text('undoes'),
    /** When its group was undone; null while it stands. */
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('task_changes_user_id_idx').on(t.userId, t.id),
    index('task_changes_group_idx').on(t.groupId),
    check('task_changes_op_check', sql`${t.op} in (${sql.raw(CHANGE_OPS.map((p) => `'${p}'`).join(', '))})`),
    check('task_changes_source_check', sql`${t.source} in (${sql.raw(CHANGE_SOURCES.map((p) => `'${p}'`).join(', '))})`),
  ],
);

/** Per-user preferences: the time zone dates are read in, and the locale they are written in. */
export const userSettings = pgTable('user_settings', {
  userId: text('user_id').primaryKey().references(() => user.id, { onDelete: 'cascade' }),
  timeZone: text('time_zone').notNull().default('UTC'),
  /** A BCP 47 tag (e.g. "en-GB") for how dates are written; null until a browser sends one. */
  locale: text('locale'),
  updatedAt: updatedAt(),
});

/** A chat thread of one user. */
export const conversations = pgTable(
  'conversations',
  {
    id: serial('id').primaryKey(),
    userId: text('user_id').notNull().references(() => user.id, { onDelete: 'cascade' }),
    title: varchar('title', { length: 200 }).notNull().default('New conversation'),
    /** The title is still the placeholder, waiting for the first request to summarise (false once set or renamed). */
    titleAuto: boolean('title_auto').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('conversations_user_updated_idx').on(t.userId, t.updatedAt, t.id)],
);

/** One stored chat message; assistant messages carry the tool calls they made. */
export const messages = pgTable(
  'messages',
  {
    id: serial('id').primaryKey(),
    conversationId: integer('conversation_id').notNull().references(() => conversations.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => user.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['user', 'assistant'] }).notNull(),
    content: text('content').notNull(),
    toolCalls: jsonb('tool_calls'),
    /** The change group of the turn this reply belongs to (its Undo button), when the turn changed tasks. */
    changeGroup: text('change_group'),
    createdAt: createdAt(),
  },
  (t) => [
    index('messages_conversation_id_idx').on(t.conversationId, t.id),
    check('messages_role_check', sql`${t.role} in ('user', 'assistant')`),
  ],
);

export const schema = { user, session, account, verification, jwks, tasks, taskNumbers, taskChanges, userSettings, conversations, messages };
