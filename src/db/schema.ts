import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';

/** A reminder as a task keeps it: at an instant (ISO), or some minutes before the task is due. */
export type ReminderRule = { at: string } | { minutes_before: number };

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

// Better Auth's OAuth provider (the authorization server for remote MCP connectors). Property names are the
// plugin's field names; its `string[]` fields are text arrays and its `json` fields jsonb (the drizzle adapter's pg mapping).
const oauthTime = (name: string) => timestamp(name, { withTimezone: true });

/** OAuth clients (connectors), registered dynamically (RFC 7591) or by an operator. */
export const oauthClient = pgTable(
  'oauth_client',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id').notNull().unique(),
    clientSecret: text('client_secret'),
    clientDiscoveryId: text('client_discovery_id'),
    disabled: boolean('disabled').default(false),
    skipConsent: boolean('skip_consent'),
    enableEndSession: boolean('enable_end_session'),
    subjectType: text('subject_type'),
    scopes: text('scopes').array(),
    clientCredentialsScopes: text('client_credentials_scopes').array().default(sql`'{}'::text[]`),
    userId: text('user_id').references(() => user.id, { onDelete: 'cascade' }),
    createdAt: oauthTime('created_at'),
    updatedAt: oauthTime('updated_at'),
    name: text('name'),
    uri: text('uri'),
    icon: text('icon'),
    contacts: text('contacts').array(),
    tos: text('tos'),
    policy: text('policy'),
    softwareId: text('software_id'),
    softwareVersion: text('software_version'),
    softwareStatement: text('software_statement'),
    redirectUris: text('redirect_uris').array().notNull(),
    postLogoutRedirectUris: text('post_logout_redirect_uris').array(),
    backchannelLogoutUri: text('backchannel_logout_uri'),
    backchannelLogoutSessionRequired: boolean('backchannel_logout_session_required'),
    tokenEndpointAuthMethod: text('token_endpoint_auth_method'),
    applicationType: text('application_type'),
    jwks: text('jwks'),
    jwksUri: text('jwks_uri'),
    grantTypes: text('grant_types').array(),
    responseTypes: text('response_types').array(),
    requirePKCE: boolean('require_pkce'),
    dpopBoundAccessTokens: boolean('dpop_bound_access_tokens').default(false),
    referenceId: text('reference_id'),
    metadata: jsonb('metadata'),
  },
  (t) => [index('oauth_client_user_id_idx').on(t.userId)],
);

/** Protected resources the authorization server issues tokens for (RFC 8707): here only `${PUBLIC_URL}/mcp`. */
export const oauthResource = pgTable('oauth_resource', {
  id: text('id').primaryKey(),
  identifier: text('identifier').notNull().unique(),
  name: text('name').notNull(),
  accessTokenTtl: integer('access_token_ttl'),
  refreshTokenTtl: integer('refresh_token_ttl'),
  signingAlgorithm: text('signing_algorithm'),
  signingKeyId: text('signing_key_id'),
  allowedScopes: text('allowed_scopes').array(),
  customClaims: jsonb('custom_claims'),
  dpopBoundAccessTokensRequired: boolean('dpop_bound_access_tokens_required').default(false),
  disabled: boolean('disabled').default(false),
  createdAt: oauthTime('created_at'),
  updatedAt: oauthTime('updated_at'),
  policyVersion: integer('policy_version').default(1),
  metadata: jsonb('metadata'),
});

/** Which clients may ask for which resource. */
export const oauthClientResource = pgTable(
  'oauth_client_resource',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => oauthClient.clientId, { onDelete: 'cascade' }),
    resourceId: text('resource_id')
      .notNull()
      .references(() => oauthResource.identifier, { onDelete: 'cascade' }),
    metadata: jsonb('metadata'),
    createdAt: oauthTime('created_at'),
  },
  (t) => [
    index('oauth_client_resource_client_id_idx').on(t.clientId),
    index('oauth_client_resource_resource_id_idx').on(t.resourceId),
    uniqueIndex('oauth_client_resource_client_resource_idx').on(t.clientId, t.resourceId),
  ],
);

