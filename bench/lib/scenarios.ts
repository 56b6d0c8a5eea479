// The chat turns the benchmark times, phrased the way the built-in engine handles them, each checked
// for the expected effect so a fast wrong answer never counts as a measurement.
import { touchedTaskId, type ApiClient, type BenchUser, type ChatBody, type Timed } from './client.js';
import type { Probe, VirtualUser } from './workload.js';

/** A conversation of one user: each turn continues it (the first one creates it). */
export class Conversation {
  private id: number | undefined;

  constructor(
    private readonly api: ApiClient,
    readonly user: BenchUser,
    conversationId?: number,
  ) {
    this.id = conversationId;
  }

  /** One turn; throws unless the answer is 200 and its reply matches `expect`. */
  async turn(message: string, expect: RegExp): Promise<Timed<ChatBody> & { body: ChatBody }> {
    const res = await this.api.chat(this.user, message, this.id);
    const body = res.body;
    if (res.status !== 200 || !body) throw new Error(`"${message}" → ${res.status} ${res.text.slice(0, 200)}`);
    if (!expect.test(body.response)) throw new Error(`"${message}" → unexpected reply ${JSON.stringify(body.response.slice(0, 160))}`);
    this.id ??= body.conversation_id;
    return { ...res, body };
  }
}

/** The three timed turn kinds, as chat messages and the reply each must get. */
export const turnKinds = {
  add: { message: (n: number) => `add Buy lamp ${n}`, expect: /^Added #\d+/ },
  list: { message: () => 'list my tasks', expect: /^You have (?:more than )?\d+ task/ },
  complete: { message: () => 'complete water the plants', expect: /^Completed #\d+ Water the plants/ },
} as const;

/** The name of the task complete-by-name turns look for (seeded as the user's newest task). */
export const COMPLETE_TARGET = 'Water the plants';

/** A probe adding a new task each time. */
export function addProbe(conversation: Conversation): Probe {
  let n = 0;
  return async () => (await conversation.turn(turnKinds.add.message((n += 1)), turnKinds.add.expect)).ms;
}

/** A probe listing the user's tasks. */
export function listProbe(conversation: Conversation): Probe {
  return async () => (await conversation.turn(turnKinds.list.message(), turnKinds.list.expect)).ms;
}

/** A probe completing the target task by name, then (untimed) marking it pending again over REST. */
export function completeProbe(api: ApiClient, conversation: Conversation): Probe {
  return async () => {
    const res = await conversation.turn(turnKinds.complete.message(), turnKinds.complete.expect);
    const id = touchedTaskId({ ...res.body, tool_calls: res.body.tool_calls.filter((c) => c.name === 'complete_task') });
    if (id === undefined) throw new Error('complete turn touched no task');
    const reset = await api.toggleTask(conversation.user, id);
    if (reset.status !== 200 || reset.body?.completed !== false) throw new Error(`reset failed: ${reset.status}`);
    return res.ms;
  };
}

/** A probe listing tasks in a rotating set of existing conversations (each turn grows one by two messages). */
export function rotatingListProbe(api: ApiClient, user: BenchUser, conversationIds: readonly number[]): Probe {
  const conversations = conversationIds.map((id) => new Conversation(api, user, id));
  let i = 0;
  return async () => {
    const conversation = conversations[i++ % conversations.length];
    if (!conversation) throw new Error('no conversations to rotate through');
    return (await conversation.turn(turnKinds.list.message(), turnKinds.list.expect)).ms;
  };
}

/**
 * A virtual user cycling through a realistic mix in one conversation: add a task, complete it by name,
 * list, delete it by id. Its task list stays small, so every cycle costs the same.
 */
export function mixedUser(api: ApiClient, user: BenchUser, tag: number): VirtualUser {
  const conversation = new Conversation(api, user);
  let step = 0;
  let serial = 0;
  let taskId: number | undefined;
  return async () => {
    const kind = step++ % 4;
    if (kind === 0) {
      serial += 1;
      const res = await conversation.turn(`add Pack box ${tag}${serial}`, /^Added #\d+/);
      taskId = touchedTaskId(res.body);
      return res.ms;
    }
    if (kind === 1) return (await conversation.turn(`complete pack box ${tag}${serial}`, /^Completed #\d+/)).ms;
    if (kind === 2) return (await conversation.turn('list my tasks', /^You have/)).ms;
    if (taskId === undefined) throw new Error('nothing to delete: the add failed');
    return (await conversation.turn(`delete task ${taskId}`, /^Deleted #\d+/)).ms;
  };
}
