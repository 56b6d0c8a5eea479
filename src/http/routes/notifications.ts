// Notifications: the list and its unread flags, a live stream (Server-Sent Events, resumable with Last-Event-ID),
// and the browsers' Web Push subscriptions.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { toNotification, type NotificationRow, type NotificationService } from '../../domain/notifications.js';
import { idSchema, jsonBody, parseInput } from '../../domain/validation.js';
import { AppError } from '../../errors.js';
import type { NotificationHub } from '../../notify/hub.js';
import { currentUser } from '../authenticate.js';

const listQuery = z.object({
  unread: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
  limit: z.coerce.number({ error: 'must be a number' }).int('must be an integer').min(1, 'must be at least 1').max(200, 'must be at most 200').optional(),
});
const idParams = z.object({ id: idSchema });
const subscriptionBody = z.strictObject({
  endpoint: z.url({ protocol: /^https?$/, error: 'must be the push service URL' }).max(2000, 'is too long'),
  keys: z.object({ p256dh: z.string().min(1).max(200), auth: z.string().min(1).max(100) }, { error: 'must be {p256dh, auth}' }),
  expirationTime: z.number().nullable().optional(),
});
const unsubscribeBody = z.strictObject({ endpoint: z.string({ error: 'must be the subscription endpoint' }).min(1).max(2000) });

// A comment line every so often keeps proxies from closing an idle stream.
const HEARTBEAT_MS = 25_000;

export interface NotificationRouteDeps {
  notifications: NotificationService;
  hub: NotificationHub;
  /** The VAPID public key browsers subscribe with; undefined when Web Push is not configured. */
  vapidPublicKey?: string;
}

/** The id a stream resumes after: Last-Event-ID (reconnecting EventSource) or ?after=. */
function resumeAfter(request: FastifyRequest): number {
  const header = request.headers['last-event-id'];
  const query = (request.query as { after?: unknown }).after;
  const value = typeof header === 'string' ? header : typeof query === 'string' ? query : '0';
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 0) throw new AppError('VALIDATION_FAILED', 'Last-Event-ID must be a notification id');
  return parsed;
}

function stream(request: FastifyRequest, reply: FastifyReply, deps: NotificationRouteDeps, userId: string, after: number): void {
  reply.hijack();
  const raw = reply.raw;
  for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) raw.setHeader(name, value);
  raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  let last = after;
  const send = (row: NotificationRow) => {
    if (row.id <= last || raw.writableEnded) return;
    last = row.id;
    raw.write(`id: ${row.id}\nevent: notification\ndata: ${JSON.stringify(toNotification(row))}\n\n`);
  };
  // Listen first, then send what was missed: a row arriving in between comes through one or the other, once.
  const pending: NotificationRow[] = [];
  let caughtUp = false;
  const unsubscribe = deps.hub.subscribe(userId, (row) => (caughtUp ? send(row) : pending.push(row)));
  const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS).unref();
  raw.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
  raw.write(`retry: 3000\n\n`);
  deps.notifications.userSince(userId, after, 200).then(
    (missed) => {
      for (const row of missed) send(row);
      caughtUp = true;
      for (const row of pending.sort((a, b) => a.id - b.id)) send(row);
    },
    (error: unknown) => {
      request.log.error({ err: error }, 'notification stream backlog failed');
      raw.end();
    },
  );
}

/** The notification routes under /api/:userId. */
export function registerNotificationRoutes(app: FastifyInstance, deps: NotificationRouteDeps): void {
  app.get('/notifications', async (request) => {
    const { unread, limit } = parseInput(listQuery, request.query, 'query');
    return deps.notifications.list(currentUser(request).id, { unread: unread === 'true', limit });
  });

  app.post('/notifications/:id/read', async (request) => {
    const { id } = parseInput(idParams, request.params, 'path');
    return deps.notifications.markRead(currentUser(request).id, id);
  });

  app.get('/notifications/stream', async (request, reply) => stream(request, reply, deps, currentUser(request).id, resumeAfter(request)));

  app.get('/push-subscriptions/key', async () => {
    if (!deps.vapidPublicKey) throw new AppError('NOT_FOUND', 'Web Push is not configured on this server');
    return { public_key: deps.vapidPublicKey };
  });

  app.post('/push-subscriptions', async (request, reply) => {
    if (!deps.vapidPublicKey) throw new AppError('NOT_FOUND', 'Web Push is not configured on this server');
    const { endpoint, keys } = parseInput(subscriptionBody, jsonBody(request.body));
    await deps.notifications.addPushSubscription(currentUser(request).id, { endpoint, ...keys });
    return reply.status(201).send({ endpoint });
  });

  app.delete('/push-subscriptions', async (request, reply) => {
    const { endpoint } = parseInput(unsubscribeBody, jsonBody(request.body));
    if (!(await deps.notifications.removeOwnPushSubscription(currentUser(request).id, endpoint))) throw new AppError('NOT_FOUND', 'No such push subscription');
    return reply.status(204).send();
  });
}
