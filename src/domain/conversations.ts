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

    /** Store one message and mark the conversation active. */
    async append(
      userId: string,
      conversationId: number,
      message: { role: 'user' | 'assistant'; content: string; toolCalls?: ToolCallRecord[]; changeGroup?: string | null },
    ): Promise<Message> {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(messages)
          .values({
            conversationId,
            userId,
            role: message.role,
            content: message.content,
            toolCalls: message.toolCalls?.length ? message.toolCalls : null,
            changeGroup: message.changeGroup ?? null,
          })
          .returning();
        await tx.update(conversations).set({ updatedAt: sql`now()` }).where(eq(conversations.id, conversationId));
        return toMessage(row!);
      });
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
