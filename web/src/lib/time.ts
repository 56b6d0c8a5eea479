// Timestamps as people read them, in the browser's locale (the clock style matches the due dates').
import { browserLocale } from './due';

/** "14:05" (or "2:05 PM") today, "3 Mar, 14:05" otherwise; '' for an unreadable date. */
export function formatTime(iso: string, now: Date = new Date(), locale: string | undefined = browserLocale()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const time = date.toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' });
  if (date.toDateString() === now.toDateString()) return time;
  return `${date.toLocaleDateString(locale, { month: 'short', day: 'numeric' })}, ${time}`;
}
