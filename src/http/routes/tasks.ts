import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { QuickAdd } from '../../agent/quick-add.js';
import type { ChangeContext, Domain } from '../../domain/index.js';
import { listQuerySchema, newTaskSchema, taskChangesSchema, taskIdParamSchema } from '../../domain/tasks/fields.js';
import type { TaskService } from '../../domain/tasks/service.js';
import { jsonBody, parseInput } from '../../domain/validation.js';
import { currentUser } from '../authenticate.js';
import { changingDomain } from '../changes.js';

const taskParams = z.object({ id: taskIdParamSchema });

/** What the task routes read from (the pool) and change through (a domain per request, one change group). */
export interface TaskRouteDeps {
  tasks: TaskService;
  requestDomain: (change: ChangeContext) => Domain;
  quickAdd: QuickAdd;
}

/** Task REST routes under /api/:userId (authentication is applied by the enclosing scope). */
export function registerTaskRoutes(app: FastifyInstance, deps: TaskRouteDeps): void {
  const { tasks, requestDomain, quickAdd } = deps;
  app.get('/tasks', async (request) => tasks.list(currentUser(request).id, parseInput(listQuerySchema, request.query, 'query')));

  app.post('/tasks', async (request, reply) => {
    const data = parseInput(newTaskSchema, jsonBody(request.body));
    const task = await changingDomain(request, reply, requestDomain).tasks.create(currentUser(request).id, data);
    return reply.status(201).send(task);
  });

  // What a quick-add line means, before anything is created: the panel shows it as chips.
  app.post('/tasks/parse', async (request) => quickAdd.parse(currentUser(request).id, jsonBody(request.body)));

  app.get('/tasks/:id', async (request) => {
    const { id } = parseInput(taskParams, request.params, 'path');
    return tasks.get(currentUser(request).id, id);
  });

  app.put('/tasks/:id', async (request, reply) => {
    const { id } = parseInput(taskParams, request.params, 'path');
    const changes = parseInput(taskChangesSchema, jsonBody(request.body));
    return changingDomain(request, reply, requestDomain).tasks.update(currentUser(request).id, id, changes);
  });

  app.delete('/tasks/:id', async (request, reply) => {
    const { id } = parseInput(taskParams, request.params, 'path');
    await changingDomain(request, reply, requestDomain).tasks.remove(currentUser(request).id, id);
    return reply.status(204).send();
  });

  app.patch('/tasks/:id/complete', async (request, reply) => {
    const { id } = parseInput(taskParams, request.params, 'path');
    return changingDomain(request, reply, requestDomain).tasks.complete(currentUser(request).id, id, { toggle: true });
  });
}
