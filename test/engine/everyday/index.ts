// The everyday-phrasing tables of issue 15, by category. The held-out table (holdout.ts) is kept
// apart: it is scored once, after the engine work, and never tuned against.
import type { PhrasingCase } from '../runner.js';
import { CAPTURE_ROWS } from './capture.js';
import { CONTEXT_ROWS } from './context.js';
import { REQUEST_ROWS } from './requests.js';

/** Every row of the everyday tables (ids "category-n"). */
export const EVERYDAY: PhrasingCase[] = [...REQUEST_ROWS, ...CONTEXT_ROWS, ...CAPTURE_ROWS];

/** What each category covers, in report order. */
export const CATEGORIES: Record<string, string> = {
  polite: 'indirect and polite requests',
  fact: 'a finished thing said as a fact',
  letgo: 'letting go of a task',
  filler: 'fillers before a command',
  header: 'headers before a title',
  scope: 'scope words on a list',
  contin: 'continuations and corrections',
  position: 'positions in what was just shown or added',
  typo: 'symbols and typos',
  offtopic: 'out of scope, and what just happened',
  dump: 'brain dumps: several tasks in one message',
  es: 'Spanish basics',
};