/** Refresh tokens (stored hashed), rotated on every use. */
export const oauthRefreshToken = pgTable(
  'oauth_refresh_token',
  {
    id: text('id').primaryKey(),
    token: text('token').notNull().unique(),
    clientId: text('client_id')
      .notNull()
      .references(() => oauthClient.clientId, { onDelete: 'cascade' }),
    sessionId: text('session_id').references(() => session.id, { onDelete: 'set null' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    referenceId: text('reference_id'),
    authorizationCodeId: text('authorization_code_id'),
    resources: text('resources').array(),
    requestedUserInfoClaims: text('requested_user_info_claims').array(),
    expiresAt: oauthTime('expires_at'),
    createdAt: oauthTime('created_at'),
    revoked: oauthTime('revoked'),
    rotatedAt: oauthTime('rotated_at'),
    rotationReplayResponse: text('rotation_replay_response'),
    rotationReplayExpiresAt: oauthTime('rotation_replay_expires_at'),
    authTime: oauthTime('auth_time'),
    confirmation: jsonb('confirmation'),
    scopes: text('scopes').array().notNull(),
  },
  (t) => [
    index('oauth_refresh_token_client_id_idx').on(t.clientId),
    index('oauth_refresh_token_session_id_idx').on(t.sessionId),
    index('oauth_refresh_token_user_id_idx').on(t.userId),
    index('oauth_refresh_token_authorization_code_id_idx').on(t.authorizationCodeId),
  ],
);

/** Opaque access tokens (issued when no resource is named; tokens for /mcp are JWTs and not stored). */
export const oauthAccessToken = pgTable(
  'oauth_access_token',
  {
    id: text('id').primaryKey(),
    token: text('token').unique(),
    clientId: text('client_id')
      .notNull()
      .references(() => oauthClient.clientId, { onDelete: 'cascade' }),
    sessionId: text('session_id').references(() => session.id, { onDelete: 'set null' }),
    userId: text('user_id').references(() => user.id, { onDelete: 'cascade' }),
    referenceId: text('reference_id'),
    authorizationCodeId: text('authorization_code_id'),
    resources: text('resources').array(),
    requestedUserInfoClaims: text('requested_user_info_claims').array(),
    refreshId: text('refresh_id').references(() => oauthRefreshToken.id, { onDelete: 'cascade' }),
    expiresAt: oauthTime('expires_at'),
    createdAt: oauthTime('created_at'),
    revoked: oauthTime('revoked'),
    confirmation: jsonb('confirmation'),
    scopes: text('scopes').array().notNull(),
  },
  (t) => [
    index('oauth_access_token_client_id_idx').on(t.clientId),
    index('oauth_access_token_session_id_idx').on(t.sessionId),
    index('oauth_access_token_user_id_idx').on(t.userId),
    index('oauth_access_token_authorization_code_id_idx').on(t.authorizationCodeId),
    index('oauth_access_token_refresh_id_idx').on(t.refreshId),
  ],
);

/** A user's consent to a client: what "Connected apps" lists; deleting it cuts the client off. */
export const oauthConsent = pgTable(
  'oauth_consent',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => oauthClient.clientId, { onDelete: 'cascade' }),
    userId: text('user_id').references(() => user.id, { onDelete: 'cascade' }),
    referenceId: text('reference_id'),
    resources: text('resources').array(),
    requestedUserInfoClaims: text('requested_user_info_claims').array(),
    scopes: text('scopes').array().notNull(),
    createdAt: oauthTime('created_at'),
    updatedAt: oauthTime('updated_at'),
  },
  (t) => [index('oauth_consent_client_id_idx').on(t.clientId), index('oauth_consent_user_id_idx').on(t.userId)],
);

/** Single-use `private_key_jwt` assertion ids (replay protection). */
export const oauthClientAssertion = pgTable('oauth_client_assertion', {
  id: text('id').primaryKey(),
  expiresAt: oauthTime('expires_at').notNull(),
});


/**
 * Personal API keys (Better Auth's api-key plugin): only a SHA-256 hash of the key is stored; `configId` is the
 * key's scope (`mcp` or `rest`), `referenceId` its owner. Deleting the user deletes their keys.
 */
export const apikey = pgTable(
  'apikey',
  {
    id: text('id').primaryKey(),
    configId: text('config_id').notNull().default('default'),
    name: text('name'),
    start: text('start'),
    referenceId: text('reference_id').notNull().references(() => user.id, { onDelete: 'cascade' }),
    prefix: text('prefix'),
    key: text('key').notNull(),
    refillInterval: integer('refill_interval'),
    refillAmount: integer('refill_amount'),
    lastRefillAt: timestamp('last_refill_at', { withTimezone: true }),
    enabled: boolean('enabled').default(true),
    rateLimitEnabled: boolean('rate_limit_enabled').default(true),
    rateLimitTimeWindow: integer('rate_limit_time_window'),
    rateLimitMax: integer('rate_limit_max'),
    requestCount: integer('request_count').default(0),
    remaining: integer('remaining'),
    lastRequest: timestamp('last_request', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    permissions: text('permissions'),
    metadata: text('metadata'),
  },
  (t) => [uniqueIndex('apikey_key_idx').on(t.key), index('apikey_reference_id_idx').on(t.referenceId), index('apikey_config_id_idx').on(t.configId)],
);

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
    /** Its reminders as set: `{at}` (an ISO instant) or `{minutes_before}`; task_reminders holds when each fires. */
    reminders: jsonb('reminders').$type<ReminderRule[]>().notNull().default(sql`'[]'::jsonb`),
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
  /** The local time ("08:00") of the daily digest; null: no digest. */
  digestTime: text('digest_time'),
  /** The user's local day the last digest was written for: claimed before writing, so it is written once. */
  lastDigestOn: date('last_digest_on', { mode: 'string' }),
  /** Where reminders are also POSTed (ntfy, a Slack-compatible hook, any URL); null: no webhook. */
  webhookUrl: text('webhook_url'),
  /** The key the webhook body is signed with (HMAC-SHA256), made when the URL is set. */
  webhookSecret: text('webhook_secret'),
  /** Reminders are also e-mailed (when the server has SMTP_URL). */
  emailNotifications: boolean('email_notifications').notNull().default(false),
  updatedAt: updatedAt(),
});

