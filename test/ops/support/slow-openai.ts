import { createServer, type Server } from 'node:http';

/**
 * An OpenAI-compatible Chat Completions server on 127.0.0.1 that answers every request with plain text,
 * streamed in `chunks` pieces `delayMs` apart (JSON answers wait the same total): a slow real provider,
 * so chat turns are still streaming when the app receives SIGTERM.
 */
export async function startSlowOpenAI(options: { chunks: number; delayMs: number }) {
  let requests = 0;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      requests += 1;
      const stream = /"stream"\s*:\s*true/.test(raw);
      const id = `chatcmpl-slow-${requests}`;
      const text = Array.from({ length: options.chunks }, (_, i) => `part${i} `);
      if (!stream) {
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id, object: 'chat.completion', created: 0, model: 'slow', choices: [{ index: 0, message: { role: 'assistant', content: text.join('') }, finish_reason: 'stop' }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }));
        }, options.chunks * options.delayMs);
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const chunk = (delta: object, finish: string | null = null) =>
        res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 0, model: 'slow', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);
      chunk({ role: 'assistant' });
      let sent = 0;
      const timer = setInterval(() => {
        if (res.destroyed) return clearInterval(timer);
        if (sent < text.length) {
          chunk({ content: text[sent] });
          sent += 1;
          return;
        }
        clearInterval(timer);
        chunk({}, 'stop');
        res.end('data: [DONE]\n\n');
      }, options.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('slow provider did not bind');
  return {
    url: `http://127.0.0.1:${address.port}/v1`,
    /** Requests received so far. */
    count: () => requests,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
