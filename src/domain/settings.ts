import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { userSettings } from '../db/schema.js';
import { isValidTimeZone } from './time.js';
import { parseInput } from './validation.js';

/** An IANA time zone name the platform knows. */
export const timeZoneSchema = z
  .string({ error: 'must be a string' })
  .trim()
  .refine(isValidTimeZone, 'must be an IANA time zone name such as Europe/Paris or UTC');

const settingsSchema = z.strictObject({ timezone: timeZoneSchema });

/** A user's preferences as the API shows them. */
export interface Settings {
  timezone: string;
}

/** Per-user settings; today only the time zone dates are read and shown in. */
export function createSettingsService(db: Database) {
  return {
    /** The user's time zone (UTC until they set one). */
    async timeZone(userId: string): Promise<string> {
      const [row] = await db.select({ timeZone: userSettings.timeZone }).from(userSettings).where(eq(userSettings.userId, userId));
      return row?.timeZone ?? 'UTC';
    },

    /** The user's settings. */
    async get(userId: string): Promise<Settings> {
      return { timezone: await this.timeZone(userId) };
    },

    /** Replace the user's settings from validated input. */
    async update(userId: string, input: Record<string, unknown>): Promise<Settings> {
      const { timezone } = parseInput(settingsSchema, input);
      await db
        .insert(userSettings)
        .values({ userId, timeZone: timezone })
        .onConflictDoUpdate({ target: userSettings.userId, set: { timeZone: timezone, updatedAt: new Date() } });
      return { timezone };
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