/**
 * When a task's reminders fire: one row per reminder of a live, pending task, rewritten whenever the task changes
 * (a moved due moves it, completing or deleting removes it, undo brings it back). A delivered row stays, so the
 * same reminder of the same occurrence never fires twice.
 */
export const taskReminders = pgTable(
  'task_reminders',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: text('user_id').notNull(),
    taskId: integer('task_id').notNull(),
    /** Which of the task's reminders (its place in tasks.reminders). */
    position: integer('position').notNull(),
    fireAt: timestamp('fire_at', { withTimezone: true }).notNull(),
    /** A scheduler instance holds it until then while delivering (several instances: each reminder once). */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ name: 'task_reminders_task_fk', columns: [t.userId, t.taskId], foreignColumns: [tasks.userId, tasks.id] }).onDelete('cascade'),
    // One row per rule and time: rescheduling the same reminder of the same occurrence is a no-op once delivered.
    uniqueIndex('task_reminders_rule_idx').on(t.userId, t.taskId, t.position, t.fireAt),
    // The scheduler's question: what is due to fire and not delivered yet.
    index('task_reminders_due_idx').on(t.fireAt).where(sql`${t.deliveredAt} is null`),
  ],
);

/** What a user was notified of: a reminder that fired, or a daily digest. */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: text('user_id').notNull().references(() => user.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['reminder', 'digest'] }).notNull(),
    /** The task a reminder was for (kept when the task is later purged: the notification still says what it was). */
    taskId: integer('task_id'),
    reminderId: bigint('reminder_id', { mode: 'number' }),
    title: text('title').notNull(),
    body: text('body'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    fireAt: timestamp('fire_at', { withTimezone: true }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }).notNull().defaultNow(),
    /** Delivered well after it was due (the server was down, or busy). */
    late: boolean('late').notNull().default(false),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.id), check('notifications_kind_check', sql`${t.kind} in ('reminder', 'digest')`)],
);

/** Each notification's delivery to each outside channel (Web Push, webhook, e-mail): retried with backoff, results kept. */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    notificationId: bigint('notification_id', { mode: 'number' }).notNull().references(() => notifications.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    channel: text('channel', { enum: ['push', 'webhook', 'email'] }).notNull(),
    status: text('status', { enum: ['pending', 'sent', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    lastError: text('last_error'),
    updatedAt: updatedAt(),
  },
  (t) => [index('notification_deliveries_pending_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`)],
);

/** A browser's Web Push subscription (one per browser a user allowed notifications in). */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: text('user_id').notNull().references(() => user.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint').notNull(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('push_subscriptions_endpoint_idx').on(t.endpoint), index('push_subscriptions_user_idx').on(t.userId)],
);

/** A chat thread of one user. */
export const conversations = pgTable(
  'conversations',
  {
    id: serial('id').primaryKey(),
    userId: text('user_id').notNull().references(() => user.id, { onDelete: 'cascade' }),
    title: varchar('title', { length: 200 }).notNull().default('New conversation'),
    /** The title is still the placeholder, waiting for the first request to summarise (false once set or renamed). */
    titleAuto: boolean('title_auto').notNull().default(false),
    /** "digest" for the conversation the daily digest is written in; null for a chat the user started. */
    kind: text('kind'),
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

export const schema = {
  user,
  session,
  account,
  verification,
  jwks,
  oauthClient,
  oauthResource,
  oauthClientResource,
  oauthRefreshToken,
  oauthAccessToken,
  oauthConsent,
  oauthClientAssertion,
  apikey,
  tasks,
  taskNumbers,
  taskChanges,
  userSettings,
  taskReminders,
  notifications,
  notificationDeliveries,
  pushSubscriptions,
  conversations,
  messages,
};
