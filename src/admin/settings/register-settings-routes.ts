import { createRoute, z } from '@hono/zod-openapi';
import type { AppContext } from '../../context.js';
import { settingsSchema } from '../../settings/settings-schema.js';
import type { App } from '../../server/app-env.js';
import { maskWebhookSecrets, restoreWebhookSecrets } from './mask-webhook-secrets.js';
import { adminErrorResponses, adminSecurity, jsonBody, jsonResponse } from '../admin-route-parts.js';

const tags = ['Settings'];
const { 400: badRequest, 401: unauthorized, 403: forbidden } = adminErrorResponses;
const settingsDocument = settingsSchema.openapi('Settings');

const getSettingsRoute = createRoute({
  method: 'get',
  path: '/admin/settings',
  tags,
  security: adminSecurity,
  summary: 'The effective runtime settings (stored values over defaults)',
  responses: { 200: jsonResponse(settingsDocument, 'Settings'), 401: unauthorized, 403: forbidden },
});

const patchSettingsRoute = createRoute({
  method: 'patch',
  path: '/admin/settings',
  tags,
  security: adminSecurity,
  summary: 'Replace the given top-level fields; the merged result is validated before it is stored',
  request: {
    body: jsonBody(z.record(z.string(), z.unknown()).openapi({ description: 'Any top-level Settings fields.' })),
  },
  responses: { 200: jsonResponse(settingsDocument, 'The new effective settings'), 400: badRequest, 401: unauthorized, 403: forbidden },
});

export function registerSettingsRoutes(app: App, context: AppContext): void {
  app.openapi(getSettingsRoute, (c) => c.json(maskWebhookSecrets(context.settings.get()), 200));
  app.openapi(patchSettingsRoute, async (c) => {
    const patch = c.req.valid('json');
    const settings = await context.settings.update(restoreWebhookSecrets(patch, context.settings.get()));
    c.get('logger').info({ fields: Object.keys(patch) }, 'settings updated');
    return c.json(maskWebhookSecrets(settings), 200);
  });
}
