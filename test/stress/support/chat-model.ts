// A model of one user's task list, driven only by what the user asked: the load test plans each turn in
// phrasings the built-in engine handles deterministically, then checks the acknowledged reply against it.
import type { ChatReply, ToolCall } from './api.js';
import { listedTasks, resultTaskId } from './api.js';

/** A deterministic PRNG (mulberry32), so a failing run can be replayed with the same seed. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A task as the model expects it. */
export interface ModelTask {
  id: number;
  title: string;
  completed: boolean;
}

/** One planned turn: the message and what it must do. */
export type PlannedTurn =
  | { kind: 'add'; message: string; title: string }
  | { kind: 'complete' | 'delete'; message: string; id: number }
  | { kind: 'rename'; message: string; id: number; title: string }
  | { kind: 'list'; message: string };

const VERBS = ['Fix', 'Clean', 'Paint', 'Wash', 'Sort', 'Plan', 'Pack', 'Mend', 'Polish', 'Buy'];
const NOUNS = ['lamp', 'fence', 'garage', 'desk', 'car', 'shelf', 'boots', 'bike', 'window', 'rug'];

/** The user's tasks as they should be, and the next turn to send. */
export class UserModel {
  readonly tasks = new Map<number, ModelTask>();
  /** Ids this user deleted: naming one again must change nothing. */
  private readonly gone: number[] = [];
  private serial = 0;

  /** `foreignIds` gives task ids that belong to other users (the model must leave them alone). */
  constructor(
    private readonly random: () => number,
    private readonly number: number,
    private readonly foreignIds: () => readonly number[],
  ) {}

  private pick<T>(items: readonly T[]): T | undefined {
    return items[Math.floor(this.random() * items.length)];
  }

  private newTitle(): string {
    this.serial += 1;
    return `${this.pick(VERBS)} ${this.pick(NOUNS)} ${this.number * 1000 + this.serial}`;
  }

  /** Plan the next turn: mostly adds until there is something to act on, then a mix. */
  plan(): PlannedTurn {
    const owned = [...this.tasks.keys()];
    const roll = this.random();
    if (owned.length < 2 || roll < 0.3) {
      const title = this.newTitle();
      return { kind: 'add', message: `add ${title}`, title };
    }
    // One act in twenty names a task the user does not own (another user's, or one they deleted): nothing may change.
    const stranger = this.random() < 0.05 ? this.pick([...this.foreignIds(), ...this.gone]) : undefined;
    const id = stranger ?? this.pick(owned) ?? 0;
    if (roll < 0.45) return { kind: 'complete', message: `complete task ${id}`, id };
    if (roll < 0.55) return { kind: 'delete', message: `delete task ${id}`, id };
    if (roll < 0.75) {
      const title = this.newTitle();
      return { kind: 'rename', message: `rename task ${id} to ${title}`, id, title };
    }
    return { kind: 'list', message: 'list my tasks' };
  }

  /** Apply an acknowledged turn to the model; returns what disagreed with the plan (empty when all is well). */
  apply(turn: PlannedTurn, reply: ChatReply): string[] {
    const problems: string[] = [];
    const calls = reply.tool_calls;
    const call = (name: string): ToolCall | undefined => calls.find((c) => c.name === name);
    const expectOne = (name: string) => {
      if (calls.length !== 1 || calls[0]?.name !== name) problems.push(`expected one ${name} call, got ${JSON.stringify(calls).slice(0, 300)}`);
    };
    if (turn.kind === 'add') {
      expectOne('add_task');
      const id = resultTaskId(call('add_task'));
      if (id === undefined) problems.push(`add_task returned no task id: ${JSON.stringify(calls).slice(0, 300)}`);
      else this.tasks.set(id, { id, title: turn.title, completed: false });
      return problems;
    }
    if (turn.kind === 'list') {
      expectOne('list_tasks');
      const listed = listedTasks(call('list_tasks'));
      // A long list is read one page at a time (list_tasks' limit): the newest that many.
      const limit = call('list_tasks')?.arguments.limit;
      const expected = this.snapshot().slice(0, typeof limit === 'number' ? limit : undefined);
      if (JSON.stringify(listed) !== JSON.stringify(expected)) {
        problems.push(`list_tasks disagrees with the model: got ${String(JSON.stringify(listed)).slice(0, 300)}, want ${JSON.stringify(expected).slice(0, 300)}`);
      }
      return problems;
    }
    const name = turn.kind === 'complete' ? 'complete_task' : turn.kind === 'delete' ? 'delete_task' : 'update_task';
    expectOne(name);
    const task = this.tasks.get(turn.id);
    const touched = resultTaskId(call(name));
    if (!task) {
      if (touched !== undefined) problems.push(`${turn.message}: a task the user does not own was changed: ${JSON.stringify(calls)}`);
      return problems;
    }
    if (touched !== turn.id) {
      problems.push(`${turn.message}: expected task ${turn.id} to be changed, got ${JSON.stringify(calls).slice(0, 300)}`);
      return problems;
    }
    if (turn.kind === 'complete') task.completed = true;
    if (turn.kind === 'delete') {
      this.tasks.delete(turn.id);
      this.gone.push(turn.id);
    }
    if (turn.kind === 'rename') task.title = turn.title;
    return problems;
  }

  /** The tasks as list_tasks and REST show them: newest first. */
  snapshot(): ModelTask[] {
    return [...this.tasks.values()].sort((a, b) => b.id - a.id).map((t) => ({ id: t.id, title: t.title, completed: t.completed }));
  }
}
