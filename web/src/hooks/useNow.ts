// A clock for labels that depend on the time ("Today", "overdue"), so they stay right past midnight.
import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs` (a minute by default). */
export function useNow(intervalMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
