import type { AccountRecord } from '../../../accounts/account-record.js';
import type { Settings } from '../../../settings/settings-schema.js';
import type { App } from '../../app-env.js';
import { listModels, type ReportedModels } from './list-models.js';

const created = Math.floor(Date.UTC(2025, 0, 1) / 1000);

/** GET /v1/models: OpenAI's list shape, or Anthropic's when the request carries `anthropic-version`. */
export function registerModelsRoute(app: App, accounts: () => AccountRecord[], settings: () => Settings, reported?: ReportedModels): void {
  app.get('/v1/models', (context) => {
    const models = listModels(accounts(), settings().model_mappings, reported);
    if (context.req.header('anthropic-version')) {
      return context.json({
        data: models.map((model) => ({ type: 'model', id: model.id, display_name: model.id, created_at: new Date(created * 1000).toISOString() })),
        has_more: false,
        first_id: models[0]?.id ?? null,
        last_id: models.at(-1)?.id ?? null,
      });
    }
    return context.json({ object: 'list', data: models.map((model) => ({ id: model.id, object: 'model', created, owned_by: model.ownedBy })) });
  });
}
