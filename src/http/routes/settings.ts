import type { FastifyInstance } from 'fastify';
import type { SettingsService } from '../../domain/settings.js';
import { jsonBody } from '../../domain/validation.js';
import { currentUser } from '../authenticate.js';

/** GET/PUT /api/:userId/settings — the user's time zone. */
export function registerSettingsRoutes(app: FastifyInstance, settings: SettingsService): void {
  app.get('/settings', async (request) => settings.get(currentUser(request).id));
  app.put('/settings', async (request) => settings.update(currentUser(request).id, jsonBody(request.body)));
}
