// How a request points at a task: by id ("task 3", "#3"), by position in the list shown ("the
// second one"), by pronoun ("it"), as a group ("all completed tasks"), or by words of its title.
import { NUMBER_WORDS, ORDINALS, STOP_WORDS } from './lexicon.js';
import { restoreQuotes, words } from './text.js';

/** Which tasks list_tasks should return. */
export type Status = 'all' | 'pending' | 'completed';

/** A reference to one or more tasks. */
export type Ref =
  /** `bare`: numbers said without "#" or "task" ("tick off 1 and 3"), lines of a list just shown. */
  | { kind: 'ids'; ids: number[]; bare?: boolean }
  /** "number 3": the third line of the list shown, or task #3 when no list has that many lines. */
  | { kind: 'line'; line: number }
  | { kind: 'positions'; positions: number[] }
  | { kind: 'pronoun' }
  /** "both", "them all": every task of what was just shown or added. */
  | { kind: 'seen' }
  | { kind: 'all'; status: Status }
  /** `loose`: said in passing ("the garage one isn't needed"): any task its words mention uniquely. */
  | { kind: 'name'; text: string; quoted: boolean; loose?: boolean }
  | { kind: 'none' };

const ID_LIST = /^(?:(?:tasks?|todos?|items?|numbers?|nos?\.?|ids?)\s*)?#?\s*\d+(?:\s*(?:,|and|&|\+|or)\s*(?:(?:tasks?|numbers?)\s*)?#?\s*\d+)*$/i;
const ID_MENTION = /(?:\b(?:tasks?|todos?|items?|numbers?|nos?\.?|num|ids?)\s*#?\s*|#\s*)(\d+)\b/gi;
/** "number 3", "no. 3": a line number, which the lists' question asks for ("say the number or #id"). */
const LINE = /^(?:the\s+)?(?:number|no\.?|num)\s*(\d+|one|two|three|four|five|six|seven|eight|nine|ten)$/i;
const PRONOUN = /^(?:it|that|this|them|those|these|same|the same(?: one| task)?|(?:that|this) (?:one|task|todo|item)|the one i (?:just )?(?:added|created|made|mentioned))$/i;
const ALL = /^(?:all|everything|(?:(?:my|the|our) )?(?:whole |entire )?(?:todo |to do |task )?list|everything on (?:my|the) list|every(?:thing| task| single task| todo| item)|all (?:of )?(?:my |the |your )?(?:tasks|todos|items|of them|ones|things)|(?:all )?(?:of )?(?:the |my )?(?:completed|done|finished|checked|ticked|pending|open|remaining|unfinished|outstanding)(?: ones| tasks| todos| items| things)?|everything (?:that'?s |that is |i'?ve )?(?:done|completed|finished|pending|left))$/i;
/** A second clause after the reference ("the flights, I'm not going"). */
const CLAUSE = /(?:\s*[,;.!]\s+|\s+)(?:i|i'm|i've|i'll|we|we're|it's|since|because|cause|cuz|as|coz|so|but)\b.*$|\s*[,;.!]\s+(?:changed|my (?:mistake|bad)|sorry|oops|not|no longer|thanks|thank you|that'?s|don'?t|won'?t|never|after all|anyway|please)\b.*$/i;
const TRAILERS = /\s+(?:too|as well|also|then|instead|now|please|for me|from (?:my|the) (?:todo |to do |task )?list|(?:on|off|in) (?:my|the) (?:todo |to do |task )?list)$/i;

/** Tidies a reference phrase: trims punctuation and trailing filler. */
export function cleanPhrase(phrase: string): string {
  let p = phrase
    .trim()
    .replace(CLAUSE, '')
    .replace(/^[\s,.:;!?-]+|[\s,.:;!?-]+$/g, '');
  for (let i = 0; i < 3; i++) p = p.replace(TRAILERS, '').trim();
  return p
    .replace(/^(?:the|my)\s+/i, '')
    .replace(/^(?:(?:task|todo|one|item|reminder)\s+)?(?:called|named|titled|that says|saying)\s+/i, '')
    .trim();
}

function statusOf(text: string): Status {
  if (/\b(?:completed|done|finished|checked|ticked)\b/i.test(text)) return 'completed';
  if (/\b(?:pending|open|remaining|unfinished|outstanding|left)\b/i.test(text)) return 'pending';
  return 'all';
}

function positionsOf(phrase: string): number[] | null {
  const tokens = words(phrase);
  const positions: number[] = [];
  let other = false;
  for (const t of tokens) {
    const n = ORDINALS[t];
    if (n !== undefined) positions.push(n);
    else if (!STOP_WORDS.has(t) && !['on', 'number', 'shown', 'listed', 'above'].includes(t)) other = true;
  }
  const range = /\b(first|top|last|bottom)\s+(two|three|four|five|\d+)\b/i.exec(phrase);
  if (range?.[1] && range[2]) {
    const n = NUMBER_WORDS[range[2].toLowerCase()] ?? Number(range[2]);
    const fromEnd = /last|bottom/i.test(range[1]);
    return Array.from({ length: Math.min(n, 20) }, (_v, i) => (fromEnd ? -(i + 1) : i + 1));
  }
  if (positions.length > 0 && !other) return positions;
  const numbered = /^(?:the\s+)?(?:number|no\.?)\s*(\d+)\s+(?:on|in|from)\s+(?:the|my)\s+list$/i.exec(phrase);
  return numbered?.[1] ? [Number(numbered[1])] : null;
}

/** A reference said in passing: a name matched by the words it mentions when no title matches it whole. */
export function looseRef(phrase: string, quotes: readonly string[]): Ref {
  const ref = parseRef(phrase, quotes);
  return ref.kind === 'name' && !ref.quoted ? { ...ref, loose: true } : ref;
}

/** Parses a reference phrase (quote placeholders allowed) into a {@link Ref}. */
export function parseRef(phrase: string, quotes: readonly string[]): Ref {
  const p = cleanPhrase(phrase);
  if (p === '') return { kind: 'none' };
  const onlyQuote = /^\uE000(\d+)\uE001$/.exec(p);
  if (onlyQuote) return { kind: 'name', text: quotes[Number(onlyQuote[1])] ?? '', quoted: true };
  const line = LINE.exec(p)?.[1]?.toLowerCase();
  if (line) return { kind: 'line', line: NUMBER_WORDS[line] ?? Number(line) };
  if (ID_LIST.test(p)) {
    const ids = (p.match(/\d+/g) ?? []).map(Number);
    return /#|[a-z]/i.test(p.replace(/\b(?:and|or)\b/gi, '')) ? { kind: 'ids', ids } : { kind: 'ids', ids, bare: true };
  }
  const mentioned = [...p.matchAll(ID_MENTION)].map((m) => Number(m[1]));
  if (mentioned.length > 0) return { kind: 'ids', ids: mentioned };
  if (PRONOUN.test(p)) return { kind: 'pronoun' };
  if (/^(?:both|both of them|them both|the two(?: of them)?|each of them|them all|(?:all|each) of (?:those|these)|all (?:those|these))$/i.test(p)) return { kind: 'seen' };
  if (ALL.test(p)) return { kind: 'all', status: statusOf(p) };
  const positions = positionsOf(p);
  if (positions) return { kind: 'positions', positions };
  const text = restoreQuotes(p, quotes).trim();
  const meaningful = words(text).some((w) => !STOP_WORDS.has(w));
  if (!meaningful) return /\uE000\d+\uE001/.test(p) ? { kind: 'name', text, quoted: true } : { kind: 'none' };
  return { kind: 'name', text, quoted: false };
}
