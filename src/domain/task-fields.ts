import { z } from 'zod';
import { textSchema } from './validation.js';

const PRIORITIES: Record<string, 'high' | 'medium' | 'low'> = {
  high: 'high', p1: 'high', '1': 'high', urgent: 'high', important: 'high',
  medium: 'medium', p2: 'medium', '2': 'medium', normal: 'medium',
  low: 'low', p3: 'low', '3': 'low',
};

/** A priority: high, medium or low (also p1/p2/p3 and 1/2/3). */
export const prioritySchema = z
  .string({ error: 'must be high, medium or low' })
  .trim()
  .toLowerCase()
  .refine((v) => v in PRIORITIES, 'must be high, medium or low')
  .transform((v) => PRIORITIES[v]!);

const TAG = /^[a-z0-9_-]{1,32}$/;

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

/** A due date as sent by clients (a date, a date-time, or English); parsed in the user's time zone. */
export const dueInputSchema = textSchema('must be a date string or null').trim().min(1, 'must not be empty').max(100, 'is too long');

/** A repeat rule as sent by clients; parsed by domain/repeat.ts. */
export const repeatInputSchema = textSchema('must be a rule such as "weekly" or null').trim().min(1, 'must not be empty').max(60, 'is too long');

export const sortSchema = z.enum(['created', 'due', 'priority', 'title'], { error: 'must be one of created, due, priority, title' });

/** true/false from JSON or a query string. */
export const flagSchema = z.union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')], {
  error: 'must be true or false',
});
