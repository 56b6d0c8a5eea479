// Real local stand-ins for what lies outside the project and receives notifications: a webhook receiver, a Web
// Push service (it checks the VAPID signature and decrypts the aes128gcm payload like a browser's push service
// and the browser would), and an SMTP server (the `smtp-server` package). All listen on 127.0.0.1, port 0.
import { createDecipheriv, createECDH, hkdfSync, randomBytes, type ECDH } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { importJWK, jwtVerify } from 'jose';
import { SMTPServer } from 'smtp-server';

/** One request an HTTP stand-in received. */
export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** An HTTP server that records every request and answers each path with the next status of its script (then 200; 0: never answers). */
export interface RecordingServer {
  url: string;
  requests: ReceivedRequest[];
  /** Answer the next requests to `path` with these statuses, in order. */
  script(path: string, statuses: number[]): void;
  close(): Promise<void>;
}

async function listening(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Start a recording HTTP server (a webhook receiver or a push service). */
export async function startRecordingServer(): Promise<RecordingServer> {
  const requests: ReceivedRequest[] = [];
  const scripts = new Map<string, number[]>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      requests.push({ path, headers: request.headers, body: Buffer.concat(chunks) });
      const status = scripts.get(path)?.shift() ?? 200;
      if (status === 0) return;
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'no');
    });
  });
  const url = await listening(server);
  return {
    url,
    requests,
    script: (path, statuses) => void scripts.set(path, [...statuses]),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A browser's side of a push subscription: its P-256 key pair and auth secret, as the Push API makes them. */
export interface BrowserKeys {
  ecdh: ECDH;
  auth: Buffer;
  /** The `keys` of the subscription JSON a browser posts. */
  json: { p256dh: string; auth: string };
}

/** Make the keys a browser makes when it subscribes. */
export function browserKeys(): BrowserKeys {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return { ecdh, auth, json: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') } };
}

/** Decrypt an aes128gcm Web Push body (RFC 8291 / RFC 8188, one record) with the browser's keys. */
export function decryptPush(body: Buffer, keys: BrowserKeys): string {
  const salt = body.subarray(0, 16);
  const idLength = body[20]!;
  const serverPublic = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), keys.ecdh.getPublicKey(), serverPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', keys.ecdh.computeSecret(serverPublic), keys.auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const plain = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02 and optional zero padding.
  return plain.subarray(0, plain.lastIndexOf(2)).toString('utf8');
}

/** Check a push request's `Authorization: vapid t=<jwt>, k=<public key>` the way a push service does; returns the JWT claims. */
export async function verifyVapid(headers: IncomingHttpHeaders, audience: string, publicKey: string): Promise<{ sub?: unknown; aud?: unknown; exp?: unknown }> {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(String(headers.authorization));
  if (!match) throw new Error(`not a VAPID authorization: ${String(headers.authorization)}`);
  if (match[2] !== publicKey) throw new Error('signed with another VAPID key');
  const raw = Buffer.from(publicKey, 'base64url');
  const key = await importJWK({ kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33, 65).toString('base64url') }, 'ES256');
  const { payload } = await jwtVerify(match[1]!, key, { algorithms: ['ES256'], audience });
  return payload;
}

/** A mail the SMTP stand-in accepted. */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** A local SMTP server; recipients whose address starts with "refused" get a 550. */
export interface LocalSmtp {
  url: string;
  mails: ReceivedMail[];
  close(): Promise<void>;
}

/** Start a local SMTP server (no TLS, no auth) that keeps every mail it accepts. */
export async function startSmtpServer(): Promise<LocalSmtp> {
  const mails: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('refused')) return callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const from = session.envelope.mailFrom;
        mails.push({ from: from ? from.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  const port = (smtp.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise((resolve) => smtp.close(() => resolve())) };
}
