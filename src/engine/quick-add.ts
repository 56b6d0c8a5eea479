// Quick add: one line typed into the task panel, read exactly as the words after "add" in chat,
// so "call mom friday 5pm p1 #family every week" means the same thing in both places.
import { clockOf, type EngineContext } from './clock.js';
import { prepare } from './text.js';
import { asTypedTasks, newTasks, type NewTask } from './titles.js';

/** The tasks a quick-add line describes, each with the details typed with it (due, priority, tags, repeat). */
export function readQuickAdd(line: string, context: EngineContext): NewTask[] {
  const { text, literal, quotes } = prepare(line);
  const clock = clockOf(context);
  return asTypedTasks(newTasks(text, quotes, clock), newTasks(literal, quotes, clock));
}
