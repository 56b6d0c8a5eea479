import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ChangeSource } from '../domain/index.js';
import type { ToolWork } from './tool-work.js';
import { sharedSchemaValidator } from './schema-validator.js';
import { registerTaskTools } from './tools/index.js';

/** What an MCP server needs: the caller it acts for (already authenticated) and how its tools reach the task domain. */
export interface McpServerDeps {
  user: { readonly id: string };
  work: ToolWork;
  /** The client's name when its initialize is not seen (stateless HTTP: each request is its own server). */
  clientName?: () => string | undefined;
  /** Which changes `undo` takes back: external clients their own source's ("mcp"), the chat any. */
  undoScope?: ChangeSource;
  /** Server version reported to clients. */
  version?: string;
  /** Receives failures that are not the caller's fault; defaults to stderr (never stdout: stdio speaks JSON-RPC there). */
  reportError?: (error: unknown, tool: string) => void;
}

// The tools take at most four fields; anything much larger is junk and is refused before it is parsed.
const MAX_TOOL_INPUT_ELEMENTS = 64;

const INSTRUCTIONS =
  'Tools for the signed-in user\'s todo list. The user is fixed by authentication: never pass a user_id. ' +
  'Find task ids with list_tasks before completing, updating or deleting a task.';

/** An McpServer with the five task tools, bound to one authenticated user. */
export function createMcpServer(deps: McpServerDeps): McpServer {
  const server = new McpServer(
    { name: 'todo-chatbot', title: 'Todo Chatbot', version: deps.version ?? '0.0.0' },
    { instructions: INSTRUCTIONS, maxToolInputElements: MAX_TOOL_INPUT_ELEMENTS },
  );
  registerTaskTools(server, {
    user: { id: deps.user.id },
    work: deps.work,
    clientName: () => server.server.getClientVersion()?.name ?? deps.clientName?.(),
    undoScope: deps.undoScope,
    reportError: deps.reportError ?? ((error, tool) => console.error(`[mcp] ${tool} failed:`, error)),
  });
  // The SDK advertises tools.listChanged for any server with tools, but ours never change and a stateless
  // HTTP request has no session left to hear a notification: claim only what is true.
  server.server.registerCapabilities({ tools: { listChanged: false } });
  return server;
}

/** An MCP client connected in process (no socket, no child process) to a server bound to `user`. */
export async function createInProcessMcpClient(deps: McpServerDeps): Promise<{ client: Client; close: () => Promise<void> }> {
  const server = createMcpServer(deps);
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'todo-chatbot-agent', version: deps.version ?? '0.0.0' }, { jsonSchemaValidator: sharedSchemaValidator });
  await server.connect(serverTransport);
  await client.connect(clientTransport);
  return {
    client,
    async close() {
      await client.close();
      await server.close();
    },
  };
}
