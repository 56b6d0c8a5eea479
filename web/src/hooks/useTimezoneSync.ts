// Tells the server the browser's time zone and locale once per sign-in: "tomorrow" and "overdue" mean the
// user's day, and chat replies write dates the way the panel does.
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError, SessionExpiredError } from '../api/errors';
import type { ApiClient } from '../api/http';
import { saveSettings } from '../api/settings';
import { browserLocale, browserTimeZone } from '../lib/due';

/** A failed save the user should see, with a way to try again. */
export interface TimezoneSync {
  readonly error: string | null;
  retry(): void;
  dismiss(): void;
}

/** Saves the browser's time zone and locale to the user's settings once; an older server without them is fine. */
export function useTimezoneSync(api: ApiClient, onSessionExpired: () => void): TimezoneSync {
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  // StrictMode runs effects twice in development: one PUT per attempt is enough.
  const sent = useRef(-1);

  useEffect(() => {
    if (sent.current === attempt) return;
    sent.current = attempt;
    const timezone = browserTimeZone();
    saveSettings(api, { timezone, locale: browserLocale() })
      .then((saved) => {
        setError(null);
        if (saved === 'no-route') console.info('This server has no settings route yet; dates are read in its default time zone.');
        if (saved === 'timezone-only') console.info('This server does not keep a locale yet; its replies write dates in its own style.');
      })
      .catch((cause: unknown) => {
        if (cause instanceof SessionExpiredError) onSessionExpired();
        console.warn('could not save the time zone and locale', cause);
        setError(`Could not save your time zone (${timezone}), so due dates may be off by a day: ${describeError(cause)}`);
      });
  }, [api, attempt, onSessionExpired]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const dismiss = useCallback(() => setError(null), []);
  return { error, retry, dismiss };
}
