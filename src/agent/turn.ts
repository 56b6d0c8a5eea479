// The stateless chat turn: everything it needs is read from the database, everything it does is stored there.
import { randomUUID } from 'node:crypto';
import { Agent, getAllMcpTools, run, type AgentInputItem, type Model } from '@openai/agents-core';
import type { FastifyBaseLogger } from 'fastify';
import type { Conversation, Message, ToolCallRecord } from '../domain/conversations.js';
import { GroupTally, type ChangeContext, type Domain, type UnitOfWork } from '../domain/index.js';
import { createInProcessMcpClients } from '../mcp/in-process-clients.js';
import { DomainLoans, type ToolWork } from '../mcp/tool-work.js';
import type { ChatMetrics } from '../observability/hooks.js';
import type { ChatRequest } from './chat-request.js';
import { PLACEHOLDER_TITLE, summariseTurn } from './conversation-title.js';
import { historyToItems, isToolError } from './history.js';
import { turnInstructions } from './instructions.js';
import { changedTasks, RecordedToolServer, StoredReply } from './recorded-tools.js';
import { turnFailure } from './turn-failure.js';

/** The chat API's reply. */
export interface ChatReply {
  conversation_id: number;
  response: string;
  tool_calls: ToolCallRecord[];
  /** The turn's change group, when it changed tasks: POST /undo {group_id} takes those changes back. */
  change_group?: string;
}

/** Listeners for a streamed turn. */
export interface TurnListener {
  onDelta?(text: string): void;
  onToolCall?(call: ToolCallRecord): void;
}

export interface ChatDeps {
  /** The domain on the pool: reading the conversation and settings, storing the user message. */
  domain: Pick<Domain, 'conversations' | 'settings'>;
  /** The transactions each change runs in, with the turn's record of it. */
  unitOfWork: UnitOfWork;
  /** How the tools reach the domain outside a turn's transaction (reads). */
  toolWork: ToolWork;
  model: Model;
  /** Resolves true when the database answers: a turn failing for no reason a model gives is checked against it. */
  isDatabaseUp: () => Promise<boolean>;
  logger: FastifyBaseLogger;
  maxTurns: number;
  historyWindow: number;
  metrics?: ChatMetrics;
  version?: string;
}

/** A validated turn whose user message is stored: what `run` needs. */
export interface PreparedTurn {
  userId: string;
  conversation: Conversation;
  message: string;
  history: Message[];
  timeZone: string;
  /** How dates are written for the user (null: the default style). */
  locale: string | null;
}

/** What a turn's reply says until its final text is stored: true if the turn is cut off after changing tasks. */
const INTERRUPTED_REPLY = '(The reply to this message was not saved: the turn was interrupted after the changes listed here.)';

