import { parseRepeat as readRepeat, type RepeatRule } from '../../calendar/repeat.js';
import { AppError } from '../../errors.js';

export { anchorRule, firstOccurrence, formatRepeat, nextOccurrence, type RepeatRule } from '../../calendar/repeat.js';

function invalid(input: string): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    `repeat "${input.slice(0, 40)}" is not a rule: use daily, weekdays, weekly, "weekly on mon,thu", monthly, yearly or "every N days|weeks|months"`,
  );
}

/** Parse a rule in canonical or everyday form ("every monday", "every 2 weeks", "monthly on day 31"). */
export function parseRepeat(input: string): RepeatRule {
  const rule = readRepeat(input);
  if (!rule) throw invalid(input);
  return rule;
}
