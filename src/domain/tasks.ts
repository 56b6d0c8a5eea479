import { and, count, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { tasks } from '../db/schema.js';
import { AppError } from '../errors.js';
import { descriptionSchema, parseInput, titleSchema } from './validation.js';

/** A task as every surface (REST, MCP, chat) shows it. */
export interface Task {
  id: number;
  user_id: string;
  title: string;
  description: string | null;
  completed: boolean;
  created_at: string;
  updated_at: string;
}

export const taskStatusSchema = z.enum(['all', 'pending', 'completed'], {
  error: 'must be one of all, pending, completed',
});
export type TaskStatus = z.infer<typeof taskStatusSchema>;

export const createTaskSchema = z.strictObject({
  title: titleSchema,
  description: descriptionSchema.optional(),
});
export type CreateTaskInput = z.input<typeof createTaskSchema>;

export const updateTaskSchema = z
  .strictObject({
    title: titleSchema.optional(),
    description: descriptionSchema.optional(),
    completed: z.boolean({ error: 'must be true or false' }).optional(),
  })
  .refine((v) => v.title !== undefined || v.description !== undefined || v.completed !== undefined, {
    message: 'must contain at least one of title, description, completed',
  });
export type UpdateTaskInput = z.input<typeof updateTaskSchema>;

export interface ListOptions {
  status?: TaskStatus;
  limit?: number;
  offset?: number;
}

type Row = typeof tasks.$inferSelect;

function toTask(row: Row): Task {
  return {
    id: row.id,
    user_id: row.userId,
    title: row.title,
    description: row.description,
    completed: row.completed,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

function notFound(id: number): AppError {
  return new AppError('NOT_FOUND', `Task ${id} not found`);
}

/** Task operations, always scoped to one user: another user's task behaves exactly like a missing one. */
export function createTaskService(db: Database) {
  const owned = (userId: string, id: number) => and(eq(tasks.userId, userId), eq(tasks.id, id));

  return {
    /** The user's tasks, newest first. */
    async list(userId: string, options: ListOptions = {}): Promise<Task[]> {
      const status = options.status ?? 'all';
      const where =
        status === 'all' ? eq(tasks.userId, userId) : and(eq(tasks.userId, userId), eq(tasks.completed, status === 'completed'));
      const rows = await db
        .select()
        .from(tasks)
        .where(where)
        .orderBy(desc(tasks.id))
        .limit(options.limit ?? 1000)
        .offset(options.offset ?? 0);
      return rows.map(toTask);
    },

    /** How many tasks the user has (all, pending, completed). */
    async count(userId: string, status: TaskStatus = 'all'): Promise<number> {
      const where =
        status === 'all' ? eq(tasks.userId, userId) : and(eq(tasks.userId, userId), eq(tasks.completed, status === 'completed'));
      const [row] = await db.select({ n: count() }).from(tasks).where(where);
      return row?.n ?? 0;
    },

    /** One task of the user, or NOT_FOUND. */
    async get(userId: string, id: number): Promise<Task> {
      const [row] = await db.select().from(tasks).where(owned(userId, id));
      if (!row) throw notFound(id);
      return toTask(row);
    },

    /** Create a task; `input` ({title, description?}) is validated here, whoever sends it. */
    async create(userId: string, input: CreateTaskInput | Record<string, unknown>): Promise<Task> {
      const data = parseInput(createTaskSchema, input);
      const [row] = await db
        .insert(tasks)
        .values({ userId, title: data.title, description: data.description ?? null })
        .returning();
      return toTask(row!);
    },

    /** Change title, description and/or completion; `input` is validated here. */
    async update(userId: string, id: number, input: UpdateTaskInput | Record<string, unknown>): Promise<Task> {
      const data = parseInput(updateTaskSchema, input);
      const [row] = await db
        .update(tasks)
        .set({ ...data, updatedAt: new Date() })
        .where(owned(userId, id))
        .returning();
      if (!row) throw notFound(id);
      return toTask(row);
    },

    /** Mark done (completed = true), or flip it when `toggle` is set. */
    async complete(userId: string, id: number, options: { toggle?: boolean } = {}): Promise<Task> {
      // One statement, so two concurrent toggles cannot both read the same old value.
      const completed = options.toggle ? sql<boolean>`not ${tasks.completed}` : true;
      const [row] = await db
        .update(tasks)
        .set({ completed, updatedAt: new Date() })
        .where(owned(userId, id))
        .returning();
      if (!row) throw notFound(id);
      return toTask(row);
    },

    /** Delete a task; returns what was deleted. */
    async remove(userId: string, id: number): Promise<Task> {
      const [row] = await db.delete(tasks).where(owned(userId, id)).returning();
      if (!row) throw notFound(id);
      return toTask(row);
    },
  };
}

export type TaskService = ReturnType<typeof createTaskService>;
