import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ConversationService } from '../../domain/conversations.js';
import { idSchema, jsonBody, parseInput } from '../../domain/validation.js';
import { currentUser } from '../authenticate.js';

const params = z.object({ id: idSchema });

/** Conversation routes under /api/:userId: list, messages, rename, delete. */
export function registerConversationRoutes(app: FastifyInstance, conversations: ConversationService): void {
  app.get('/conversations', async (request) => conversations.list(currentUser(request).id));

  app.get('/conversations/:id/messages', async (request) => {
    const { id } = parseInput(params, request.params, 'path');
    return conversations.messages(currentUser(request).id, id);
  });

  app.patch('/conversations/:id', async (request) => {
    const { id } = parseInput(params, request.params, 'path');
    return conversations.rename(currentUser(request).id, id, jsonBody(request.body));
  });

  app.delete('/conversations/:id', async (request, reply) => {
    const { id } = parseInput(params, request.params, 'path');
    await conversations.remove(currentUser(request).id, id);
    return reply.status(204).send();
  });
}
