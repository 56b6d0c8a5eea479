import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { canonicalLocale } from '../calendar/format.js';
import { userSettings } from '../db/schema.js';
import { isTimeZone as isValidTimeZone } from '../calendar/zones.js';
import { parseInput } from './validation.js';

/** An IANA time zone name the platform knows. */
export const timeZoneSchema = z
  .string({ error: 'must be a string' })
  .trim()
  .refine(isValidTimeZone, 'must be an IANA time zone name such as Europe/Paris or UTC');

/** A language tag such as "en-GB" or "fr" (the browser's `navigator.language`), canonicalised. */
export const localeSchema = z
  .string({ error: 'must be a string' })
  .trim()
  .max(35, 'must be at most 35 characters')
  .transform((tag, ctx) => {
    const canonical = canonicalLocale(tag);
    if (canonical === null) ctx.addIssue({ code: 'custom', message: 'must be a language tag such as en-GB or fr' });
    return canonical ?? tag;
  });

const settingsSchema = z
  .strictObject({ timezone: timeZoneSchema.optional(), locale: localeSchema.nullable().optional() })
  .refine((v) => v.timezone !== undefined || v.locale !== undefined, { message: 'must contain timezone or locale' });

/** A user's preferences as the API shows them. */
export interface Settings {
  timezone: string;
  /** How dates are written for the user; null until set (the server then writes en-GB style). */
  locale: string | null;
}

type SettingsRow = typeof userSettings.$inferSelect;
const asSettings = (row: Pick<SettingsRow, 'timeZone' | 'locale'> | undefined): Settings => ({
  timezone: row?.timeZone ?? 'UTC',
  locale: row?.locale ?? null,
});

/** Per-user settings: the time zone dates are read and shown in, and the locale they are written in. */
export function createSettingsService(db: Database) {
  return {
    /** The user's time zone (UTC until they set one). */
    async timeZone(userId: string): Promise<string> {
      const [row] = await db.select({ timeZone: userSettings.timeZone }).from(userSettings).where(eq(userSettings.userId, userId));
      return row?.timeZone ?? 'UTC';
    },

    /** The user's settings. */
    async get(userId: string): Promise<Settings> {
      const [row] = await db
        .select({ timeZone: userSettings.timeZone, locale: userSettings.locale })
        .from(userSettings)
        .where(eq(userSettings.userId, userId));
      return asSettings(row);
    },

    /** Change the settings the validated input names; the others keep their values. */
    async update(userId: string, input: Record<string, unknown>): Promise<Settings> {
      const { timezone, locale } = parseInput(settingsSchema, input);
      const set = { ...(timezone !== undefined ? { timeZone: timezone } : {}), ...(locale !== undefined ? { locale } : {}) };
      const [row] = await db
        .insert(userSettings)
        .values({ userId, ...set })
        .onConflictDoUpdate({ target: userSettings.userId, set: { ...set, updatedAt: new Date() } })
        .returning();
      return asSettings(row);
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
