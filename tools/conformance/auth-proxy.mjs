// A local reverse proxy that adds `Authorization: Bearer <MCP_TOKEN>` to every request, because the conformance
// CLI cannot send an auth header itself. Usage: MCP_TOKEN=… node auth-proxy.mjs <listen-port> <target-origin>
import http from 'node:http';
import process from 'node:process';
import { URL } from 'node:url';

const [port, target] = process.argv.slice(2);
const token = process.env.MCP_TOKEN;
if (!port || !target || !token) {
  process.stderr.write('usage: MCP_TOKEN=<key> node auth-proxy.mjs <listen-port> <target-origin>\n');
  process.exit(2);
}
const upstream = new URL(target);

http
  .createServer((req, res) => {
    // The Host and Origin headers pass through unchanged, so the server's DNS-rebinding checks see what the CLI sent.
    const forwarded = http.request(
      { hostname: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: { ...req.headers, authorization: `Bearer ${token}` } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', (error) => {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'BAD_GATEWAY', message: error.message } }));
    });
    req.pipe(forwarded);
  })
  .listen(Number(port), '127.0.0.1');
