import { createServer, type Server } from 'node:http';
import type { Metrics } from '../observability/metrics.js';
import { answerScrape } from './metrics-route.js';

/** A running internal metrics listener. */
export interface MetricsServer {
  readonly port: number;
  close(): Promise<void>;
}

/** Serve GET /metrics alone on an internal port (METRICS_PORT on METRICS_HOST), token-checked when one is set. */
export async function startMetricsServer(metrics: Metrics, options: { port: number; host: string; token?: string }): Promise<MetricsServer> {
  const server: Server = createServer((req, res) => {
    void answerScrape(metrics, req, options.token).then(
      ({ status, type, body }) => res.writeHead(status, { 'content-type': type }).end(body),
      (error: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
