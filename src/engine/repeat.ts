// A repeat rule said on its own ("make it repeat every monday"): the calendar's grammar, with the
// filler words such a phrase carries.
import { findRepeat, formatRepeat } from '../calendar/repeat.js';

/** A whole phrase read as a canonical repeat rule ("every monday" -> "weekly on mon"), or null when it says anything else. */
export function repeatRule(phrase: string): string | null {
  const span = findRepeat(phrase);
  if (!span) return null;
  const rest = (phrase.slice(0, span.index) + phrase.slice(span.end)).replace(/\b(?:to|as|a|an|on|repeat(?:ing)?|recurring)\b|[\s,.!]/gi, '');
  return rest === '' ? formatRepeat(span.rule) : null;
}
