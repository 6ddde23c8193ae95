import type { AccountRecord } from '../../../accounts/account-record.js';
import { NotFoundError } from '../../../core/errors/not-found-error.js';
import type { Settings } from '../../../settings/settings-schema.js';
import type { App } from '../../app-env.js';
import { listModels, type ListedModel, type ReportedModels } from './list-models.js';

const created = Math.floor(Date.UTC(2025, 0, 1) / 1000);
const createdAt = new Date(created * 1000).toISOString();

const anthropicModel = (model: ListedModel) => ({ type: 'model', id: model.id, display_name: model.id, created_at: createdAt });
const openAIModel = (model: ListedModel) => ({ id: model.id, object: 'model', created, owned_by: model.ownedBy });

/**
 * GET /v1/models and GET /v1/models/{id}: OpenAI's shapes, or Anthropic's when the request carries
 * `anthropic-version`. An unknown id is a 404 in the caller's own dialect.
 */
export function registerModelsRoute(app: App, accounts: () => readonly AccountRecord[], settings: () => Settings, reported?: ReportedModels): void {
  app.get('/v1/models', (context) => {
    const models = listModels(accounts(), settings().model_mappings, reported);
    if (context.req.header('anthropic-version')) {
      return context.json({
        data: models.map(anthropicModel),
        has_more: false,
        first_id: models[0]?.id ?? null,
        last_id: models.at(-1)?.id ?? null,
      });
    }
    return context.json({ object: 'list', data: models.map(openAIModel) });
  });

  // Model ids may hold slashes (`openai/gpt-4o` on routers), so the id is the rest of the path.
  app.get('/v1/models/:id{.+}', (context) => {
    const id = context.req.param('id');
    const model = listModels(accounts(), settings().model_mappings, reported).find((candidate) => candidate.id === id);
    if (!model) throw new NotFoundError(`The model ${id} does not exist or no account serves it.`);
    return context.json(context.req.header('anthropic-version') ? anthropicModel(model) : openAIModel(model));
  });
}
