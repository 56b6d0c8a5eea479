// The user's settings route: the time zone the server reads dates in and the locale it writes them for.
import { ApiError } from './errors';
import type { ApiClient } from './http';

/** What the UI keeps the server told about: the browser's IANA zone and language tag. */
export interface BrowserSettings {
  readonly timezone: string;
  readonly locale?: string | undefined;
}

/** How far the server took the settings: all of them, the time zone only (it predates `locale`), or none (no route). */
export type SettingsSaved = 'saved' | 'timezone-only' | 'no-route';

async function put(api: ApiClient, body: BrowserSettings): Promise<void> {
  // The answer's body is not read: the contract does not promise one for PUT.
  await api.send('PUT', '/api/{user_id}/settings', {}, body);
}

/** Saves the browser's time zone and locale; copes with older servers (no route: 404; no `locale`: 400 naming it). */
export async function saveSettings(api: ApiClient, settings: BrowserSettings): Promise<SettingsSaved> {
  try {
    await put(api, settings);
    return 'saved';
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 404) return 'no-route';
    if (error.status !== 400 || settings.locale === undefined || !/\blocale\b/.test(error.message)) throw error;
    await put(api, { timezone: settings.timezone });
    return 'timezone-only';
  }
}
