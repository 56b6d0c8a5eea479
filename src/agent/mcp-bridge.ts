import type { MCPServer } from '@openai/agents';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import type { ToolCallRecord } from '../domain/conversations.js';
import { createInProcessMcpClient, type McpServerDeps } from '../mcp/server.js';
import { toolResultFromText } from './history.js';

type CallToolResultContent = Awaited<ReturnType<MCPServer['callTool']>>;
type MCPTool = Awaited<ReturnType<MCPServer['listTools']>>[number];

/**
 * The agent SDK's MCPServer interface over an MCP Client connected in process to the task tools bound
 * to one user: the agent uses the same MCP tools as any external client, with no socket and no second server.
 */
export class InProcessMcpServer implements MCPServer {
  readonly name = 'todo';
  cacheToolsList = false;
  // Failures come back as MCP tool errors (isError), which the model reads; anything else is a real fault.
  errorFunction = null;
  private connection?: { client: Client; close: () => Promise<void> };

  /** Every call this turn made, in completion order: what the turn stores and returns as tool_calls. */
  readonly calls: ToolCallRecord[] = [];

  constructor(
    private readonly deps: McpServerDeps,
    private readonly onCall?: (call: ToolCallRecord) => void,
  ) {}

  /** Connect the in-memory client and server. */
  async connect(): Promise<void> {
    this.connection ??= await createInProcessMcpClient(this.deps);
  }

  /** Close both ends. */
  async close(): Promise<void> {
    await this.connection?.close();
    this.connection = undefined;
  }

  /** The tools as MCP describes them. */
  async listTools(): Promise<MCPTool[]> {
    const { tools } = await this.client().listTools();
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
  async callTool(toolName: string, args: Record<string, unknown> | null): Promise<CallToolResultContent> {
    const callArgs = args ?? {};
    let text: string;
    let isError: boolean;
    try {
      const result = await this.client().callTool({ name: toolName, arguments: callArgs });
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

  /** Nothing is cached. */
  async invalidateToolsCache(): Promise<void> {}

  private client(): Client {
    if (!this.connection) throw new Error('InProcessMcpServer used before connect()');
    return this.connection.client;
  }
}

function isTextPart(part: unknown): part is { type: 'text'; text: string } {
  return typeof part === 'object' && part !== null && 'type' in part && part.type === 'text' && 'text' in part && typeof part.text === 'string';
}
