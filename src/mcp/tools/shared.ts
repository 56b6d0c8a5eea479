import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { dueSchema, priorityEnumSchema, remindersSchema, repeatSchema, tagsSchema, taskIdSchema } from '../../domain/tasks/fields.js';
import type { CompletedTask } from '../../domain/tasks/service.js';
import type { ChangeSource } from '../../domain/index.js';
import type { ToolRequest, ToolWork } from '../tool-work.js';
import { isDatabaseUnavailable } from '../../db/errors.js';
import { AppError } from '../../errors.js';

/** What every tool is bound to: the authenticated caller and the way its calls reach the task domain. */
export interface ToolContext {
  readonly user: { readonly id: string };
  readonly work: ToolWork;
  /** The client's name (from its initialize, or what the transport knows), recorded with each change. */
  readonly clientName: () => string | undefined;
  /** Which changes `undo` takes back: the caller's own source (external MCP clients undo only MCP changes), or any. */
  readonly undoScope?: ChangeSource;
  /** Called with failures that are not the caller's fault (bugs, outages); must not write to stdout. */
  readonly reportError: (error: unknown, tool: string) => void;
}

/** A task id as the model sends it: the user's task number. */
export const taskIdArgSchema = taskIdSchema.describe('The id of the task, as returned by add_task or list_tasks');

/** A due date argument: the domain reads it in the user's time zone. */
export const dueArgSchema = dueSchema.describe(
  'When it is due: "YYYY-MM-DD" for a day, "YYYY-MM-DDTHH:mm" for a local time, or English like "tomorrow 5pm"',
);

/** A priority argument. */
export const priorityArgSchema = priorityEnumSchema.describe('Priority');

/** A tags argument (replaces the task's tags). */
export const tagsArgSchema = tagsSchema.describe('Short lowercase words, e.g. ["work", "health"]');

/** A reminders argument (replaces the task's reminders). */
export const remindersArgSchema = remindersSchema.describe(
  'When to remind the user: [{"at": "YYYY-MM-DDTHH:mm"}] at a local time, or [{"minutes_before": 30}] before the due time (0: at it); replaces the list, [] removes them',
);

/** The reminders a task result shows: {at} with the user's offset, or {minutes_before}. */
export const remindersOutSchema = z.array(z.union([z.object({ at: z.string() }), z.object({ minutes_before: z.number() })]));

/** The confirmation preview_bulk_change returned, for a delete or completion past the bulk limit. */
export const confirmationArgSchema = z
  .string()
  .max(2000)
  .describe('Only past the bulk limit: the confirmation preview_bulk_change returned, after the user agreed in a later message');

/** The request a change runs under: the SDK's handler extra, and the client's name for the journal. */
export function changeRequest(ctx: ToolContext, extra: ToolRequest): ToolRequest {
  return { _meta: extra._meta, client: ctx.clientName() };
}

/** A repeat rule argument. */
export const repeatArgSchema = repeatSchema.describe(
  'Repeat rule: daily, weekdays, weekly, "weekly on mon,thu", monthly, yearly, or "every N days|weeks|months"',
);

/** The result of the tools that change one task: `{task_id, status, title}` plus its details. */
export function taskChangeSchema<S extends string>(status: S) {
  return z.object({
    task_id: z.int().positive().describe('The id of the task'),
    status: z.literal(status),
    title: z.string().describe('The title of the task'),
    due_at: z.string().nullable().optional().describe('"YYYY-MM-DD" or an ISO date-time with the user\'s offset'),
    priority: priorityEnumSchema.nullable().optional(),
    tags: z.array(z.string()).optional(),
    repeat: z.string().nullable().optional(),
    reminders: remindersOutSchema.optional(),
    next_task_id: z.int().positive().optional().describe('For a repeating task: the id of its next occurrence'),
    next_due_at: z.string().nullable().optional().describe('For a repeating task: when the next occurrence is due'),
  });
}

/**
 * The input schema of a tool: the given fields, no others.
 *
 * The model sees `additionalProperties: false` and no `user_id`. The object is parsed loosely so that extra
 * keys reach the check below instead of being silently stripped: a `user_id` equal to the bound caller is
 * tolerated (older clients send it), any other `user_id` or unknown field fails validation.
 */
export function toolInput<Shape extends z.ZodRawShape>(shape: Shape, user: { readonly id: string }) {
  return z
    .looseObject(shape)
    .superRefine((args, ctx) => {
      for (const [key, value] of Object.entries(args)) {
        if (Object.hasOwn(shape, key)) continue;
        if (key === 'user_id') {
          if (value !== user.id) {
            ctx.addIssue({
              code: 'custom',
              path: ['user_id'],
              message: 'user_id does not match the authenticated user: omit it, the tools always act for the signed-in caller',
            });
          }
          continue;
        }
        ctx.addIssue({ code: 'custom', path: [key], message: `Unknown argument "${key}"` });
      }
    })
    .meta({ additionalProperties: false });
}

/** A successful result: structured content, and as JSON text `text` (the same object unless the contract shows another shape). */
export function jsonResult<T extends Record<string, unknown>>(structured: T, text: unknown = structured): CallToolResult & { structuredContent: T } {
  return { content: [{ type: 'text', text: JSON.stringify(text) }], structuredContent: structured };
}

/** A tool error the model can act on: the plain message, no JSON. */
export function toolError(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}

/** `{task_id, status, title, …details}` for a task that was just changed (and its next occurrence, if any). */
export function taskChange<S extends string>(task: CompletedTask, status: S) {
  return {
    task_id: task.id,
    status,
    title: task.title,
    due_at: task.due_at,
    priority: task.priority,
    tags: task.tags,
    repeat: task.repeat,
    reminders: task.reminders,
    ...(task.next_task ? { next_task_id: task.next_task.id, next_due_at: task.next_task.due_at } : {}),
  };
}

/**
 * Run a tool body, turning failures into tool results: domain errors (not found, validation) keep their
 * message; an outage or a bug is reported and answered with a message that leaks no internals.
 */
export async function runTool(ctx: ToolContext, tool: string, body: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof AppError && error.status < 500) return toolError(error.message);
    ctx.reportError(error, tool);
    if (isDatabaseUnavailable(error)) return toolError('The task database is unavailable right now; try again shortly');
    return toolError(`${tool} failed because of an internal error; it has been logged`);
  }
}
