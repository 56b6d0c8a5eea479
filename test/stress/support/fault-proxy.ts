// Transport faults in front of the fake OpenAI-compatible server: the fake decides what the model says, this
// proxy decides what happens on the wire (late answers, a connection dropped before any byte, a response cut
// off part-way — including in the middle of a stream).
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** What the proxy does with one request. */
export type WireFault =
  | { kind: 'pass' }
  | { kind: 'delay'; ms: number }
  | { kind: 'drop' }
  | { kind: 'cut'; afterBytes: number }
  /** Stream the Server-Sent Events up to and including the first frame containing `marker`, then cut. */
  | { kind: 'cut-after-frame'; marker: string };

/** Decides the fault for the index-th request since the last `use`. */
export type FaultPlan = (index: number) => WireFault;

function cutAfterFrame(upstream: IncomingMessage, res: ServerResponse, marker: string): void {
  let buffered = '';
  let cut = false;
  upstream.on('data', (chunk: Buffer) => {
    if (cut) return;
    buffered += chunk.toString();
    const frames = buffered.split('\n\n');
    buffered = frames.pop() ?? '';
    for (const frame of frames) {
      res.write(`${frame}\n\n`);
      if (frame.includes(marker)) {
        cut = true;
        setTimeout(() => res.socket?.destroy(), 20);
        upstream.destroy();
        return;
      }
    }
  });
  // The marker never came: pass the rest through unharmed.
  upstream.on('end', () => {
    if (!cut) res.end(buffered);
  });
}

/** Start the proxy on 127.0.0.1 in front of `upstream` (the fake's base URL, ending in /v1). */
export async function startFaultProxy(upstream: string) {
  const target = new URL(upstream);
  let plan: FaultPlan = () => ({ kind: 'pass' });
  let seen = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const fault = plan(seen++);
      if (fault.kind === 'drop') {
        req.socket.destroy();
        return;
      }
      const forward = () => {
        const upstreamReq = httpRequest(
          { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } },
          (upstreamRes: IncomingMessage) => {
            res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
            if (fault.kind === 'cut-after-frame') {
              cutAfterFrame(upstreamRes, res, fault.marker);
              return;
            }
            if (fault.kind !== 'cut') {
              upstreamRes.pipe(res);
              return;
            }
            let sent = 0;
            upstreamRes.on('data', (chunk: Buffer) => {
              if (sent >= fault.afterBytes) return;
              const room = fault.afterBytes - sent;
              res.write(chunk.subarray(0, Math.max(0, room)));
              sent += chunk.length;
              // Flush what fits, then kill the connection mid-body: the client sees a truncated response.
              if (sent >= fault.afterBytes) setTimeout(() => res.socket?.destroy(), 20);
            });
            upstreamRes.on('end', () => {
              if (!res.destroyed) res.socket?.destroy();
            });
          },
        );
        upstreamReq.on('error', () => res.socket?.destroy());
        upstreamReq.end(Buffer.concat(chunks));
      };
      if (fault.kind === 'delay') setTimeout(forward, fault.ms);
      else forward();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('fault proxy did not bind');
  return {
    url: `http://127.0.0.1:${address.port}/v1`,
    /** How many requests reached the proxy since the last `use`. */
    seen: () => seen,
    /** Replace the fault plan; `index` counts from 0 again. */
    use(next: FaultPlan) {
      plan = next;
      seen = 0;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
