import { z } from 'zod';
import { localeSchema, timeZoneSchema } from '../domain/settings.js';
import { idSchema, textSchema } from '../domain/validation.js';

export const MAX_MESSAGE_LENGTH = 4000;

/** The body of POST /api/{user_id}/chat: validated before any model call. */
export const chatRequestSchema = z.strictObject({
  message: textSchema()
    .refine((m) => m.trim().length > 0, 'must not be empty')
    .refine((m) => m.length <= MAX_MESSAGE_LENGTH, `must be at most ${MAX_MESSAGE_LENGTH} characters`),
  conversation_id: idSchema.optional().nullable(),
  timezone: timeZoneSchema.optional(),
  locale: localeSchema.optional(),
});

export type ChatRequest = z.output<typeof chatRequestSchema>;
