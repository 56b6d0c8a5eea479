// The engine's contract with the agent adapter (a transcript in, the next step of the loop out), and
// the request a message is understood as, which every stage of a step passes along.
import type { ChatKind } from './chat.js';
import type { DetailEdit } from './details.js';
import type { ListQuery } from './list-query.js';
import type { Ref, Status } from './refs.js';
import type { NewTask } from './titles.js';

/** The task tools the engine may call: the five of the contract, then undo, the activity list and the bulk-change preview. */
export type ToolName = 'add_task' | 'list_tasks' | 'complete_task' | 'delete_task' | 'update_task' | 'undo' | 'list_activity' | 'preview_bulk_change';

/** The changes past a bulk limit need the user's confirmation. */
export type BulkAction = 'delete' | 'complete';

/** One entry of the conversation as the engine sees it, oldest first. */
export type TranscriptEntry =
  | { kind: 'user'; text: string }
  | { kind: 'assistant'; text: string }
  | { kind: 'tool_call'; callId: string; name: string; arguments: Record<string, unknown> }
  | { kind: 'tool_result'; callId: string; output: string };

/** What the engine does next: call tools, or answer the user and end the turn. */
export type EngineStep =
  | { kind: 'tool_calls'; calls: { name: ToolName; arguments: Record<string, unknown> }[] }
  | { kind: 'message'; text: string };

/** A request, understood. */
export type Request =
  | { intent: 'add'; items: NewTask[] }
  | { intent: 'list'; status: Status; count: boolean; query?: ListQuery }
  /** `confirmed`: the user said yes to deleting all; `confirmation`: the token of the bulk preview they agreed to. */
  | { intent: 'complete' | 'delete' | 'status'; ref: Ref; confirmed?: boolean; confirmation?: string }
  /**
   * "Mark it as not done", "I didn't actually finish the report": a completed task back on the list. `remark`:
   * said as a fact, so a task still pending, or none matching, is answered without an error.
   */
  | { intent: 'reopen'; ref: Ref; remark?: boolean }
  /** `orAdd`: the task to create instead when no task has the name ("remind me about the meeting at 3pm"). */
  | ({ intent: 'update'; ref: Ref; title?: string; description?: string; orAdd?: NewTask } & DetailEdit)
  | { intent: 'chat'; kind: ChatKind }
  /** "What did I just add?": what the last change of the conversation was. */
  | { intent: 'recap' }
  /** Something that may be a task ("buy milk", "milk, eggs, bread"): offered back before adding. */
  | { intent: 'suggest'; items: NewTask[] }
  /**
   * "Undo", "take that back": the latest change group, `times` over ("undo twice"). `implied`: said without
   * "undo" ("put it back"), so only after this conversation changed something. `restore`: a task named
   * ("restore the milk task"), brought back only when a change to it is what undo would take back.
   */
  | { intent: 'undo'; times: number; implied?: boolean; restore?: Ref }
  /** "What did I change today?": the journal since a day, or (`latest`) the last change group. */
  | { intent: 'activity'; since?: string; label: string; latest?: boolean };

/** A task as a reply numbered it ("2. #4 Pay the rent"): what "the second one" points at. */
export interface Shown {
  id: number;
  title: string;
}

/** A question a reply asks; the next message may be its answer. */
export type Question = 'which' | 'title' | 'newTitle' | 'offerAdd' | 'deleteAll' | 'bulk';

/** A bulk change the user was asked to agree to: what preview_bulk_change returned for it. */
export interface BulkPreview {
  action: BulkAction;
  /** The token the server checks when the change is made in a later turn. */
  confirmation: string;
  ids: number[];
}

/** A reply, and what it showed and asked: kept as data so the next turn never reads the words back. */
export interface Reply {
  text: string;
  /** The tasks it numbered, in order. */
  shown?: Shown[];
  asked?: Question;
  /** The task a question is about ("What should the new title be? (for #7 …)"). */
  subject?: number;
  /** The bulk change a "yes" agrees to. */
  bulk?: BulkPreview;
}
