import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { generateApiKey } from '../../auth/api-key-material.js';
import type { AppContext } from '../../context.js';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import { NotFoundError } from '../../core/errors/not-found-error.js';
import type { App } from '../../server/app-env.js';
import {
  deleteApiKey,
  findApiKeyById,
  insertApiKey,
  listApiKeys,
  updateApiKey,
  type ApiKeyRowPatch,
} from '../../store/repositories/api-key-repository.js';
import { adminErrorResponses, adminSecurity, idParamSchema, jsonBody, jsonResponse } from '../admin-route-parts.js';
import { apiKeyCreateSchema, apiKeyDtoSchema, apiKeyPatchSchema, createdApiKeySchema, type ApiKeyPatch } from './api-key-schemas.js';
import { toApiKeyDto } from './to-api-key-dto.js';

const tags = ['API keys'];
const { 400: badRequest, 401: unauthorized, 403: forbidden, 404: notFound } = adminErrorResponses;

const listRoute = createRoute({
  method: 'get',
  path: '/admin/api-keys',
  tags,
  security: adminSecurity,
  summary: 'List client API keys (hints only, never the keys)',
  responses: { 200: jsonResponse(z.object({ data: z.array(apiKeyDtoSchema) }), 'All keys'), 401: unauthorized, 403: forbidden },
});

const createKeyRoute = createRoute({
  method: 'post',
  path: '/admin/api-keys',
  tags,
  security: adminSecurity,
  summary: 'Create a client API key; the plaintext `key` is returned this once',
  request: { body: jsonBody(apiKeyCreateSchema) },
  responses: { 201: jsonResponse(createdApiKeySchema, 'Created'), 400: badRequest, 401: unauthorized, 403: forbidden },
});

const getRoute = createRoute({
  method: 'get',
  path: '/admin/api-keys/{id}',
  tags,
  security: adminSecurity,
  summary: 'One client API key',
  request: { params: idParamSchema },
  responses: { 200: jsonResponse(apiKeyDtoSchema, 'The key'), 401: unauthorized, 403: forbidden, 404: notFound },
});

const patchRoute = createRoute({
  method: 'patch',
  path: '/admin/api-keys/{id}',
  tags,
  security: adminSecurity,
  summary: 'Change a key (name, admin flag, limits, concurrency, expiry, models, budgets, enabled)',
  request: { params: idParamSchema, body: jsonBody(apiKeyPatchSchema) },
  responses: { 200: jsonResponse(apiKeyDtoSchema, 'The changed key'), 400: badRequest, 401: unauthorized, 403: forbidden, 404: notFound },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/admin/api-keys/{id}',
  tags,
  security: adminSecurity,
  summary: 'Revoke (delete) a key; its name stays in logs and stats',
  request: { params: idParamSchema },
  responses: { 204: { description: 'Deleted' }, 401: unauthorized, 403: forbidden, 404: notFound },
});

const toEpoch = (value: string | number | null | undefined) =>
  value === undefined ? undefined : value === null ? null : typeof value === 'number' ? value : Date.parse(value);

const toJson = (value: unknown) => (value === undefined ? undefined : value === null ? null : JSON.stringify(value));

function patchColumns(patch: ApiKeyPatch): ApiKeyRowPatch {
  const columns: ApiKeyRowPatch = {
    name: patch.name,
    is_admin: patch.is_admin === undefined ? undefined : patch.is_admin ? 1 : 0,
    enabled: patch.enabled === undefined ? undefined : patch.enabled ? 1 : 0,
    requests_per_minute: patch.requests_per_minute,
    requests_per_day: patch.requests_per_day,
    expires_at: toEpoch(patch.expires_at),
    allowed_models: toJson(patch.allowed_models),
    budgets: toJson(patch.budgets),
    max_concurrency: patch.max_concurrency,
    queue_timeout_ms: patch.queue_timeout_ms,
  };
  return Object.fromEntries(Object.entries(columns).filter(([, value]) => value !== undefined)) as ApiKeyRowPatch;
}

export function registerApiKeyRoutes(app: App, context: AppContext): void {
  const db = context.database.db;
  const find = async (id: string) => {
    const row = await findApiKeyById(db, id);
    if (!row) throw new NotFoundError(`No API key with id ${id}.`);
    return row;
  };

  app.openapi(listRoute, async (c) => c.json({ data: (await listApiKeys(db)).map(toApiKeyDto) }, 200));

  app.openapi(createKeyRoute, async (c) => {
    const body = c.req.valid('json');
    const material = generateApiKey();
    const id = randomUUID();
    const now = Date.now();
    await insertApiKey(db, {
      id,
      key_hash: material.hash,
      key_hint: material.hint,
      created_at: now,
      updated_at: now,
      is_admin: 0,
      enabled: 1,
      ...patchColumns(body),
      name: body.name,
    });
    await context.changeBus.publish('api-keys', id);
    c.get('logger').info({ apiKeyId: id, isAdmin: body.is_admin === true }, 'api key created');
    return c.json({ ...toApiKeyDto(await find(id)), key: material.key }, 201);
  });

  app.openapi(getRoute, async (c) => c.json(toApiKeyDto(await find(c.req.valid('param').id)), 200));

  app.openapi(patchRoute, async (c) => {
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    await find(id);
    if (id === c.get('apiKey')?.id && (patch.enabled === false || patch.is_admin === false)) {
      throw new InvalidRequestError('You cannot disable or demote the admin key you are using.');
    }
    await updateApiKey(db, id, { ...patchColumns(patch), updated_at: Date.now() });
    await context.changeBus.publish('api-keys', id);
    return c.json(toApiKeyDto(await find(id)), 200);
  });

  app.openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid('param');
    if (id === c.get('apiKey')?.id) throw new InvalidRequestError('You cannot delete the admin key you are using.');
    if (!(await deleteApiKey(db, id))) throw new NotFoundError(`No API key with id ${id}.`);
    await context.changeBus.publish('api-keys', id);
    c.get('logger').info({ apiKeyId: id }, 'api key deleted');
    return c.body(null, 204);
  });
}
