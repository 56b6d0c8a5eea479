// Issue 12: titles keep what the user typed. Only the command words and the details the engine
// recognised (dates, priorities, tags, repeats) are cut; emoji, quotes, punctuation, shorthand and
// code-like text stay. Each row names the bug it pins; titles are compared character for character.
import type { DetailExpectation } from './expectations.js';
import { HOME } from './phrasing-helpers.js';
import type { PhrasingCase } from './runner.js';

/** The user adds one task; its stored title (and description) must be exactly `title`. */
const exact = (id: string, turns: string | string[], title: string, details: DetailExpectation & { description?: string } = {}): PhrasingCase => ({
  id,
  setup: HOME,
  turns: Array.isArray(turns) ? turns : [turns],
  expect: [{ op: 'added', title, exact: true, ...details }],
});

export const TITLE_PHRASINGS: PhrasingCase[] = [
  exact('an emoji inside a title was replaced by a space ("Plan party")', 'add 🎉 plan party', '🎉 plan party'),
  exact('an emoji after a date was dropped', 'add call mom tomorrow 🎉', 'Call mom 🎉', { due: '2026-11-27' }),
  exact('an emoji in a description was dropped', 'add buy cake with description 🎂 for mum', 'Buy cake', { description: '🎂 for mum' }),
  exact('a quoted title was capitalised', "add 'renew car insurance'", 'renew car insurance'),
  exact('a quoted title with a semicolon is one task, as typed', 'add a task titled "fix the build; then deploy"', 'fix the build; then deploy'),
  exact('a title after "a task titled" was split at its semicolon', 'add a task titled fix the build; then deploy', 'Fix the build; then deploy'),
  exact('a quote left open was split at its semicolon', 'add a task titled "fix the build; then deploy', 'fix the build; then deploy'),
  exact('code in a title keeps its dots, brackets and slashes', 'add fix foo.bar() in utils/x.ts', 'Fix foo.bar() in utils/x.ts'),
  exact('a shell variable and a dot file stay', 'add check $HOME/.bashrc', 'Check $HOME/.bashrc'),
  exact('"C++" keeps its pluses next to a priority', 'add learn C++ p2', 'Learn C++', { priority: 'medium' }),
  exact('"p1.ts" was read as priority p1', 'add fix p1.ts', 'Fix p1.ts', { priority: null }),
  exact('a date inside a web address was cut out of it', 'add read https://blog.example.com/2026-12-01/post tomorrow', 'Read https://blog.example.com/2026-12-01/post', {
    due: '2026-11-27',
  }),
  exact('chat shorthand in a title was expanded ("r" -> "are")', 'add learn r programming', 'Learn r programming'),
  exact('"&" in a title became "and"', 'add research & development', 'Research & development'),
  exact('a leading dot was trimmed (".env" -> "Env")', 'add .env cleanup', '.env cleanup'),
  exact('a leading dash was trimmed ("-v" -> "V")', 'add -v flag support', '-v flag support'),
  exact('a mixed-case first word was capitalised ("iPhone" -> "IPhone")', 'add iPhone repair', 'iPhone repair'),
  exact('a typographic apostrophe became a plain one', 'add don’t panic', 'Don’t panic'),
  exact('an emoji in the answer to "What should the task say?" was dropped', ['add', '🎉 plan party'], '🎉 plan party'),
  {
    id: 'an emoji in a new title was dropped on rename',
    setup: HOME,
    turns: ['rename task {id:Call mom} to 📞 call mom tonight'],
    expect: [{ op: 'updated', from: 'Call mom', title: '📞 call mom tonight', exact: true }],
  },
  {
    id: 'emoji are still ignored when a message names a task',
    setup: [...HOME, '🎉 Plan party'],
    turns: ['done with the party one ✅'],
    expect: [{ op: 'completed', title: '🎉 Plan party' }],
  },
];
