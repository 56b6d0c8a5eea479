// One chat turn over `POST /api/{user_id}/chat`, streamed as Server-Sent Events.
import { ApiError, isAbort } from './errors';
import { readApiError, type ApiClient } from './http';
import { chatResultSchema, deltaSchema, errorBodySchema, toolCallSchema, type ChatResult, type ToolCall } from './schemas';
import { SseParser, type SseEvent } from './sse';

/** Callbacks for the parts of a reply as they arrive. */
export interface ChatStreamHandlers {
  onDelta(text: string): void;
  onToolCall(call: ToolCall): void;
}

/** What to send. */
export interface ChatRequest {
  readonly message: string;
  readonly conversationId: number | null;
  /** The browser's IANA time zone, so "tomorrow" means the user's tomorrow. */
  readonly timezone?: string;
  /** The browser's language ("en-GB"), so the reply writes dates the way the panel does. */
  readonly locale?: string | undefined;
}

function interrupted(cause?: unknown): ApiError {
  return new ApiError(
    0,
    'STREAM_INTERRUPTED',
    'The connection dropped before the reply finished.',
    { cause },
  );
}

function parseData(event: SseEvent): unknown {
  try {
    return JSON.parse(event.data);
  } catch (cause) {
    throw new ApiError(0, 'BAD_STREAM', `The server sent an unreadable "${event.event}" event.`, { cause });
  }
}

/** Applies one event; returns the final result on `done`. */
function handleEvent(event: SseEvent, handlers: ChatStreamHandlers): ChatResult | null {
  switch (event.event) {
    case 'delta':
      handlers.onDelta(deltaSchema.parse(parseData(event)).text);
      return null;
    case 'tool_call':
      handlers.onToolCall(toolCallSchema.parse(parseData(event)));
      return null;
    case 'done':
      return chatResultSchema.parse(parseData(event));
    case 'error': {
      const parsed = errorBodySchema.safeParse(parseData(event));
      if (!parsed.success) throw new ApiError(0, 'STREAM_ERROR', 'The assistant failed to answer. Retry in a moment.');
      throw new ApiError(0, parsed.data.error.code, parsed.data.error.message);
    }
    default:
      return null; // comments, keep-alives and events a newer server adds
  }
}

async function readStream(body: ReadableStream<Uint8Array>, handlers: ChatStreamHandlers): Promise<ChatResult> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (cause) {
        if (isAbort(cause)) throw cause;
        throw interrupted(cause);
      }
      // At the end, an event still missing its blank line is incomplete and is dropped, per the SSE spec.
      const events = parser.push(chunk.done ? decoder.decode() : decoder.decode(chunk.value, { stream: true }));
      for (const event of events) {
        const result = handleEvent(event, handlers);
        if (result) return result;
      }
      if (chunk.done) throw interrupted();
    }
  } finally {
    reader.cancel().catch((error: unknown) => console.debug('stream cancel failed', error));
  }
}

/** Sends a message and streams the reply; resolves with the full turn or throws ApiError. */
export async function sendChat(
  api: ApiClient,
  request: ChatRequest,
  handlers: ChatStreamHandlers,
  signal?: AbortSignal,
): Promise<ChatResult> {
  const body: { message: string; conversation_id?: number; timezone?: string; locale?: string } = { message: request.message };
  if (request.conversationId !== null) body.conversation_id = request.conversationId;
  if (request.timezone) body.timezone = request.timezone;
  if (request.locale) body.locale = request.locale;
  const response = await api.fetch(api.url('/api/{user_id}/chat'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
    body: JSON.stringify(body),
    signal,
  });
  if (!response.ok) throw await readApiError(response);
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('text/event-stream') && response.body) return readStream(response.body, handlers);
  // A server (or proxy) that does not stream: the same turn as one JSON body.
  const result = chatResultSchema.parse(await response.json());
  result.tool_calls.forEach((call) => handlers.onToolCall(call));
  handlers.onDelta(result.response);
  return result;
}
