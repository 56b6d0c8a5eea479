import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { chatRequestSchema } from '../../agent/chat-request.js';
import type { ChatReply, ChatService, TurnListener } from '../../agent/turn.js';
import { jsonBody, parseInput } from '../../domain/validation.js';
import { AppError, errorBody } from '../../errors.js';
import { currentUser } from '../authenticate.js';

/** POST /api/:userId/chat — JSON by default, Server-Sent Events with `Accept: text/event-stream`. */
export function registerChatRoutes(app: FastifyInstance, chat: ChatService): void {
  app.post('/chat', async (request, reply) => {
    // Validation, the conversation lookup and storing the user message happen before any byte is streamed,
    // so those failures are ordinary JSON errors with their status.
    const turn = await chat.prepare(currentUser(request).id, parseInput(chatRequestSchema, jsonBody(request.body)));
    if (!wantsEventStream(request)) return chat.run(turn);
    return streamTurn(request, reply, (listener) => chat.run(turn, listener));
  });
}

function wantsEventStream(request: FastifyRequest): boolean {
  return /\btext\/event-stream\b/.test(request.headers.accept ?? '');
}

async function streamTurn(request: FastifyRequest, reply: FastifyReply, runTurn: (listener: TurnListener) => Promise<ChatReply>): Promise<void> {
  reply.hijack();
  const raw = reply.raw;
  // Headers set by hooks (request id, CORS, security) are on the reply, which hijack bypasses: copy them.
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) raw.setHeader(name, value);
  }
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  const send = (event: string, data: unknown) => {
    if (!raw.writableEnded) raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  try {
    const result = await runTurn({
      onDelta: (text) => send('delta', { text }),
      onToolCall: (call) => send('tool_call', call),
    });
    send('done', result);
  } catch (error) {
    const known = error instanceof AppError ? error : undefined;
    if (!known) {
      // Errors inside a stream never reach Fastify's error handler: log and report them here.
      request.log.error({ err: error }, 'chat stream failed');
      request.server.reportError(error, request);
    }
    send('error', known ? { ...errorBody(known.code, known.message), status: known.status } : errorBody('INTERNAL', 'Something went wrong on our side; it has been logged'));
  } finally {
    raw.end();
  }
}
