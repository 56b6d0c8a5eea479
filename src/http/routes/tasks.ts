import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { QuickAdd } from '../../agent/quick-add.js';
import type { TaskService } from '../../domain/tasks.js';
import { taskStatusSchema } from '../../domain/tasks.js';
import { idSchema, jsonBody, parseInput } from '../../domain/validation.js';
import { currentUser } from '../authenticate.js';

const listQuery = z.object({
  status: taskStatusSchema.default('all'),
  limit: z.coerce.number({ error: 'must be a number' }).int('must be an integer').min(1, 'must be at least 1').max(1000, 'must be at most 1000').optional(),
  offset: z.coerce.number({ error: 'must be a number' }).int('must be an integer').min(0, 'must not be negative').optional(),
  q: z.string().optional(),
  query: z.string().optional(),
  due_before: z.string().optional(),
  due_after: z.string().optional(),
  overdue: z.string().optional(),
  priority: z.string().optional(),
  tag: z.string().optional(),
  sort: z.string().optional(),
});
const taskParams = z.object({ id: idSchema });

/** Task REST routes under /api/:userId (authentication is applied by the enclosing scope). */
export function registerTaskRoutes(app: FastifyInstance, tasks: TaskService, quickAdd: QuickAdd): void {
  app.get('/tasks', async (request) => {
    // Strings from the URL here; the domain validates each filter and names the bad one.
    const { q, query, ...filters } = parseInput(listQuery, request.query, 'query');
    return tasks.list(currentUser(request).id, { ...filters, query: query ?? q });
  });

  app.post('/tasks', async (request, reply) => {
    const task = await tasks.create(currentUser(request).id, jsonBody(request.body));
    return reply.status(201).send(task);
  });

  // What a quick-add line means, before anything is created: the panel shows it as chips.
  app.post('/tasks/parse', async (request) => quickAdd.parse(currentUser(request).id, jsonBody(request.body)));

  app.get('/tasks/:id', async (request) => {
    const { id } = parseInput(taskParams, request.params, 'path');
    return tasks.get(currentUser(request).id, id);
  });

  app.put('/tasks/:id', async (request) => {
    const { id } = parseInput(taskParams, request.params, 'path');
    return tasks.update(currentUser(request).id, id, jsonBody(request.body));
  });

  app.delete('/tasks/:id', async (request, reply) => {
    const { id } = parseInput(taskParams, request.params, 'path');
    await tasks.remove(currentUser(request).id, id);
    return reply.status(204).send();
  });

  app.patch('/tasks/:id/complete', async (request) => {
    const { id } = parseInput(taskParams, request.params, 'path');
    return tasks.complete(currentUser(request).id, id, { toggle: true });
  });
}
