// Generated requests across every route: methods, paths, ids, query strings, headers, body types, sizes and
// encodings, drawn from a seeded PRNG so a failure can be replayed.
import type { InjectOptions } from 'fastify';

/** The identities and ids a generated request may use. */
export interface FuzzWorld {
  attacker: { id: string; jwt: string; sessionToken: string; email: string };
  victim: { id: string; taskId: number; conversationId: number };
  own: { taskId: number; conversationId: number };
  /** A JWT signed by the server but for the victim (to swap into paths with the attacker's). Never used as a credential. */
  otherJwt: string;
}

type Random = () => number;
type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS' | 'HEAD';

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function junkString(random: Random): string {
  return pick(random, [
    '',
    ' ',
    'x',
    'buy milk',
    'ñandú 😀 中文',
    '\u0000',
    '\ud800',
    '<script>alert(1)</script>',
    "' or 1=1 --",
    '../../etc/passwd',
    '%00%2e%2e',
    'a'.repeat(501),
    'b'.repeat(5001),
    'c'.repeat(100_000),
    '\r\nSet-Cookie: x=1',
    'add buy milk',
    'list my tasks',
    'complete task 1',
    'delete task 2147483647',
  ]);
}

function junkValue(random: Random, depth = 0): unknown {
  const roll = random();
  if (depth > 3 || roll < 0.35) return pick(random, [null, true, false, 0, -1, 1.5, 2_147_483_648, 1e308, Number.MAX_SAFE_INTEGER, '1', junkString(random)]);
  if (roll < 0.6) return Array.from({ length: Math.floor(random() * 4) }, () => junkValue(random, depth + 1));
  const keys = ['title', 'description', 'completed', 'message', 'conversation_id', 'user_id', 'status', 'task_id', '__proto__', 'constructor', 'email', 'password', 'name'];
  return Object.fromEntries(Array.from({ length: Math.floor(random() * 5) }, () => [pick(random, keys), junkValue(random, depth + 1)]));
}

function deepNest(depth: number): string {
  return `${'['.repeat(depth)}1${']'.repeat(depth)}`;
}

