// Every field of a task, written once: the REST bodies and query, the MCP tool inputs and the domain's own
// types are all built from these schemas, so a title is trimmed, a priority read and a tag checked the same way
// whoever sends it.
import { z } from 'zod';
import { PRIORITIES } from '../../db/schema.js';
import { idSchema, textSchema } from '../validation.js';

export { PRIORITIES };
export type Priority = (typeof PRIORITIES)[number];

const PRIORITY_WORDS: Record<string, Priority> = {
  high: 'high', p1: 'high', '1': 'high', urgent: 'high', important: 'high',
  medium: 'medium', p2: 'medium', '2': 'medium', normal: 'medium',
  low: 'low', p3: 'low', '3': 'low',
};

const TAG = /^[a-z0-9_-]{1,32}$/;

/** A task id: the user's own task number, a positive 32-bit integer. */
export const taskIdSchema = z
  .int({ error: 'must be a positive integer' })
  .positive('must be a positive integer')
  .max(2_147_483_647, 'is too large');

/** A task id in a URL path: the same number, written as text. */
export const taskIdParamSchema = idSchema;

/** A task title: trimmed, 1–500 characters. */
export const titleSchema = textSchema().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters');

/** A task description: trimmed, at most 5,000 characters; empty or null clears it. */
export const descriptionSchema = textSchema('must be a string or null')
  .trim()
  .max(5000, 'must be at most 5000 characters')
  .nullable()
  .transform((v) => (v === '' ? null : v));

/** A priority as the tools advertise it: high, medium or low. */
export const priorityEnumSchema = z.enum(PRIORITIES, { error: 'must be high, medium or low' });

/** A priority as people type it: high, medium or low, also p1/p2/p3, 1/2/3, urgent, normal. */
export const prioritySchema = textSchema('must be high, medium or low')
  .trim()
  .toLowerCase()
  .refine((v) => v in PRIORITY_WORDS, 'must be high, medium or low')
  .transform((v) => PRIORITY_WORDS[v]!);

/** Tags: short lowercase words (a leading # is dropped), at most 10, sorted and unique. */
export const tagsSchema = z
  .array(textSchema('must be strings').trim().toLowerCase().transform((t) => t.replace(/^#/, '')), { error: 'must be an array of words' })
  .max(10, 'must have at most 10 tags')
  .refine((tags) => tags.every((t) => TAG.test(t)), 'must be words of 1–32 letters, digits, - or _')
  .transform((tags) => [...new Set(tags)].sort());

/** A single tag filter. */
export const tagSchema = textSchema('must be a word')
  .trim()
  .toLowerCase()
  .transform((t) => t.replace(/^#/, ''))
  .refine((t) => TAG.test(t), 'must be a word of 1–32 letters, digits, - or _');

/** A due date as sent by clients (a date, a date-time, or English); read in the user's time zone by the service. */
export const dueSchema = textSchema('must be a date string or null').trim().min(1, 'must not be empty').max(100, 'is too long');

/** A repeat rule as sent by clients ("weekly", "every monday"); read by the calendar's repeat grammar. */
export const repeatSchema = textSchema('must be a rule such as "weekly" or null').trim().min(1, 'must not be empty').max(60, 'is too long');

/** Which tasks a list shows. */
export const statusSchema = z.enum(['all', 'pending', 'completed'], { error: 'must be one of all, pending, completed' });
export type TaskStatus = z.infer<typeof statusSchema>;

/** A list's order. */
export const sortSchema = z.enum(['created', 'due', 'priority', 'title'], { error: 'must be one of created, due, priority, title' });

/** Words the title or description contains. */
export const querySchema = textSchema().trim().max(200, 'must be at most 200 characters');

/** How many tasks a list returns at most. */
export const limitSchema = z.int({ error: 'must be an integer' }).min(1, 'must be at least 1').max(1000, 'must be at most 1000');

/** How many tasks a list skips. */
export const offsetSchema = z.int({ error: 'must be an integer' }).min(0, 'must not be negative');

/** true/false from JSON or a query string. */
export const flagSchema = z.union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')], {
  error: 'must be true or false',
});

/** One reminder as clients send it: `{at}` (a date-time, read in the user's zone) or `{minutes_before}` the due time (0: at it). */
export const reminderSchema = z.union(
  [
    z.strictObject({ at: textSchema('must be a date-time').trim().min(1, 'must not be empty').max(100, 'is too long') }),
    z.strictObject({ minutes_before: z.int({ error: 'must be a whole number of minutes' }).min(0, 'must not be negative').max(525_600, 'must be at most a year') }),
  ],
  { error: 'must be {"at": "<date-time>"} or {"minutes_before": <minutes>}' },
);

/** A task's reminders: replaces them all; null or [] removes them. */
export const remindersSchema = z.array(reminderSchema, { error: 'must be an array of reminders' }).max(10, 'must have at most 10 reminders');

const details = {
  due_at: dueSchema.nullable().optional(),
  reminders: remindersSchema.nullable().optional(),
  priority: prioritySchema.nullable().optional(),
  tags: tagsSchema.nullable().optional(),
  repeat: repeatSchema.nullable().optional(),
};

/** A new task (POST /tasks, add_task). */
export const newTaskSchema = z.strictObject({ title: titleSchema, description: descriptionSchema.optional(), ...details });
export type NewTask = z.output<typeof newTaskSchema>;
export type NewTaskInput = z.input<typeof newTaskSchema>;

/** Changes to a task (PUT /tasks/{id}, update_task): at least one field. */
export const taskChangesSchema = z
  .strictObject({
    title: titleSchema.optional(),
    description: descriptionSchema.optional(),
    completed: z.boolean({ error: 'must be true or false' }).optional(),
    ...details,
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    message: 'must contain at least one of title, description, completed, due_at, priority, tags, repeat, reminders',
  });
export type TaskChanges = z.output<typeof taskChangesSchema>;
export type TaskChangesInput = z.input<typeof taskChangesSchema>;

/** Filters and order of a list (GET /tasks query, list_tasks arguments). */
export const listOptionsSchema = z.object({
  status: statusSchema.optional(),
  due_before: dueSchema.optional(),
  due_after: dueSchema.optional(),
  overdue: flagSchema.optional(),
  priority: prioritySchema.optional(),
  tag: tagSchema.optional(),
  query: querySchema.optional(),
  sort: sortSchema.optional(),
  limit: limitSchema.optional(),
  offset: offsetSchema.optional(),
});
export type ListOptions = z.output<typeof listOptionsSchema>;
export type ListOptionsInput = z.input<typeof listOptionsSchema>;

/** The GET /tasks query: the list options as query-string text, `q` for `query`, status `all` by default. */
export const listQuerySchema = listOptionsSchema
  .extend({
    status: statusSchema.default('all'),
    limit: z.coerce.number({ error: 'must be a number' }).pipe(limitSchema).optional(),
    offset: z.coerce.number({ error: 'must be a number' }).pipe(offsetSchema).optional(),
    q: querySchema.optional(),
  })
  .transform(({ q, query, ...options }): ListOptions => ({ ...options, query: query ?? q }));