/** The chat service: prepare a turn (validated, stored), then run it. */
export function createChatService(deps: ChatDeps) {
  const { conversations, settings } = deps.domain;
  const loans = new DomainLoans();
  // Each user's MCP server and client outlive the turn: building them every turn was ~5 ms of its CPU.
  const clients = createInProcessMcpClients({
    work: (userId) => loans.work(userId, deps.toolWork),
    version: deps.version,
    reportError: (error, tool) => deps.logger.error({ err: error, tool }, 'mcp tool failed'),
  });
  return {
    /** Close the kept in-process MCP connections. */
    close: () => clients.close(),

    /** Load or create the conversation, keep the user's zone and locale current, read the history window and store the user message. */
    async prepare(userId: string, request: ChatRequest): Promise<PreparedTurn> {
      const { message, conversation_id, timezone, locale } = request;
      // One round trip reads the conversation, the settings and the history window and stores the user message.
      const opened = await conversations.openTurn(userId, { conversationId: conversation_id, placeholder: PLACEHOLDER_TITLE, window: deps.historyWindow, message });
      let current = { timezone: opened.timeZone, locale: opened.locale };
      // The UI sends the browser's zone and locale with each message; they are stored only when they changed.
      const changed = { ...(timezone && timezone !== current.timezone ? { timezone } : {}), ...(locale && locale !== current.locale ? { locale } : {}) };
      if (Object.keys(changed).length) current = await settings.update(userId, changed);
      return { userId, conversation: opened.conversation, message, history: opened.history, timeZone: current.timezone, locale: current.locale };
    },

    /** Run the agent over the MCP tools bound to the user and store its reply with the tool calls it made. */
    async run(turn: PreparedTurn, listener: TurnListener = {}): Promise<ChatReply> {
      const started = performance.now();
      const seconds = () => (performance.now() - started) / 1000;
      // One change group for the whole turn: undo takes back everything it did together.
      // Its bulk limits are counted in memory and the user's zone is the one prepare read: no query for either.
      const change: ChangeContext = { group: randomUUID(), source: 'chat', tally: new GroupTally(), zone: { userId: turn.userId, timeZone: turn.timeZone } };
      const reply = new StoredReply(turn.userId, turn.conversation.id, change.group);
      const tools = new RecordedToolServer(turn.userId, {
        clients,
        unitOfWork: deps.unitOfWork,
        change,
        loans,
        reply,
        interruptedText: INTERRUPTED_REPLY,
        onCall: listener.onToolCall,
      });
      await tools.connect();
      const instructions = turnInstructions(new Date(), turn.timeZone, turn.locale);
      // The turn's MCP tools as the SDK's function tools, converted once: given as `mcpServers`, the SDK lists, clones
      // and converts them again on every model step (~5 % of a turn's CPU). The conversion is the SDK's own.
      const agent = new Agent({ name: 'Todo assistant', instructions, model: deps.model, tools: await getAllMcpTools({ mcpServers: [tools] }) });
      const input: AgentInputItem[] = [...historyToItems(turn.history), { role: 'user', content: turn.message }];
      let response: string;
      try {
        response = listener.onDelta ? await runStreamed(agent, input, deps.maxTurns, listener.onDelta) : await runOnce(agent, input, deps.maxTurns);
      } catch (error) {
        const failure = await turnFailure(error, deps);
        deps.logger.warn({ err: error, conversation_id: turn.conversation.id, tool_calls: tools.calls.length }, 'chat turn failed');
        // Changes already made stay visible in the conversation, so history never disagrees with the tasks.
        if (tools.calls.length && failure.code !== 'UNAVAILABLE') await reply.save(conversations, `(The turn stopped early: ${failure.message})`, tools.calls);
        deps.metrics?.observeTurn('error', seconds());
        throw failure;
      } finally {
        await tools.close();
        for (const call of tools.calls) deps.metrics?.countToolCall(call.name, isToolError(call.result) ? 'error' : 'ok');
      }
      const text = response.trim() || 'Done.';
      await reply.save(conversations, text, tools.calls);
      // Until a request does something, the conversation keeps its placeholder; then it is named after it.
      const summary = turn.conversation.title === PLACEHOLDER_TITLE ? summariseTurn(tools.calls) : null;
      if (summary) await conversations.retitle(turn.userId, turn.conversation.id, summary);
      deps.metrics?.observeTurn('ok', seconds());
      return { conversation_id: turn.conversation.id, response: text, tool_calls: tools.calls, ...(changedTasks(tools.calls) ? { change_group: change.group } : {}) };
    },
  };
}

export type ChatService = ReturnType<typeof createChatService>;

async function runOnce(agent: Agent, input: AgentInputItem[], maxTurns: number): Promise<string> {
  const result = await run(agent, input, { maxTurns });
  return String(result.finalOutput ?? '');
}

async function runStreamed(agent: Agent, input: AgentInputItem[], maxTurns: number, onDelta: (text: string) => void): Promise<string> {
  const result = await run(agent, input, { maxTurns, stream: true });
  for await (const event of result) {
    if (event.type === 'raw_model_stream_event' && event.data.type === 'output_text_delta') onDelta(event.data.delta);
  }
  await result.completed;
  if (result.error) throw result.error;
  return String(result.finalOutput ?? '');
}
