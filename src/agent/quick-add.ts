import { z } from 'zod';
import { readQuickAdd } from '../engine/index.js';
import type { SettingsService } from '../domain/settings.js';
import { parseInput, textSchema } from '../domain/validation.js';

/** A task as the quick-add field understood it, in the shape POST /tasks takes. */
export interface ParsedTask {
  title: string;
  description: string | null;
  /** "YYYY-MM-DD" or a local "YYYY-MM-DDTHH:mm" in the user's time zone. */
  due_at: string | null;
  priority: 'high' | 'medium' | 'low' | null;
  tags: string[];
  repeat: string | null;
}

const quickAddSchema = z.strictObject({
  text: textSchema().trim().min(1, 'must not be empty').max(1000, 'must be at most 1000 characters'),
});

/** Reads a quick-add line with the chat's own parser, in the user's time zone, without creating anything. */
export function createQuickAdd(deps: { settings: SettingsService; now?: () => Date }) {
  const clock = deps.now ?? (() => new Date());
  return {
    /** The tasks `body.text` describes (none for a line with no title in it). */
    async parse(userId: string, body: unknown): Promise<{ tasks: ParsedTask[] }> {
      const { text } = parseInput(quickAddSchema, body);
      const timeZone = await deps.settings.timeZone(userId);
      const tasks = readQuickAdd(text, { now: clock(), timeZone }).map((item) => ({
        title: item.title,
        description: item.description ?? null,
        due_at: item.due ?? null,
        priority: item.priority ?? null,
        tags: item.tags ?? [],
        repeat: item.repeat ?? null,
      }));
      return { tasks };
    },
  };
}

export type QuickAdd = ReturnType<typeof createQuickAdd>;
