// The chat turn's tools and its stored reply. Every tool call that changes tasks runs in one transaction with the
// turn's record of it: the change and the stored reply commit together or not at all, so an outage between them
// cannot leave a task changed by a turn the conversation does not show.
import type { ConversationService, ToolCallRecord } from '../domain/conversations.js';
import type { ChangeContext, UnitOfWork } from '../domain/index.js';
import type { InProcessMcpClients } from '../mcp/in-process-clients.js';
import type { DomainLoans } from '../mcp/tool-work.js';
import { isToolError } from './history.js';
import { InProcessMcpServer } from './mcp-bridge.js';

/**
 * Tools that change nothing need no transaction and no record. (preview_bulk_change changes nothing either, but
 * its confirmation names the turn's group, so it runs under the turn's change context like a change.)
 */
const READ_ONLY_TOOLS = new Set(['list_tasks', 'list_activity']);

/**
 * Tools whose success means tasks changed in a way undo can take back: their turn's reply carries the change group
 * (its Undo button). An undo is not one of them: undo never undoes an undo, it walks further back.
 */
const CHANGING_TOOLS = new Set(['add_task', 'update_task', 'complete_task', 'delete_task']);

/** True when a turn's calls changed tasks (one of them a change that succeeded). */
export function changedTasks(calls: readonly ToolCallRecord[]): boolean {
  return calls.some((call) => CHANGING_TOOLS.has(call.name) && !isToolError(call.result));
}

/** The turn's assistant message: inserted on its first save, rewritten on later ones. */
export class StoredReply {
  private messageId?: number;

  constructor(
    private readonly userId: string,
    private readonly conversationId: number,
    private readonly changeGroup: string,
  ) {}

  /** Store `content` and `calls` through `conversations` (bound to the transaction the caller is in, if any). */
  async save(conversations: ConversationService, content: string, calls: readonly ToolCallRecord[]): Promise<void> {
    const message = { content, toolCalls: [...calls], changeGroup: changedTasks(calls) ? this.changeGroup : null };
    if (this.messageId === undefined) {
      this.messageId = (await conversations.append(this.userId, this.conversationId, { role: 'assistant', ...message })).id;
    } else {
      await conversations.rewrite(this.userId, this.messageId, message);
    }
  }
}

/** What a turn's tools need besides the user's MCP connection. */
export interface RecordedToolDeps {
  clients: InProcessMcpClients;
  unitOfWork: UnitOfWork;
  /** The turn's change group: every change it makes is journaled (and undone) together. */
  change: ChangeContext;
  loans: DomainLoans;
  /** The reply stored with each change: the text it holds until the turn's final text replaces it. */
  reply: StoredReply;
  interruptedText: string;
  onCall?: (call: ToolCallRecord) => void;
}

/** The in-process MCP tools of one turn, each change run in a unit of work that also stores the turn's record. */
export class RecordedToolServer extends InProcessMcpServer {
  // The SDK may run a step's tool calls at once; the turn's changes go one at a time, so each sees the ones
  // before it (the group's bulk limits count them) and they land in the order the model asked for them.
  private changes: Promise<unknown> = Promise.resolve();

  constructor(
    userId: string,
    private readonly deps: RecordedToolDeps,
  ) {
    super(deps.clients, userId, deps.onCall);
  }

  override async callTool(toolName: string, args: Record<string, unknown> | null, meta?: Record<string, unknown> | null) {
    if (READ_ONLY_TOOLS.has(toolName)) return super.callTool(toolName, args, meta);
    const change = this.changes.then(async () => {
      try {
        return await this.deps.unitOfWork(this.deps.change, async (domain) => {
          // The tool runs on this transaction's domain: the loan names it in the request's _meta.
          const result = await this.deps.loans.lend(this.userId, domain, (loan) => super.callTool(toolName, args, { ...meta, ...loan }));
          // The domain opens no savepoint inside a unit of work: a failed call rolls back whatever it wrote.
          if (result.isError) throw new FailedCall(result);
          await this.deps.reply.save(domain.conversations, this.deps.interruptedText, this.calls);
          return result;
        });
      } catch (error) {
        if (error instanceof FailedCall) return error.result;
        throw error;
      }
    });
    // The next change waits for this one to settle, whether it succeeded or not.
    this.changes = change.catch(() => undefined);
    return change;
  }
}

/** A tool call that failed (its result is the error the model sees), thrown to roll its unit of work back. */
class FailedCall<R> extends Error {
  constructor(readonly result: R) {
    super('tool call failed');
  }
}
