import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** What the fake provider does for one request. */
export type FakeStep =
  | { kind: 'text'; text: string }
  | { kind: 'tools'; calls: { name: string; arguments: string }[] }
  | { kind: 'status'; status: number; headers?: Record<string, string> }
  | { kind: 'hang' }
  | { kind: 'drop' };

/** Decides the answer to the index-th request since the last `use`. */
export type Script = (request: FakeRequest, index: number) => FakeStep | Promise<FakeStep>;

/** A request the fake received: the Chat Completions body. */
export interface FakeRequest {
  body: { model: string; stream?: boolean; messages: { role: string; content?: unknown; tool_calls?: unknown[]; tool_call_id?: string }[]; tools?: { function: { name: string } }[] };
  headers: IncomingMessage['headers'];
}

/**
 * An OpenAI-compatible Chat Completions server on 127.0.0.1: a real HTTP server speaking the wire format
 * (JSON and streaming), answering from a script. The only fake in the test suite: the provider lies outside the project.
 */
export async function startFakeOpenAI(initial: Script = () => ({ kind: 'text', text: 'ok' })) {
  const requests: FakeRequest[] = [];
  let script = initial;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `no route ${req.url}` } }));
        return;
      }
      const request: FakeRequest = { body: JSON.parse(raw) as FakeRequest['body'], headers: req.headers };
      requests.push(request);
      void Promise.resolve(script(request, requests.length - 1)).then((step) => answer(res, step, request.body.stream === true));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('fake provider did not bind');
  return {
    url: `http://127.0.0.1:${address.port}/v1`,
    requests,
    /** Replace the script and forget earlier requests; `index` counts from 0 again. */
    use(next: Script) {
      script = next;
      requests.length = 0;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let ids = 0;

function answer(res: ServerResponse, step: FakeStep, stream: boolean): void {
  if (step.kind === 'hang') return;
  if (step.kind === 'drop') {
    res.socket?.destroy();
    return;
  }
  if (step.kind === 'status') {
    res.writeHead(step.status, { 'content-type': 'application/json', ...step.headers });
    res.end(JSON.stringify({ error: { message: `scripted ${step.status}`, type: 'server_error' } }));
    return;
  }
  const id = `chatcmpl-${++ids}`;
  const toolCalls = step.kind === 'tools' ? step.calls.map((c, i) => ({ id: `call_${ids}_${i}`, type: 'function', function: c })) : undefined;
  const content = step.kind === 'text' ? step.text : null;
  const finish = step.kind === 'tools' ? 'tool_calls' : 'stop';
  const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
  if (!stream) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id, object: 'chat.completion', created: 0, model: 'fake', choices: [{ index: 0, message: { role: 'assistant', content, tool_calls: toolCalls }, finish_reason: finish }], usage }));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  const chunk = (delta: object, finishReason: string | null = null) =>
    res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 0, model: 'fake', choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`);
  chunk({ role: 'assistant' });
  if (content) for (const piece of content.match(/.{1,8}/gs) ?? []) chunk({ content: piece });
  toolCalls?.forEach((call, index) => chunk({ tool_calls: [{ index, ...call }] }));
  chunk({}, finish);
  res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 0, model: 'fake', choices: [], usage })}\n\n`);
  res.end('data: [DONE]\n\n');
}
