// How an MCP tool call reaches the task domain. A call made by an external client (HTTP, stdio) works in a
// transaction of its own. A call the chat turn makes in process runs in the turn's transaction, which the turn
// lends for that one call: it names the loan in the request's `_meta`, the tool finds the domain under it.
import { randomUUID } from 'node:crypto';
import type { Domain, UnitOfWork } from '../domain/index.js';

/** The part of the domain the tools use. */
export type ToolDomain = Pick<Domain, 'tasks' | 'activity' | 'undo'>;

/** What a tool handler knows of its request besides the arguments (the SDK's RequestHandlerExtra), and who the client is. */
export interface ToolRequest {
  _meta?: Record<string, unknown>;
  /** The MCP client's name from its initialize, when the transport knows it. */
  client?: string;
}

/** Runs a tool's reads and changes. */
export interface ToolWork {
  /** Read-only work: no transaction. */
  read<T>(request: ToolRequest, fn: (domain: ToolDomain) => Promise<T>): Promise<T>;
  /** A change: in one transaction with whatever else the caller does in it, or in its own. */
  change<T>(request: ToolRequest, fn: (domain: ToolDomain) => Promise<T>): Promise<T>;
}

/** Each change in a transaction of its own and a change group of its own (external MCP clients: one call, one group). */
export function standaloneWork(domain: ToolDomain, unitOfWork: UnitOfWork): ToolWork {
  return {
    read: (_request, fn) => fn(domain),
    change: (request, fn) => unitOfWork({ group: randomUUID(), source: 'mcp', client: request.client ?? null }, fn),
  };
}

/** The `_meta` key under which a caller names the domain it lent a call. */
export const LOAN_KEY = 'dev.todo-chatbot/loan';

/** Domains lent to in-process tool calls, each for the duration of one call. */
export class DomainLoans {
  private readonly loans = new Map<string, { userId: string; domain: ToolDomain }>();

  /** Lend `domain` to one call of `userId`'s tools while `call` runs; `call` gets the `_meta` to send with its request. */
  async lend<T>(userId: string, domain: ToolDomain, call: (meta: Record<string, string>) => Promise<T>): Promise<T> {
    const id = randomUUID();
    this.loans.set(id, { userId, domain });
    try {
      return await call({ [LOAN_KEY]: id });
    } finally {
      this.loans.delete(id);
    }
  }

  /**
   * The work of `userId`'s tools: `fallback`, except that a change naming a loan made to this user runs on the lent
   * domain (already inside the lender's transaction).
   */
  work(userId: string, fallback: ToolWork): ToolWork {
    return {
      read: (request, fn) => fallback.read(request, fn),
      change: (request, fn) => {
        const id = request._meta?.[LOAN_KEY];
        const loan = typeof id === 'string' ? this.loans.get(id) : undefined;
        return loan?.userId === userId ? fn(loan.domain) : fallback.change(request, fn);
      },
    };
  }
}
