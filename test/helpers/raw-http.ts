// Raw HTTP over a socket, for requests fetch and inject refuse to send (bare CR in a header, folded headers,
// headers past Node's size limit).
import net from 'node:net';

/** A parsed raw response: status, lower-cased headers (repeated ones joined by "\n") and body. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  raw: string;
}

/** Send `request` verbatim to 127.0.0.1:port and read until the server closes or `timeoutMs` passes. */
export function sendRaw(port: number, request: string, timeoutMs = 3000): Promise<RawResponse> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let raw = '';
    const finish = () => {
      socket.destroy();
      const [head = '', ...rest] = raw.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        if (colon < 0) continue;
        const name = line.slice(0, colon).trim().toLowerCase();
        const value = line.slice(colon + 1).trim();
        headers[name] = headers[name] ? `${headers[name]}\n${value}` : value;
      }
      resolve({ status: Number(/^HTTP\/1\.\d (\d{3})/.exec(statusLine)?.[1] ?? 0), headers, body: rest.join('\r\n\r\n'), raw });
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('data', (chunk: Buffer) => (raw += chunk.toString('latin1')));
    socket.on('close', () => {
      clearTimeout(timer);
      finish();
    });
    // A reset after the answer is normal here (the server closes bad requests); keep it visible in `raw`.
    socket.on('error', (error) => (raw += `\n[socket error: ${error.message}]`));
    socket.write(request, 'latin1');
  });
}