function body(random: Random, world: FuzzWorld): { payload?: string | Buffer; contentType?: string } {
  const roll = random();
  const json = (value: unknown) => ({ payload: JSON.stringify(value), contentType: 'application/json' });
  if (roll < 0.25) return json(junkValue(random));
  if (roll < 0.4) {
    return json(pick(random, [
      { title: junkString(random), description: junkValue(random) },
      { title: 'ok', completed: junkValue(random) },
      { message: junkString(random), conversation_id: pick(random, [world.own.conversationId, world.victim.conversationId, 0, -5, 'abc', null, 1e20]) },
      { email: pick(random, [world.attacker.email, junkString(random)]), password: junkString(random), name: junkString(random) },
      { jsonrpc: '2.0', id: 1, method: pick(random, ['tools/call', 'tools/list', 'initialize', 'nope', '']), params: { name: pick(random, ['add_task', 'complete_task', 'delete_task', 'x']), arguments: junkValue(random) } },
      { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'complete_task', arguments: { task_id: world.victim.taskId } } },
      { jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'add_task', arguments: { title: 'fuzz', user_id: world.victim.id } } },
    ]));
  }
  if (roll < 0.5) return { payload: pick(random, ['{', '{"title":', '[1,2', 'null', '"str"', '123', 'true', '{"a":1}{"b":2}', '\u0000', '{"title":"\\ud800"}']), contentType: 'application/json' };
  if (roll < 0.55) return { payload: `{"title":${deepNest(pick(random, [100, 5000, 50_000]))}}`, contentType: 'application/json' };
  if (roll < 0.6) return { payload: `{"title":"${'x'.repeat(pick(random, [900_000, 1_100_000, 2_000_000]))}"}`, contentType: 'application/json' };
  if (roll < 0.65) return { payload: Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0xa0, 0xa1]), contentType: pick(random, ['application/json', 'application/octet-stream']) };
  if (roll < 0.75) return { payload: 'title=x&description=y', contentType: pick(random, ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/xml', 'Application/JSON', 'application/json;;', '*/*']) };
  if (roll < 0.8) return { payload: JSON.stringify(junkValue(random)), contentType: undefined };
  return {};
}

function segment(random: Random, own: string, other: string): string {
  return pick(random, [own, own, own, own, own, other, '0', '-1', '1.5', '2147483648', '99999999999999999999', 'abc', '%20', 'ñ', '..', 'null', 'undefined', '1e3', '0x10', ' 1', encodeURIComponent("1' or '1'='1"), 'a'.repeat(2000)]);
}

/** One generated request. */
export function generateRequest(random: Random, world: FuzzWorld): InjectOptions & { method: HttpMethod; url: string } {
  const uid = segment(random, world.attacker.id, world.victim.id);
  const taskId = segment(random, String(world.own.taskId), String(world.victim.taskId));
  const convId = segment(random, String(world.own.conversationId), String(world.victim.conversationId));
  const routes: Array<[HttpMethod, string]> = [
    ['GET', '/health'], ['GET', '/health/live'], ['GET', '/health/ready'], ['GET', '/.well-known/oauth-protected-resource'],
    ['GET', '/api/auth/jwks'], ['GET', '/api/auth/token'], ['GET', '/api/auth/get-session'], ['POST', '/api/auth/sign-in/email'],
    ['POST', '/api/auth/sign-up/email'], ['POST', '/api/auth/sign-out'], ['GET', `/api/auth/${junkString(random).slice(0, 40)}`],
    ['GET', `/api/${uid}/tasks`], ['POST', `/api/${uid}/tasks`], ['GET', `/api/${uid}/tasks/${taskId}`], ['PUT', `/api/${uid}/tasks/${taskId}`],
    ['DELETE', `/api/${uid}/tasks/${taskId}`], ['PATCH', `/api/${uid}/tasks/${taskId}/complete`], ['GET', `/api/${uid}/conversations`],
    ['GET', `/api/${uid}/conversations/${convId}/messages`], ['PATCH', `/api/${uid}/conversations/${convId}`], ['DELETE', `/api/${uid}/conversations/${convId}`],
    ['POST', `/api/${uid}/chat`], ['POST', `/api/${uid}/chat`], ['POST', '/mcp'], ['POST', '/mcp'], ['GET', '/mcp'], ['DELETE', '/mcp'],
    ['GET', `/${junkString(random).slice(0, 60)}`], ['GET', '/api'], ['GET', `/api/${uid}`],
  ];
  const [routeMethod, path] = pick(random, routes);
  const method = random() < 0.12 ? pick(random, ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'] as const) : routeMethod;
  const query = random() < 0.3
    ? `?${pick(random, ['status=pending', 'status=done', 'limit=0', 'limit=1001', 'limit=abc', 'offset=-1', 'status=all&status=completed', 'token=x', `limit=${'9'.repeat(400)}`, 'a[b]=c', '%zz'])}`
    : '';
  const headers: Record<string, string> = {};
  const auth = random();
  if (auth < 0.7) headers.authorization = `Bearer ${world.attacker.jwt}`;
  else if (auth < 0.75) headers.authorization = `Bearer ${world.attacker.sessionToken}`;
  else if (auth < 0.8) headers.authorization = pick(random, ['Bearer', 'Bearer ', 'Basic YTpi', `Bearer ${world.attacker.jwt}x`, `bearer ${world.attacker.jwt}`, `Bearer ${'a'.repeat(8000)}`, `Bearer ${world.otherJwt.split('.').slice(0, 2).join('.')}.`]);
  if (random() < 0.3) headers.accept = pick(random, ['application/json', 'text/event-stream', 'application/json, text/event-stream', '*/*', 'text/html', 'nonsense']);
  if (random() < 0.2) headers.origin = pick(random, ['http://localhost:3000', 'https://evil.example', 'null', 'file://']);
  if (random() < 0.2) headers['x-request-id'] = pick(random, ['abc-123', 'x'.repeat(129), 'a b', 'ünï', '../../x', '1'.repeat(128)]);
  if (random() < 0.1) headers['content-encoding'] = pick(random, ['gzip', 'br', 'identity', 'x-unknown']);
  const { payload, contentType } = method === 'GET' || method === 'HEAD' ? (random() < 0.1 ? body(random, world) : {}) : body(random, world);
  if (contentType) headers['content-type'] = contentType;
  return { method, url: `${path}${query}`, headers, ...(payload !== undefined ? { payload } : {}) };
}
