import { createServer, type Server } from 'node:http';
import { gunzipSync } from 'node:zlib';

/** One envelope as received: its raw text (for "no secret anywhere" checks) and its parsed lines. */
export interface Envelope {
  path: string;
  raw: string;
  items: unknown[];
}

/**
 * A Sentry ingestion endpoint on 127.0.0.1 (a real HTTP server accepting the SDK's envelopes), so
 * the error-reporting test exercises the real SDK and transport without a Sentry account.
 */
export async function startFakeSentry() {
  const envelopes: Envelope[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const raw = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8');
      const items = raw.split('\n').filter(Boolean).map((line): unknown => {
        try {
          return JSON.parse(line);
        } catch (error) {
          return { unparsed: line, error: String(error) };
        }
      });
      envelopes.push({ path: req.url ?? '', raw, items });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('fake Sentry did not bind');
  return {
    /** A DSN pointing at this server (project 42). */
    dsn: `http://publickey@127.0.0.1:${address.port}/42`,
    envelopes,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
