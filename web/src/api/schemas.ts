// Shapes of the server's JSON, checked at the edge so the UI never renders a guess.
import * as z from 'zod/mini';

/** A task's priority. */
export const prioritySchema = z.enum(['high', 'medium', 'low']);
/** A task's priority. */
export type Priority = z.infer<typeof prioritySchema>;

/** A reminder: at an instant, or some minutes before the task's due time (0: at it). */
export const reminderSchema = z.union([z.object({ at: z.string() }), z.object({ minutes_before: z.number() })]);
/** A reminder on a task. */
export type Reminder = z.infer<typeof reminderSchema>;

/** A task as the REST API returns it; the detail fields are optional so an older server still parses. */
export const taskSchema = z.object({
  id: z.number(),
  title: z.string(),
  description: z.optional(z.nullable(z.string())),
  completed: z.boolean(),
  created_at: z.string(),
  updated_at: z.optional(z.string()),
  /** "2026-11-27" (a day) or an ISO date-time with the user's offset. */
  due_at: z.optional(z.nullable(z.string())),
  priority: z.optional(z.nullable(prioritySchema)),
  tags: z.optional(z.array(z.string())),
  /** The canonical repeat rule, e.g. "weekly on mon,thu". */
  repeat: z.optional(z.nullable(z.string())),
  overdue: z.optional(z.boolean()),
  reminders: z.optional(z.array(reminderSchema)),
});
/** A task as the REST API returns it. */
export type Task = z.infer<typeof taskSchema>;

/** A conversation in the sidebar. */
export const conversationSchema = z.object({
  id: z.number(),
  title: z.optional(z.nullable(z.string())),
  created_at: z.string(),
  updated_at: z.optional(z.string()),
});
/** A conversation in the sidebar. */
export type Conversation = z.infer<typeof conversationSchema>;

/** One MCP tool call made during a chat turn. */
export const toolCallSchema = z.object({
  name: z.string(),
  arguments: z.optional(z.unknown()),
  result: z.optional(z.unknown()),
});
/** One MCP tool call made during a chat turn. */
export type ToolCall = z.infer<typeof toolCallSchema>;

/** The change group of a reply whose turn changed tasks, and whether it was undone since. */
export const messageChangeSchema = z.object({ id: z.string(), undone: z.boolean() });
/** The change group of a reply whose turn changed tasks. */
export type MessageChange = z.infer<typeof messageChangeSchema>;

/** A stored message of a conversation. */
export const messageSchema = z.object({
  id: z.union([z.number(), z.string()]),
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  tool_calls: z.optional(z.nullable(z.array(toolCallSchema))),
  change_group: z.optional(z.nullable(messageChangeSchema)),
  created_at: z.string(),
});
/** A stored message of a conversation. */
export type StoredMessage = z.infer<typeof messageSchema>;

/** The full result of a chat turn (JSON body, or the SSE `done` frame). */
export const chatResultSchema = z.object({
  conversation_id: z.number(),
  response: z.string(),
  tool_calls: z.array(toolCallSchema),
  /** Present when the turn changed tasks: POST /undo {group_id} takes them all back. */
  change_group: z.optional(z.nullable(z.string())),
});
/** The full result of a chat turn. */
export type ChatResult = z.infer<typeof chatResultSchema>;

/** The server's error body. */
export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

/** The SSE `delta` frame. */
export const deltaSchema = z.object({ text: z.string() });

/** A task update's answer: completing a repeating task also names the next occurrence. */
export const taskUpdateSchema = z.extend(taskSchema, {
  next_task_id: z.optional(z.nullable(z.number())),
  next_due_at: z.optional(z.nullable(z.string())),
});

/** A task as quick add understood a line: exactly the fields `POST /api/{user_id}/tasks` takes. */
export const taskDraftSchema = z.object({
  title: z.string(),
  description: z.nullable(z.string()),
  /** "YYYY-MM-DD" or a local "YYYY-MM-DDTHH:mm" in the user's time zone. */
  due_at: z.nullable(z.string()),
  priority: z.nullable(prioritySchema),
  tags: z.array(z.string()),
  repeat: z.nullable(z.string()),
});
/** A task as quick add understood a line. */
export type TaskDraft = z.infer<typeof taskDraftSchema>;

/** `POST /api/{user_id}/tasks/parse`: the tasks a line describes (several for a list, none without a title). */
export const quickAddParseSchema = z.object({ tasks: z.array(taskDraftSchema) });

/** The token endpoint's answer. */
export const tokenSchema = z.object({ token: z.string() });

/** The parts of a tool result the chips read. */
export const toolResultSchema = z.object({
  task_id: z.optional(z.number()),
  title: z.optional(z.string()),
  status: z.optional(z.string()),
  error: z.optional(z.string()),
});

/** What a journaled change did to a task. */
export const changeOpSchema = z.enum(['create', 'update', 'complete', 'reopen', 'delete', 'restore']);
/** What a journaled change did to a task. */
export type ChangeOp = z.infer<typeof changeOpSchema>;

/** One change to a task from `GET /api/{user_id}/activity`. */
export const activityEntrySchema = z.object({
  id: z.number(),
  group_id: z.string(),
  op: changeOpSchema,
  task_id: z.number(),
  title: z.string(),
  /** The fields an update set, `{field: {from, to}}`. */
  changes: z.record(z.string(), z.object({ from: z.optional(z.unknown()), to: z.optional(z.unknown()) })),
  /** Where it came from: "chat", "web", "rest", "mcp" (a newer server may add more). */
  source: z.string(),
  client: z.optional(z.nullable(z.string())),
  created_at: z.string(),
  undone: z.boolean(),
  /** The group this change undid, when an undo made it. */
  undoes: z.optional(z.nullable(z.string())),
});
/** One change to a task. */
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

const undoneChangeSchema = z.object({ task_id: z.number(), op: z.string(), title: z.string() });

/** `POST /api/{user_id}/undo`: what came back, what was left alone and why, and a sentence saying so. */
export const undoResultSchema = z.object({
  group_id: z.string(),
  undone: z.array(undoneChangeSchema),
  skipped: z.array(z.extend(undoneChangeSchema, { reason: z.string() })),
  message: z.string(),
});
/** What an undo did. */
export type UndoResult = z.infer<typeof undoResultSchema>;

/** A task in "Recently deleted", with when it was deleted and when it will be purged for good. */
export const trashedTaskSchema = z.extend(taskSchema, { deleted_at: z.string(), purge_at: z.string() });
/** A task in "Recently deleted". */
export type TrashedTask = z.infer<typeof trashedTaskSchema>;
