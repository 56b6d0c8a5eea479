import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ChangeContext, Domain } from '../domain/index.js';

/** The header a change's response names its group in (POST /undo {group_id} takes it back). */
export const CHANGE_GROUP_HEADER = 'x-change-group';

/** The header the web UI sends so its changes are journaled as "web" rather than "rest". */
export const CLIENT_HEADER = 'x-todo-client';

/** A request's own change group: one REST call is one group, from the web UI or another client. */
export function changeOf(request: FastifyRequest): ChangeContext {
  return { group: randomUUID(), source: request.headers[CLIENT_HEADER] === 'web' ? 'web' : 'rest' };
}

/** The domain for one request's changes, its group named in the response. */
export function changingDomain(request: FastifyRequest, reply: FastifyReply, requestDomain: (change: ChangeContext) => Domain): Domain {
  const change = changeOf(request);
  reply.header(CHANGE_GROUP_HEADER, change.group);
  return requestDomain(change);
}
