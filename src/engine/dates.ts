// Date phrases in a message, read by the calendar. Quote placeholders are opaque: a date word inside
// quotes stays part of the title ("add 'call mom friday'").
import { findDates as findDatePhrases, type DateSpan } from '../calendar/date-phrases.js';
import type { Clock } from './clock.js';

/** The date phrases of a prepared message, in order (see the calendar's findDates). */
export function findDates(text: string, clock: Clock): DateSpan[] {
  // Masked without moving any index: the spans point into the text as given.
  return findDatePhrases(text.replace(/\uE000\d+\uE001/g, (p) => '\uE000'.repeat(p.length)), clock);
}
