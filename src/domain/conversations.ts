import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { conversations, messages, taskChanges } from '../db/schema.js';
import { AppError } from '../errors.js';
import { parseInput, textSchema } from './validation.js';

/** One tool call an assistant message made, as stored and as the chat API returns it. */
export interface ToolCallRecord {
  name: string;
  arguments: Record<string, unknown>;
  result: unknown;
}

export interface Conversation {
  id: number;
  title: string;
  created_at: string;
  updated_at: string;
}

export interface Message {
  id: number;
  role: 'user' | 'assistant';
  content: string;
  tool_calls?: ToolCallRecord[];
  /** The change group of the turn this reply ended, when it changed tasks, and whether it was undone since. */
  change_group?: { id: string; undone: boolean };
  created_at: string;
}

export const conversationTitleSchema = textSchema()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');

const renameSchema = z.strictObject({ title: conversationTitleSchema });
const toolCallsSchema = z.array(z.object({ name: z.string(), arguments: z.record(z.string(), z.unknown()), result: z.unknown() }));

type ConversationRow = typeof conversations.$inferSelect;
type MessageRow = typeof messages.$inferSelect;

function toConversation(row: ConversationRow): Conversation {
  return { id: row.id, title: row.title, created_at: row.createdAt.toISOString(), updated_at: row.updatedAt.toISOString() };
}

function toMessage(row: MessageRow, undoneGroups: ReadonlySet<string> = new Set()): Message {
  const parsed = toolCallsSchema.safeParse(row.toolCalls);
  return {
    id: row.id,
    role: row.role,
    content: row.content,
    ...(parsed.success && parsed.data.length ? { tool_calls: parsed.data } : {}),
    ...(row.changeGroup ? { change_group: { id: row.changeGroup, undone: undoneGroups.has(row.changeGroup) } } : {}),
    created_at: row.createdAt.toISOString(),
  };
}

/** Of these change groups of the user, the ones that were undone. */
async function undoneGroupsOf(db: Database, userId: string, groups: string[]): Promise<Set<string>> {
  if (!groups.length) return new Set();
  const rows = await db
    .selectDistinct({ group: taskChanges.groupId })
    .from(taskChanges)
    .where(and(eq(taskChanges.userId, userId), inArray(taskChanges.groupId, groups), isNotNull(taskChanges.undoneAt)));
  return new Set(rows.map((row) => row.group));
}

/** What a chat turn starts from, read (and its user message stored) in one statement: see `openTurn`. */
export interface OpenedTurn {
  conversation: Conversation;
  /** The latest messages before the one just stored, oldest first. */
  history: Message[];
  /** The user's zone and locale as stored (UTC and null until set). */
  timeZone: string;
  locale: string | null;
}

/** A message row as `row_to_json` writes it. */
const storedMessageSchema = z.object({
  id: z.number(),
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  tool_calls: z.unknown(),
  change_group: z.string().nullable(),
  created_at: z.string(),
});

const turnRowSchema = z.object({
  conversation: z.object({ id: z.number(), title: z.string(), created_at: z.string(), updated_at: z.string() }).nullable(),
  settings: z.object({ time_zone: z.string(), locale: z.string().nullable() }).nullable(),
  history: z.array(storedMessageSchema),
});

/** A json column as the driver hands it over: parsed already (pg) or as text. */
const jsonValue = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

/** The first row of a raw `execute` result (both drivers answer `{ rows: [...] }`), or an empty one. */
function firstRow(result: unknown): Record<string, unknown> {
  const rows: unknown = result && typeof result === 'object' && 'rows' in result ? result.rows : undefined;
  const row: unknown = Array.isArray(rows) ? rows[0] : undefined;
  return row && typeof row === 'object' ? { ...row } : {};
}

function notFound(id: number): AppError {
  return new AppError('NOT_FOUND', `Conversation ${id} not found`);
}

