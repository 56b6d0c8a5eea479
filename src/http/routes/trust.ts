// Trust: see every change (activity), take it back (undo), and get deleted tasks back (trash, restore).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ChangeContext, Domain } from '../../domain/index.js';
import { taskIdParamSchema } from '../../domain/tasks/fields.js';
import { jsonBody, parseInput } from '../../domain/validation.js';
import { currentUser } from '../authenticate.js';
import { changingDomain } from '../changes.js';

const undoBody = z.strictObject({ group_id: z.uuid({ error: 'must be a change group id' }).optional() });
const activityQuery = z.object({
  limit: z.coerce.number({ error: 'must be a number' }).int('must be an integer').min(1, 'must be at least 1').max(200, 'must be at most 200').default(50),
  before: z.coerce.number({ error: 'must be a number' }).int('must be an integer').positive('must be a positive integer').optional(),
});
const taskParams = z.object({ id: taskIdParamSchema });

/** POST /undo, GET /activity, GET /trash and POST /tasks/{id}/restore under /api/:userId. */
export function registerTrustRoutes(app: FastifyInstance, deps: { domain: Domain; requestDomain: (change: ChangeContext) => Domain }): void {
  app.post('/undo', async (request, reply) => {
    const { group_id } = parseInput(undoBody, jsonBody(request.body));
    return changingDomain(request, reply, deps.requestDomain).undo(currentUser(request).id, { group: group_id });
  });

  app.get('/activity', async (request) => {
    const { limit, before } = parseInput(activityQuery, request.query, 'query');
    return deps.domain.activity(currentUser(request).id, { limit, before });
  });

  app.get('/trash', async (request) => deps.domain.trash.list(currentUser(request).id));

  app.post('/tasks/:id/restore', async (request, reply) => {
    const { id } = parseInput(taskParams, request.params, 'path');
    return changingDomain(request, reply, deps.requestDomain).trash.restore(currentUser(request).id, id);
  });
}
