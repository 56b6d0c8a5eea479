import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ListToolsResultSchema, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { createInProcessMcpClient, type McpServerDeps } from './server.js';
import type { ToolWork } from './tool-work.js';

/** What every user's in-process server shares: how tools reach the domain, the version and where failures go. */
export type InProcessMcpClientDeps = Omit<McpServerDeps, 'user' | 'work'> & {
  /** How `userId`'s tools reach the task domain. */
  work: (userId: string) => ToolWork;
  /** How many users' connections are kept; beyond it the least recently used one is dropped. */
  maxUsers?: number;
};

/** In-process MCP clients, one per user, each connected to a server bound to that user and kept for their next turn. */
export interface InProcessMcpClients {
  /** A connected client whose server acts for `userId` only; that user's concurrent turns share it. */
  forUser(userId: string): Promise<Client>;
  /** The servers' tools/list, asked once (of `userId`'s server): the tools and their schemas are the same for every user. */
  tools(userId: string): Promise<Tool[]>;
  /** Close every kept connection; later calls fail. */
  close(): Promise<void>;
}

type Connection = Awaited<ReturnType<typeof createInProcessMcpClient>>;

// A kept connection costs ~250 KB of heap once used (the server, its five tools, their compiled zod schemas): 16 MB at most.
const DEFAULT_MAX_USERS = 64;

/**
 * Keep each user's MCP server and client between chat turns. Building them cost ~5 ms of CPU a turn
 * (registering the tools, the initialize handshake, zod compiling the schemas on first use), and every
 * tools/list converts each zod schema to JSON Schema again, which the agent asked for on every model step.
 */
export function createInProcessMcpClients(deps: InProcessMcpClientDeps): InProcessMcpClients {
  const { maxUsers = DEFAULT_MAX_USERS, work, ...serverDeps } = deps;
  // Insertion order is recency order: a hit moves the user to the end, eviction takes the first.
  const connections = new Map<string, Promise<Connection>>();
  let toolList: Promise<Tool[]> | undefined;
  let closed = false;

  const connect = (userId: string): Promise<Connection> => {
    const kept = connections.get(userId);
    if (kept) {
      connections.delete(userId);
      connections.set(userId, kept);
      return kept;
    }
    const created = createInProcessMcpClient({ ...serverDeps, user: { id: userId }, work: work(userId) });
    connections.set(userId, created);
    created.catch(() => {
      if (connections.get(userId) === created) connections.delete(userId);
    });
    // An evicted connection is not closed: a turn may still be using it, and an in-memory pair holds no
    // socket, timer or handle, so it is garbage once that turn lets go of it.
    for (const oldest of connections.keys()) {
      if (connections.size <= maxUsers) break;
      connections.delete(oldest);
    }
    return created;
  };

  const forUser = async (userId: string): Promise<Client> => {
    if (closed) throw new Error('In-process MCP clients used after close()');
    return (await connect(userId)).client;
  };

  const tools = (userId: string): Promise<Tool[]> => {
    if (toolList) return toolList;
    // A plain request, not client.listTools(): that would also make this one client check every result
    // against its output schema, which the server already does.
    const listing = forUser(userId).then(async (client) => (await client.request({ method: 'tools/list' }, ListToolsResultSchema)).tools);
    toolList = listing;
    // A failed listing is asked again next time rather than remembered.
    listing.catch(() => {
      if (toolList === listing) toolList = undefined;
    });
    return listing;
  };

  const close = async (): Promise<void> => {
    closed = true;
    const open = [...connections.values()];
    connections.clear();
    const settled = await Promise.allSettled(open);
    await Promise.all(settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value.close()] : [])));
  };

  return { forUser, tools, close };
}
