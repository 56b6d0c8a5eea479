// The user's settings route: the time zone the server reads and shows dates in.
import { ApiError } from './errors';
import type { ApiClient } from './http';

/** Saves the user's IANA time zone; resolves false when the server has no settings route (HTTP 404). */
export async function saveTimezone(api: ApiClient, timezone: string): Promise<boolean> {
  try {
    // The answer's body is not read: the contract does not promise one for PUT.
    await api.send('PUT', '/api/{user_id}/settings', {}, { timezone });
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return false;
    throw error;
  }
}
