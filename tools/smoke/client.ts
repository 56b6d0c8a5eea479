import { z } from 'zod';

/** One HTTP exchange as the smoke checks see it. */
export interface SmokeResponse {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or undefined when the body is not JSON. */
  body: unknown;
  text: string;
  ms: number;
}

export interface RequestOptions {
  /** Bearer token (a JWT, or a Better Auth session token for /api/auth routes). */
  token?: string;
  json?: unknown;
  headers?: Record<string, string>;
}

/** A small fetch wrapper bound to one deployment: the Origin Better Auth wants, a timeout, timings. */
export class SmokeClient {
  constructor(
    readonly baseUrl: string,
    readonly origin: string,
    private readonly timeoutMs: number,
  ) {}

  /** Send one request; network failures and timeouts throw with the method and path in the message. */
  async request(method: string, path: string, options: RequestOptions = {}): Promise<SmokeResponse> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.json !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET') headers.origin = this.origin;
    const started = performance.now();
    let response: Response;
    try {
      response = await fetch(new URL(path, this.baseUrl), {
        method,
        headers,
        body: options.json === undefined ? undefined : JSON.stringify(options.json),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      throw new Error(`${method} ${path} failed: ${reason}`, { cause: error });
    }
    const text = await response.text();
    const ms = performance.now() - started;
    return { status: response.status, headers: response.headers, body: parseJson(text, response.headers), text, ms };
  }
}

function parseJson(text: string, headers: Headers): unknown {
  if (!/json/.test(headers.get('content-type') ?? '') || !text) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    // A JSON content type with a broken body: the check that reads it reports the mismatch.
    return { unparsable: text.slice(0, 200), reason: error instanceof Error ? error.message : String(error) };
  }
}

/** A failed expectation: its message is the table's detail column. */
export class CheckFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckFailed';
  }
}

/** Throw CheckFailed with `message` unless `condition` holds. */
export function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailed(message);
}

/** Expect a status, saying what came back when it differs. */
export function expectStatus(response: SmokeResponse, status: number, what: string): void {
  expect(response.status === status, `${what}: expected ${status}, got ${response.status} ${response.text.slice(0, 160)}`);
}

/** Parse a response body with a schema, or fail naming what was expected. */
export function read<T>(schema: z.ZodType<T>, response: SmokeResponse, what: string): T {
  const parsed = schema.safeParse(response.body);
  if (!parsed.success) throw new CheckFailed(`${what}: unexpected body ${response.text.slice(0, 160)}`);
  return parsed.data;
}

export const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export const tokenSchema = z.object({ token: z.string().min(10) });
export const signUpSchema = z.object({ user: z.object({ id: z.string().min(1) }) });
export const taskSchema = z.object({ id: z.number().int(), title: z.string(), completed: z.boolean() });
export const toolCallSchema = z.object({ name: z.string(), arguments: z.unknown(), result: z.unknown() });
export const chatReplySchema = z.object({ conversation_id: z.number().int(), response: z.string(), tool_calls: z.array(toolCallSchema) });
export const messageSchema = z.object({ id: z.number().int(), role: z.enum(['user', 'assistant']), content: z.string() });
export const healthSchema = z.object({
  status: z.string(),
  version: z.string(),
  database: z.object({ connected: z.boolean(), latency_ms: z.number().nullable() }),
});
