import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ConnectedApps } from '../../auth/connected-apps.js';
import { AppError } from '../../errors.js';
import { currentUser } from '../authenticate.js';

const clientParams = z.object({ clientId: z.string().min(1).max(255) });

/** GET /api/:userId/connected-apps and DELETE …/connected-apps/:clientId — the OAuth clients a user authorised. */
export function registerConnectedAppsRoutes(app: FastifyInstance, connectedApps: ConnectedApps): void {
  app.get('/connected-apps', async (request) => connectedApps.list(currentUser(request).id));
  app.delete('/connected-apps/:clientId', async (request, reply) => {
    const params = clientParams.safeParse(request.params);
    if (!params.success) throw new AppError('VALIDATION_FAILED', 'The client id must be 1 to 255 characters');
    if (!(await connectedApps.revoke(currentUser(request).id, params.data.clientId))) {
      throw new AppError('NOT_FOUND', `No connected app ${params.data.clientId}`);
    }
    return reply.status(204).send();
  });
}
