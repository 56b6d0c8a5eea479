// Things said about a task rather than commands: letting it go ("the plumber isn't necessary now", "we
// don't need new curtains", "the gym membership can go", "never mind the curtains") deletes it; a done
// thing said as a fact ("just got back from the gym", "I took care of the parcel", "that's the bank
// sorted", "all done with the ferns") completes it. The task is whichever one the remark mentions.
import { looseRef } from './refs.js';
import type { Request } from './types.js';

type Build = (m: RegExpExecArray, quotes: readonly string[]) => Request | null;

/** A time that makes a remark temporary: "not doing the paint today" puts it off, it does not let it go. */
const FOR_NOW = /\b(?:today|tonight|tomorrow|this (?:week|weekend|morning|afternoon|evening)|for now|right now|yet|later|till|until)\b/i;

const drop: Build = (m, q) => (m[1] && !FOR_NOW.test(m[1]) ? { intent: 'delete', ref: looseRef(m[1], q) } : null);
const done: Build = (m, q) => (m[1] ? { intent: 'complete', ref: looseRef(m[1], q) } : null);

const WHO = String.raw`(?:(?:i|we)(?:\s+|(?=')))?`;
// Only words that make it final: "not doing the dishes today" puts a task off, it does not drop it.
const TIMES = String.raw`(?:\s+(?:any\s?more|now|after all|either|at all|this year))*`;
const NOT_NEEDED = String.raw`(?:needed|necessary|required|happening|relevant|important|going ahead|a thing|on)`;

const PATTERNS: [RegExp, Build][] = [
  // Letting go.
  [new RegExp(String.raw`^(.+?)\s+(?:is|are|was|'s|'re)(?:\s+not|n't)\s+(?:really\s+)?${NOT_NEEDED}${TIMES}$`, 'i'), drop],
  [new RegExp(String.raw`^(.+?)\s+(?:is|are|'s|'re)\s+(?:cancell?ed|called off|scrapped|no longer ${NOT_NEEDED})${TIMES}$`, 'i'), drop],
  [/^(.+?)\s+can\s+(?:go|be\s+(?:deleted|removed|dropped|scrapped|binned|forgotten))(?:\s+now)?$/i, drop],
  [new RegExp(String.raw`^${WHO}(?:won'?t|will not|don'?t|do not|no longer|shan'?t)\s+(?:really\s+)?need\s+(?!to\b)(.+?)${TIMES}$`, 'i'), drop],
  [new RegExp(String.raw`^${WHO}(?:don'?t|do not|no longer)\s+(?:really\s+)?(?:want|wish)\s+to\s+(.+?)${TIMES}$`, 'i'), drop],
  [new RegExp(String.raw`^${WHO}(?:'m|am|are|'re)?\s*not\s+(?:doing|bothering with)\s+(.+?)${TIMES}$`, 'i'), drop],
  [/^no\s+need\s+for\s+(.+)$/i, drop],
  [/^(?:(?:please\s+)?don'?t|do\s+not|no\s+need\s+to|never\s+mind)\s+bother(?:ing)?\s+(?:with|about|doing)\s+(.+)$/i, drop],
  [new RegExp(String.raw`^(?:${WHO}|you\s+)?can\s+(?:just\s+)?(?:skip|drop|forget(?:\s+about)?|scrap|ditch|lose|cancel|bin)\s+(.+)$`, 'i'), drop],
  [/^never\s*mind\s+(?:about\s+)?(?!(?:that|it|this)$)(.+)$/i, drop],
  // Done, said as a fact.
  [new RegExp(String.raw`^${WHO}(?:'ve|have)?\s*(?:just\s+|already\s+|finally\s+)*(?:got|came|am|'m|are|'re|just)\s+back\s+from\s+(.+)$`, 'i'), done],
  [new RegExp(String.raw`^${WHO}(?:'ve|have)?\s*(?:just\s+|already\s+|finally\s+)*(?:took|taken|take|taking)\s+care\s+of\s+(.+)$`, 'i'), done],
  [new RegExp(String.raw`^${WHO}(?:'ve|have)?\s*(?:just\s+|already\s+|finally\s+)*(?:dealt|handled|sorted(?:\s+out)?|knocked\s+(?:out|off)|ticked\s+off|crossed\s+off)\s+(?:with\s+)?(.+)$`, 'i'), done],
  [/^(?:that'?s|that is)\s+(.+?)\s+(?:sorted|done|finished|handled|dealt with|taken care of|out of the way)$/i, done],
  [/^(?:all|(?:i'?m|i am|we'?re)\s+(?:all\s+)?)\s*(?:done|finished|through)\s+with\s+(.+)$/i, done],
];

/** Reads a remark that lets a task go or says it is done; null when the message is not one. */
export function readStatement(s: string, quotes: readonly string[], question: boolean): Request | null {
  if (question) return null;
  for (const [re, build] of PATTERNS) {
    const m = re.exec(s);
    const request = m ? build(m, quotes) : null;
    if (request && request.intent !== 'chat' && 'ref' in request && request.ref.kind !== 'none') return request;
  }
  return null;
}
