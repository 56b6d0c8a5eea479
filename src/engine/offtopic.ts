// Messages outside a to-do list: the weather, the news, the web, sums, music. They get the answer that
// says what the assistant can do, never a search of the tasks for "the weather". And questions about
// the conversation itself ("what did I just add?"), answered from what the last turn did.
import type { Request } from './types.js';

/** Topics a to-do list knows nothing about. */
const WORLD = /\b(?:weather|forecast|rain(?:ing|y)?|sunny|snow(?:ing)?|temperature|degrees|how (?:hot|cold|warm)|the news|headlines|score|the match|stock price|exchange rate|the web|internet|online|google|wikipedia|spotify|youtube|music|song|playlist|podcast|radio|translate|translation|capital of|meaning of life|population of|km to|miles to|convert|how far|how tall|how old|thermostat|lights? (?:on|off)|restaurant|near(?:by| me))\b/i;
/** Words that keep a message about the user's own tasks. */
const TASK_TALK = /\b(?:tasks?|todos?|to-dos?|(?:my|the) list|reminders?|due|add|remind)\b/i;
/** Sums: "what is 2+2", "15% of 80". */
const SUM = /\d\s*(?:[-+*/x×÷^]|%\s*of)\s*\d/i;

/** Whether a message is about the world rather than the user's tasks. */
export function isOffTopic(s: string): boolean {
  return (WORLD.test(s) || SUM.test(s)) && !TASK_TALK.test(s);
}

const RECAP = /^(?:which\s+(?:one|task)s?\s+did\s+(?:you|i|we)\s+(?:just\s+)?\w+|what\s+(?:(?:did|have)\s+(?:i|you|we)\s+(?:just|last)\b|(?:was|were)\s+the\s+last\s+(?:thing|task|one|change)s?\b|(?:did|have)\s+(?:i|you|we)\s+\w+\s+(?:just now|a (?:minute|moment|second) ago)|did\s+you\s+(?:just\s+)?do\b))/i;

/** "What did I just add?", "what was the last thing I added?": a question about the last change. */
export function readRecap(s: string): Request | null {
  return RECAP.test(s) ? { intent: 'recap' } : null;
}
