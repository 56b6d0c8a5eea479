import type { MCPServer } from '@openai/agents-core';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import type { ToolCallRecord } from '../domain/conversations.js';
import type { InProcessMcpClients } from '../mcp/in-process-clients.js';
import { toolResultFromText } from './history.js';

type CallToolResultContent = Awaited<ReturnType<MCPServer['callTool']>>;
type MCPTool = Awaited<ReturnType<MCPServer['listTools']>>[number];

/**
 * The agent SDK's MCPServer interface over an MCP Client connected in process to the task tools bound
 * to one user: the agent uses the same MCP tools as any external client, with no socket and no second server.
 * One instance serves one turn; the connection behind it is the user's, kept by `InProcessMcpClients`.
 */
export class InProcessMcpServer implements MCPServer {
  // A name that parses as a URL: the SDK parses every MCP server name as one (to redact endpoints) on each tool
  // conversion and call, and a plain word makes `new URL` throw, ~15 µs each, ~30 times a turn.
  readonly name = 'mcp:todo';
  // The SDK's own cache is keyed by server name across the process; `InProcessMcpClients` already asks once.
  cacheToolsList = false;
  // Failures come back as MCP tool errors (isError), which the model reads; anything else is a real fault.
  errorFunction = null;
  private connection?: Client;
  private readonly clients: InProcessMcpClients;
  protected readonly userId: string;
  private readonly onCall?: (call: ToolCallRecord) => void;

  /** Every call this turn made, in completion order: what the turn stores and returns as tool_calls. */
  readonly calls: ToolCallRecord[] = [];

  /** The tools of `userId`, through clients kept across turns (one `InProcessMcpClients` per chat service). */
  constructor(clients: InProcessMcpClients, userId: string, onCall?: (call: ToolCallRecord) => void) {
    this.clients = clients;
    this.userId = userId;
    this.onCall = onCall;
  }

  /** Take the user's connected client. */
  async connect(): Promise<void> {
    this.connection ??= await this.clients.forUser(this.userId);
  }

  /** Let go of the client; the connection stays for the user's next turn. */
  async close(): Promise<void> {
    this.connection = undefined;
  }

  /** The tools as MCP describes them (listed once per set of clients, not once per model step). */
  async listTools(): Promise<MCPTool[]> {
    const tools = await this.clients.tools(this.userId);
    return tools.map((tool) => ({
      name: tool.name,
      description: tool.description,
      inputSchema: {
        type: 'object' as const,
        properties: tool.inputSchema.properties ?? {},
        required: tool.inputSchema.required ?? [],
        additionalProperties: false,
      },
    }));
  }

  /** Call a tool; the result keeps MCP's isError and structuredContent for the runner. */
  async callTool(toolName: string, args: Record<string, unknown> | null, meta?: Record<string, unknown> | null): Promise<CallToolResultContent> {
    const callArgs = args ?? {};
    let text: string;
    let isError: boolean;
    try {
      const result = await this.client().callTool({ name: toolName, arguments: callArgs, ...(meta ? { _meta: meta } : {}) });
      const parts = Array.isArray(result.content) ? result.content.filter(isTextPart) : [];
      text = parts.map((part) => part.text).join('\n');
      isError = result.isError === true;
    } catch (error) {
      // Invalid arguments are a protocol error in MCP; the model gets the message and can correct itself.
      if (!(error instanceof McpError)) throw error;
      text = error.message;
      isError = true;
    }
    const record: ToolCallRecord = { name: toolName, arguments: callArgs, result: toolResultFromText(text, isError) };
    this.calls.push(record);
    this.onCall?.(record);
    return Object.assign([{ type: 'text' as const, text }], { isError });
  }

  /** Nothing to drop: the tools are code, fixed for the life of the process. */
  async invalidateToolsCache(): Promise<void> {}

  private client(): Client {
    if (!this.connection) throw new Error('InProcessMcpServer used before connect()');
    return this.connection;
  }
}

function isTextPart(part: unknown): part is { type: 'text'; text: string } {
  return typeof part === 'object' && part !== null && 'type' in part && part.type === 'text' && 'text' in part && typeof part.text === 'string';
}
