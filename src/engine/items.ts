// Splitting what follows "add" (or a header, or a pasted list) into one item per task, the same way on
// every add path: lines and bullets, numbered items, "X, Y and Z", "X and Y". A verb said once before a
// list of things goes with each ("buy milk, eggs and bread" -> buy milk, buy eggs, buy bread); a fixed
// pair stays one title ("mac and cheese", "salt and pepper shakers").
import { mayHoldDate } from '../calendar/date-phrases.js';
import { TASK_VERBS } from './lexicon.js';
import { words } from './text.js';

/** A bullet or number starting a line ("- ", "* ", "• ", "2. ", "3) "); "-v" is not one. */
export const BULLET = /^\s*(?:(?:[-*•·‣▪◦–—+>]+|\(?\d{1,2}[.)])\s+(?:\[\s*\]\s*)?|\[\s*\]\s*)/;
/** A line break (kept as a semicolon by the text preparation) or a typed semicolon. */
const LINE = /\s*;\s*/;
/** Numbered items typed on one line ("1) renew car tax 2) book MOT"). */
const NUMBERED = /(?:^|\s+)\(?\d{1,2}[.)]\s+/;
const PARTICLE = /^(?:up|out|off|down|back|in|on|away)$/i;

/** Pairs said as one thing: kept together when joined by "and". */
const PAIRS = new Set(
  `mac:cheese salt:pepper fish:chips rock:roll pros:cons black:white tom:jerry marks:spencer
  q:a r:d trial:error arts:crafts cheese:crackers peanut:jelly butter:jelly rice:beans milk:cookies bacon:eggs
  gin:tonic ham:cheese strawberries:cream salt:vinegar sweet:sour oil:vinegar knife:fork cup:saucer
  needle:thread pen:paper hide:seek bed:breakfast rhythm:blues fruit:veg health:safety terms:conditions
  research:development stars:stripes beans:toast bangers:mash cookies:cream chips:dip spaghetti:meatballs`
    .split(/\s+/)
    .filter((p) => p !== ''),
);
/** Words a thing in a list never starts with (a new clause does). */
const NOT_A_THING = /^(?:i|i'm|i've|you|he|she|it|it's|we|they|that|that's|this|there|is|are|was|then|so|but|because|please|thanks|thank|ok|okay|also|which|who|when|if)$/i;

const startsWithVerb = (text: string): boolean => TASK_VERBS.has(words(text)[0] ?? '');

/** Whether "a and b" joins a fixed pair ("salt and pepper shakers"). */
function isPair(a: string, b: string): boolean {
  const last = words(a).at(-1) ?? '';
  const first = words(b)[0] ?? '';
  return PAIRS.has(`${last}:${first}`);
}

const DETERMINER = /^(?:the|a|an|some|my|our|his|her|their|your|more|new|extra)$/i;

/**
 * A short thing, not a clause or a verb phrase: "eggs", "oat milk", "the flights" — but not "defrost the
 * freezer" (a word before "the" is a verb the lexicon may not know).
 */
export function isThing(part: string): boolean {
  const w = words(part);
  if (w.length === 0 || w.length > 4 || NOT_A_THING.test(w[0] ?? '') || startsWithVerb(part)) return false;
  return DETERMINER.test(w[0] ?? '') || !w.slice(1).some((x) => DETERMINER.test(x));
}

/** The verb (with its particle) a list's first item starts with: "pick up" of "pick up milk". */
function leadingVerb(part: string): string | null {
  const m = /^\s*([A-Za-z]+)(?:\s+([A-Za-z]+))?/.exec(part);
  if (!m?.[1] || !TASK_VERBS.has(m[1].toLowerCase())) return null;
  return m[2] && PARTICLE.test(m[2]) ? `${m[1]} ${m[2]}` : m[1];
}

/** The lines of a body (line breaks, semicolons, bullets), bullets and a repeated "add" taken off each. */
export function lines(body: string): string[] {
  return body
    .split(LINE)
    .map((line) => line.replace(BULLET, '').replace(/^(?:add|new task|todo)\b\s*:?\s*/i, '').trim())
    .filter((line) => line !== '');
}

/** Numbered items typed on one line, or null when the body is not numbered. */
export function numberedItems(body: string): string[] | null {
  const parts = body.split(NUMBERED).map((p) => p.trim()).filter((p) => p !== '');
  return parts.length > 1 && NUMBERED.test(body) ? parts : null;
}

/** "eggs, bread and butter" -> its parts; the last part split at "and" unless it is a fixed pair. */
function commaParts(body: string): string[] {
  const parts = body.split(/\s*,\s*(?:and\s+)?/).filter((p) => p.trim() !== '');
  const last = parts.pop() ?? '';
  const halves = last.split(/\s+and\s+/);
  const [a = '', b = ''] = halves;
  return [...parts, ...(halves.length === 2 && !isPair(a, b) ? halves : [last])];
}

/**
 * Splits one line into items. `plural`: the user said they are several ("these:", "3 tasks:"); then "X and
 * Y" splits even when both are long. A verb said once before a list of things goes with each of them, unless
 * the user named their kind (`things`: "errands: post office, bank").
 */
export function splitLine(body: string, plural: boolean, things = false): string[] {
  const quoted = body.split(/\s*(?:,|\band\b|&)\s*/i);
  if (quoted.length > 1 && quoted.every((p) => /^\uE000\d+\uE001$/.test(p.trim()))) return quoted;
  if (body.includes(',')) {
    const parts = commaParts(body);
    const [head = '', ...rest] = parts;
    const verb = things ? null : leadingVerb(head);
    if (verb && rest.length > 0 && rest.every((p) => isThing(p) && !mayHoldDate(p))) return [head, ...rest.map((thing) => `${verb} ${thing}`)];
    if (verb && !plural && rest.some((p) => !isThing(p) && !startsWithVerb(p))) return [body];
    return parts;
  }
  const halves = body.split(/\s+and\s+(?:also\s+|then\s+)?/);
  if (halves.length === 2) {
    const [a = '', b = ''] = halves;
    if (isPair(a, b)) return [body];
    const bothVerbs = startsWithVerb(a) && startsWithVerb(b);
    const bothShortNouns = !startsWithVerb(a) && !startsWithVerb(b) && words(a).length <= 2 && words(b).length <= 2;
    if (bothVerbs || (plural && !bothShortNouns) || bothShortNouns) return halves;
  }
  return [body];
}
