// The real task domain the engine's tests run against: one migrated PGlite database per test
// process, users added as a case needs them, the task service on the case's clock, and the MCP
// task tools bound to each user, called through the same bridge the chat turn uses. As in the chat,
// the changes of one turn form one change group: undo takes them back together, and the bulk limits
// (3 deletes, 10 completions a turn) count within it.
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { InProcessMcpServer } from '../../src/agent/mcp-bridge.js';
import { createRuntime, type Runtime } from '../../src/compose.js';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/client.js';
import { user } from '../../src/db/schema.js';
import type { TaskService } from '../../src/domain/tasks/service.js';
import { createInProcessMcpClients, type InProcessMcpClients } from '../../src/mcp/in-process-clients.js';
import type { ToolWork } from '../../src/mcp/tool-work.js';
import { createLogger } from '../../src/observability/logger.js';
import { testDatabase } from '../helpers/db.js';

/** A user's task tools as the model calls them, turn by turn. */
export interface ToolRunner {
  /** Calls one tool; resolves with the text the model reads (a JSON result or an error message). */
  call(name: string, args: Record<string, unknown>): Promise<string>;
  /** Starts a chat turn: the changes made until the next one form one change group. */
  newTurn(): void;
}

/** A user of a session, with their tools. */
export interface SessionUser {
  id: string;
  tools: ToolRunner;
}

/** Users, tasks and tools at one instant in one time zone. */
export interface Session {
  /** The database, for seeding more tasks than the service would create in reasonable time. */
  db: Database;
  tasks: TaskService;
  /** The MCP clients of the session's users (an agent run can take them as its MCP server). */
  clients: InProcessMcpClients;
  addUser(): Promise<SessionUser>;
  /** The task tools of a user already in the database (one another session added, say), on this session's clock. */
  toolsOf(userId: string): ToolRunner;
  close(): Promise<void>;
}

const config = loadConfig({ NODE_ENV: 'test', BETTER_AUTH_SECRET: 'engine-tables-secret-engine-tables-0123', DATA_DIR: 'unused' }, 'test');
const logger = createLogger({ level: 'warn', version: 'test', environment: 'test', destination: new Writable({ write: (_c, _e, cb) => cb() }) });
let opened: Promise<Runtime> | undefined;

/** The process's runtime on one migrated in-memory database, built on first use. */
function base(): Promise<Runtime> {
  opened ??= testDatabase('pglite').then((database) => createRuntime(config, { logger, database: database.options }));
  return opened;
}

/** Closes the database (call it from an `after` hook: an open PGlite keeps the process alive). */
export async function closeWorld(): Promise<void> {
  const current = opened;
  opened = undefined;
  if (current) await (await current).close();
}

/** A session whose task service reads "now" as `now` and whose users live in `timeZone`: a runtime on the shared database. */
export async function openSession(now: Date, timeZone: string): Promise<Session> {
  const { db } = await base();
  const runtime = await createRuntime(config, { logger, database: { open: db }, now: () => now });
  const { settings, tasks } = runtime;
  // Each user's current turn; a change outside any turn is a group of its own.
  const turns = new Map<string, string>();
  const work = (userId: string): ToolWork => ({
    read: (request, fn) => runtime.toolWork.read(request, fn),
    change: (_request, fn) => runtime.unitOfWork({ group: turns.get(userId) ?? randomUUID(), source: 'chat' }, fn),
  });
  const clients = createInProcessMcpClients({ work, reportError: (error, tool) => console.error(`[test] ${tool} failed:`, error) });
  const toolsOf = (id: string): ToolRunner => {
    const server = new InProcessMcpServer(clients, id);
    // The user's MCP server is built on the first call: most users of a case only own tasks.
    return {
      async call(name, args) {
        await server.connect();
        const [content] = await server.callTool(name, args);
        return content && 'text' in content && typeof content.text === 'string' ? content.text : '';
      },
      newTurn: () => turns.set(id, randomUUID()),
    };
  };
  return {
    db: db.db,
    tasks,
    clients,
    async addUser() {
      const id = randomUUID();
      await db.db.insert(user).values({ id, name: 'Table user', email: `${id}@example.com` });
      await settings.update(id, { timezone: timeZone });
      return { id, tools: toolsOf(id) };
    },
    toolsOf,
    async close() {
      await clients.close();
      await runtime.close();
    },
  };
}