/** Conversations and their messages, always scoped to one user. */
export function createConversationService(db: Database) {
  async function requireOwned(userId: string, id: number): Promise<ConversationRow> {
    const [row] = await db.select().from(conversations).where(and(eq(conversations.userId, userId), eq(conversations.id, id)));
    if (!row) throw notFound(id);
    return row;
  }

  return {
    /** The user's conversations, most recently active first. */
    async list(userId: string): Promise<Conversation[]> {
      const rows = await db
        .select()
        .from(conversations)
        .where(eq(conversations.userId, userId))
        .orderBy(desc(conversations.updatedAt), desc(conversations.id))
        .limit(500);
      return rows.map(toConversation);
    },

    /** One conversation of the user, or NOT_FOUND (also for another user's). */
    async get(userId: string, id: number): Promise<Conversation> {
      return toConversation(await requireOwned(userId, id));
    },

    /** The user's "Daily digest" conversation, created the first time (the digest writes there; replies work like any chat). */
    async digest(userId: string): Promise<Conversation> {
      const [found] = await db
        .select()
        .from(conversations)
        .where(and(eq(conversations.userId, userId), eq(conversations.kind, 'digest')))
        .limit(1);
      if (found) return toConversation(found);
      const [row] = await db.insert(conversations).values({ userId, title: 'Daily digest', kind: 'digest' }).returning();
      return toConversation(row!);
    },

    /** Start a conversation with a placeholder title, which its first request will replace (see `retitle`). */
    async create(userId: string, placeholder: string): Promise<Conversation> {
      const [row] = await db.insert(conversations).values({ userId, title: placeholder, titleAuto: true }).returning();
      return toConversation(row!);
    },

    /** Give a conversation that still has its placeholder title this one (a summary of its first request); a title the user chose stays. */
    async retitle(userId: string, id: number, title: string): Promise<void> {
      await db
        .update(conversations)
        .set({ title: parseInput(conversationTitleSchema, title, 'title'), titleAuto: false })
        .where(and(eq(conversations.userId, userId), eq(conversations.id, id), eq(conversations.titleAuto, true)));
    },

    /** Rename a conversation; its place in the list (by last activity) does not change. */
    async rename(userId: string, id: number, input: Record<string, unknown>): Promise<Conversation> {
      const { title } = parseInput(renameSchema, input);
      const [row] = await db
        .update(conversations)
        .set({ title, titleAuto: false })
        .where(and(eq(conversations.userId, userId), eq(conversations.id, id)))
        .returning();
      if (!row) throw notFound(id);
      return toConversation(row);
    },

    /** Delete a conversation and its messages. */
    async remove(userId: string, id: number): Promise<void> {
      const deleted = await db
        .delete(conversations)
        .where(and(eq(conversations.userId, userId), eq(conversations.id, id)))
        .returning({ id: conversations.id });
      if (!deleted.length) throw notFound(id);
    },

    /** Every message of a conversation, oldest first. */
    async messages(userId: string, id: number): Promise<Message[]> {
      await requireOwned(userId, id);
      const rows = await db.select().from(messages).where(eq(messages.conversationId, id)).orderBy(messages.id);
      const undone = await undoneGroupsOf(db, userId, [...new Set(rows.flatMap((row) => (row.changeGroup ? [row.changeGroup] : [])))]);
      return rows.map((row) => toMessage(row, undone));
    },

    /**
     * Start a chat turn in one statement (one round trip): the conversation (created with `placeholder` as its
     * title when `conversationId` is absent), the user's zone and locale, the latest `window` messages, and the
     * user's `message` stored after them. A statement sees the rows as they were before it, so the window never
     * includes the message it stores. NOT_FOUND (nothing stored) for a conversation that is not the user's.
     */
    async openTurn(userId: string, input: { conversationId?: number | null; placeholder: string; window: number; message: string }): Promise<OpenedTurn> {
      const existing = input.conversationId ?? null;
      const conversation = existing
        ? sql`select id, title, created_at, updated_at from conversations where user_id = ${userId} and id = ${existing}`
        : sql`insert into conversations (user_id, title, title_auto) values (${userId}, ${input.placeholder}, true) returning id, title, created_at, updated_at`;
      // A new conversation has no history and its updated_at is already now().
      const touch = existing ? sql`, touched as (update conversations set updated_at = now() where user_id = ${userId} and id = ${existing})` : sql``;
      const result: unknown = await db.execute(sql`
        with conv as (${conversation}),
        history as (
          select id, role, content, tool_calls, change_group, created_at from messages
          where conversation_id = ${existing ?? 0} and user_id = ${userId} order by id desc limit ${Math.max(0, input.window)}
        ),
        stored as (insert into messages (conversation_id, user_id, role, content) select id, ${userId}, 'user', ${input.message} from conv returning id)
        ${touch}
        select
          (select row_to_json(conv) from conv) as conversation,
          (select json_build_object('time_zone', time_zone, 'locale', locale) from user_settings where user_id = ${userId}) as settings,
          (select coalesce(json_agg(history order by history.id), '[]'::json) from history) as history`);
      const raw = firstRow(result);
      const row = turnRowSchema.parse({ conversation: jsonValue(raw.conversation), settings: jsonValue(raw.settings), history: jsonValue(raw.history) });
      if (!row.conversation) throw notFound(existing ?? 0);
      const { id, title, created_at, updated_at } = row.conversation;
      return {
        conversation: { id, title, created_at: new Date(created_at).toISOString(), updated_at: new Date(updated_at).toISOString() },
        history: row.history.map((m) =>
          toMessage({ id: m.id, conversationId: id, userId, role: m.role, content: m.content, toolCalls: m.tool_calls, changeGroup: m.change_group, createdAt: new Date(m.created_at) }),
        ),
        timeZone: row.settings?.time_zone ?? 'UTC',
        locale: row.settings?.locale ?? null,
      };
    },

    /** The latest `size` messages, oldest first: the bounded window a chat turn reads (index on conversation_id, id). */
    async recentMessages(userId: string, id: number, size: number): Promise<Message[]> {
      if (size <= 0) return [];
      const rows = await db
        .select()
        .from(messages)
        .where(and(eq(messages.conversationId, id), eq(messages.userId, userId)))
        .orderBy(desc(messages.id))
        .limit(size);
      return rows.reverse().map((row) => toMessage(row));
    },

    /** Store one message and mark the conversation active, in one statement (atomic without a transaction of its own). */
    async append(
      userId: string,
      conversationId: number,
      message: { role: 'user' | 'assistant'; content: string; toolCalls?: ToolCallRecord[]; changeGroup?: string | null },
    ): Promise<Message> {
      const toolCalls = message.toolCalls?.length ? JSON.stringify(message.toolCalls) : null;
      const result: unknown = await db.execute(sql`
        with touched as (update conversations set updated_at = now() where id = ${conversationId}),
        stored as (
          insert into messages (conversation_id, user_id, role, content, tool_calls, change_group)
          values (${conversationId}, ${userId}, ${message.role}, ${message.content}, ${toolCalls}::jsonb, ${message.changeGroup ?? null})
          returning id, role, content, tool_calls, change_group, created_at
        )
        select row_to_json(stored) as message from stored`);
      const m = storedMessageSchema.parse(jsonValue(firstRow(result).message));
      return toMessage({ id: m.id, conversationId, userId, role: m.role, content: m.content, toolCalls: m.tool_calls, changeGroup: m.change_group, createdAt: new Date(m.created_at) });
    },

    /** Replace the text and tool calls of a message the user owns (a chat turn's reply, as the turn goes on). */
    async rewrite(userId: string, messageId: number, message: { content: string; toolCalls: ToolCallRecord[]; changeGroup?: string | null }): Promise<Message> {
      const [row] = await db
        .update(messages)
        .set({ content: message.content, toolCalls: message.toolCalls.length ? message.toolCalls : null, changeGroup: message.changeGroup ?? null })
        .where(and(eq(messages.userId, userId), eq(messages.id, messageId)))
        .returning();
      if (!row) throw new AppError('NOT_FOUND', `Message ${messageId} not found`);
      return toMessage(row);
    },
  };
}

export type ConversationService = ReturnType<typeof createConversationService>;
