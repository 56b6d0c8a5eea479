import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { canonicalLocale } from '../calendar/format.js';
import { userSettings } from '../db/schema.js';
import { isTimeZone as isValidTimeZone, toLocal } from '../calendar/zones.js';
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

/** A local time of day, "HH:MM" (24-hour). */
const timeOfDaySchema = z.string({ error: 'must be a time like "08:00"' }).trim().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'must be a time like "08:00"');

/** An http(s) URL a server may POST to. */
const webhookUrlSchema = z
  .string({ error: 'must be a URL' })
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .refine((url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol), 'must be an http:// or https:// URL');

const settingsSchema = z
  .strictObject({
    timezone: timeZoneSchema.optional(),
    locale: localeSchema.nullable().optional(),
    digest_time: timeOfDaySchema.nullable().optional(),
    webhook_url: webhookUrlSchema.nullable().optional(),
    email_notifications: z.boolean({ error: 'must be true or false' }).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'must contain at least one of timezone, locale, digest_time, webhook_url, email_notifications' });

/** A user's preferences as the API shows them. */
export interface Settings {
  timezone: string;
  /** How dates are written for the user; null until set (the server then writes en-GB style). */
  locale: string | null;
  /** The local time of the daily digest ("08:00"); null: off. */
  digest_time: string | null;
  /** Where reminders are also POSTed; null: nowhere. */
  webhook_url: string | null;
  /** The key webhook bodies are signed with (HMAC-SHA256, header X-Todo-Signature), shown to its owner to check them. */
  webhook_secret: string | null;
  /** Reminders are e-mailed too (when the server can send e-mail). */
  email_notifications: boolean;
}

type SettingsRow = typeof userSettings.$inferSelect;
const asSettings = (row: SettingsRow | undefined): Settings => ({
  timezone: row?.timeZone ?? 'UTC',
  locale: row?.locale ?? null,
  digest_time: row?.digestTime ?? null,
  webhook_url: row?.webhookUrl ?? null,
  webhook_secret: row?.webhookUrl ? (row.webhookSecret ?? null) : null,
  email_notifications: row?.emailNotifications ?? false,
});

/** Per-user settings: the time zone dates are read and shown in, and the locale they are written in. */
export function createSettingsService(db: Database, known?: { userId: string; timeZone: string }) {
  /** The user's time zone (UTC until they set one); `known` answers for its user without a query. */
  async function timeZone(userId: string): Promise<string> {
    if (known?.userId === userId) return known.timeZone;
    const [row] = await db.select({ timeZone: userSettings.timeZone }).from(userSettings).where(eq(userSettings.userId, userId));
    return row?.timeZone ?? 'UTC';
  }

  return {
    timeZone,

    /** The user's settings. */
    async get(userId: string): Promise<Settings> {
      const [row] = await db.select().from(userSettings).where(eq(userSettings.userId, userId));
      return asSettings(row);
    },

    /** Change the settings the validated input names; the others keep their values. */
    async update(userId: string, input: Record<string, unknown>, now = new Date()): Promise<Settings> {
      const { timezone, locale, digest_time, webhook_url, email_notifications } = parseInput(settingsSchema, input);
      const set: Partial<SettingsRow> = {};
      if (timezone !== undefined) set.timeZone = timezone;
      if (locale !== undefined) set.locale = locale;
      if (email_notifications !== undefined) set.emailNotifications = email_notifications;
      if (webhook_url !== undefined) {
        set.webhookUrl = webhook_url;
        // A new URL gets a new signing key: whoever had the old one cannot sign for this one.
        set.webhookSecret = webhook_url ? randomBytes(24).toString('base64url') : null;
      }
      if (digest_time !== undefined) {
        set.digestTime = digest_time;
        // A time already past today starts tomorrow: setting "08:00" at noon does not send this morning's now.
        const zone = timezone ?? (await timeZone(userId));
        const local = toLocal(now, zone);
        const pad = (n: number) => String(n).padStart(2, '0');
        const past = digest_time !== null && `${pad(local.hour)}:${pad(local.minute)}` >= digest_time;
        set.lastDigestOn = past ? `${local.year}-${pad(local.month)}-${pad(local.day)}` : null;
      }
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
