// Typing slips in command words ("delte", "mrak", "aad"), and the symbols people type instead of one
// ("✔ dentist", "🗑️ lamp", "+ buy batteries"). Only the first words are put right, and only to a command
// word: a slip inside a title is the user's own and stays.

/** Slips too short for the edit-distance rule (three letters have too many real neighbours). */
const SHORT_SLIPS: Record<string, string> = { ad: 'add', aad: 'add', sdd: 'add', adn: 'add', sho: 'show', shw: 'show', lst: 'list', dlt: 'delete', rmv: 'remove' };

/** Words a misspelt first word is put right to (when one edit away). */
const COMMANDS = [
  'add', 'create', 'delete', 'remove', 'complete', 'finish', 'rename', 'update', 'change', 'list', 'show',
  'mark', 'todo', 'tasks', 'task', 'check', 'clear', 'display', 'edit', 'undo', 'reopen', 'revert',
];
/** Real words one edit away from a command word: never "corrected". */
const REAL_WORDS = new Set([
  'adds', 'added', 'adding', 'address', 'compete', 'competes', 'chance', 'chances', 'changed', 'changes',
  'lists', 'listed', 'shows', 'showed', 'shown', 'marks', 'marked', 'tasked', 'checks', 'checked', 'clean',
  'clears', 'cleared', 'edits', 'edited', 'deleted', 'removed', 'renamed', 'updated', 'finished', 'create',
  'creates', 'created', 'mask', 'task', 'take', 'talk', 'last', 'lost', 'list', 'lust', 'dust', 'shop',
  'chow', 'snow', 'slow', 'stow', 'show', 'shoe', 'sort', 'todd', 'toad', 'load', 'road', 'read', 'remote',
  'remover', 'removes', 'delay', 'delta', 'clerk', 'cheek', 'chuck', 'chick', 'shot', 'shots', 'lint',
  'mart', 'mars', 'park', 'dark', 'bark', 'mack', 'marc', 'make', 'marks', 'tasty', 'teak', 'completed',
  'completes', 'completing', 'finishes', 'finishing', 'deletes', 'deleting', 'removing', 'renames', 'renaming',
  'updates', 'updating', 'changing', 'listing', 'showing', 'marking', 'todos', 'checking', 'clearing', 'editing',
  'displays', 'displayed', 'creating', 'adding', 'tasks', 'lists', 'shower', 'dusk', 'desk',
]);

let grid = new Int32Array(256);

/** Optimal-string-alignment edit distance (insert, delete, substitute, swap two neighbours). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  if (grid.length < rows * cols) grid = new Int32Array(rows * cols * 2);
  const d = grid;
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(rows - 1, cols - 1);
}

/** True when `word` is one slip away from `target` (no letter swapped for another in short words). */
function isSlipOf(word: string, target: string): boolean {
  if (word === target || editDistance(word, target) !== 1) return false;
  return word.length !== target.length || word.length >= 6 || [...word].sort().join('') === [...target].sort().join('');
}

function correctCommand(token: string): string {
  const lower = token.toLowerCase();
  const short = SHORT_SLIPS[lower];
  if (short) return short;
  if (lower.length < 4 || REAL_WORDS.has(lower) || !/^[a-z]+$/.test(lower)) return token;
  return COMMANDS.find((c) => isSlipOf(lower, c)) ?? token;
}

/** Puts a misspelt command word right, looking only at the first two words. */
export function fixCommandTypos(text: string): string {
  const parts = text.split(' ');
  for (let k = 0; k < Math.min(2, parts.length); k++) {
    const token = parts[k] ?? '';
    const m = /^([A-Za-z]+)(.*)$/.exec(token);
    if (m?.[1]) parts[k] = correctCommand(m[1]) + (m[2] ?? '');
  }
  return parts.join(' ');
}

/** A symbol typed first in place of a command: a tick completes, a bin deletes, a plus adds. */
const SYMBOLS: [RegExp, string][] = [
  // A checklist line: "- [x] call mom" is done, "- [ ] buy candles" is to do.
  [/^\s*(?:[-*]\s*)?\[\s*[xX✓✔]\s*\]\s*(?=\S)(?![^\n]*\n)/u, 'done: '],
  [/^\s*(?:[-*]\s*)?\[\s*\]\s*(?=\S)(?![^\n]*\n)/u, 'add '],
  [/^\s*(?:✔️?|✅|☑️?|✓|✔︎|🗸|\[x\])\s*/iu, 'done: '],
  [/^\s*(?:🗑️?|🗑|❌|✖️?|✗|✘)\s*/u, 'delete '],
  [/^\s*\+\s+(?=\S)/u, 'add '],
];

/** The message with a leading command symbol said as its word ("✅ call mom" -> "done: call mom"). */
export function symbolCommand(raw: string): string {
  for (const [re, word] of SYMBOLS) if (re.test(raw)) return raw.replace(re, word);
  return raw;
}
