import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { QuickAdd } from '../../agent/quick-add.js';
import { listQuerySchema, newTaskSchema, taskChangesSchema, taskIdParamSchema } from '../../domain/tasks/fields.js';
import type { TaskService } from '../../domain/tasks/service.js';
import { jsonBody, parseInput } from '../../domain/validation.js';
import { currentUser } from '../authenticate.js';

const taskParams = z.object({ id: taskIdParamSchema });

/** Task REST routes under /api/:userId (authentication is applied by the enclosing scope). */
export function registerTaskRoutes(app: FastifyInstance, tasks: TaskService, quickAdd: QuickAdd): void {
  app.get('/tasks', async (request) => tasks.list(currentUser(request).id, parseInput(listQuerySchema, request.query, 'query')));

  app.post('/tasks', async (request, reply) => {
    const task = await tasks.create(currentUser(request).id, parseInput(newTaskSchema, jsonBody(request.body)));
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
    return tasks.update(currentUser(request).id, id, parseInput(taskChangesSchema, jsonBody(request.body)));
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
