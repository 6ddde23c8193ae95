import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/create-test-app.js';

/** GET /v1/models/{id} in both shapes, and errors in the dialect the client's own signals name. */
describe('models by id and error dialects', () => {
  let harness: TestApp;
  let openai: OpenAI;
  let anthropic: Anthropic;
  const fetchApp = (input: string | URL | Request, init?: RequestInit) => Promise.resolve(harness.app.request(input instanceof Request ? input : String(input), init));

  beforeAll(async () => {
    harness = await createTestApp();
    const created = await harness.request('POST', '/admin/accounts', { name: 'o', provider: 'openai', api_key: 'sk-x', models: ['gpt-4o', 'org/model-with-slash'] });
    expect(created.status).toBe(201);
    openai = new OpenAI({ apiKey: harness.adminKey, baseURL: 'http://sluice.test/v1', fetch: fetchApp, maxRetries: 0 });
    anthropic = new Anthropic({ apiKey: harness.adminKey, baseURL: 'http://sluice.test', fetch: fetchApp, maxRetries: 0 });
  });
  afterAll(async () => {
    await harness.close();
  });

  it('retrieves a model in OpenAI’s shape with the openai SDK', async () => {
    const model = await openai.models.retrieve('gpt-4o');
    expect(model).toMatchObject({ id: 'gpt-4o', object: 'model', owned_by: 'openai' });
    expect(typeof model.created).toBe('number');
    expect((await openai.models.retrieve('org/model-with-slash')).id).toBe('org/model-with-slash');
  });

  it('retrieves a model in Anthropic’s shape with the Anthropic SDK', async () => {
    const model = await anthropic.models.retrieve('gpt-4o');
    expect(model).toEqual({ type: 'model', id: 'gpt-4o', display_name: 'gpt-4o', created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
  });

  it('an unknown model is a 404 in each caller’s dialect, as each SDK reads it', async () => {
    const openAIFailure = await openai.models.retrieve('no-such-model').catch((error: unknown) => error);
    expect(openAIFailure).toBeInstanceOf(OpenAI.NotFoundError);
    expect((openAIFailure as InstanceType<typeof OpenAI.NotFoundError>).error).toMatchObject({ type: 'not_found_error', message: expect.stringContaining('no-such-model') });
    const anthropicFailure = await anthropic.models.retrieve('no-such-model').catch((error: unknown) => error);
    expect(anthropicFailure).toBeInstanceOf(Anthropic.NotFoundError);
    expect((anthropicFailure as InstanceType<typeof Anthropic.NotFoundError>).error).toEqual({
      type: 'error',
      error: { type: 'not_found_error', message: expect.stringContaining('no-such-model') },
    });
  });

  const get = (path: string, headers: Record<string, string>) => harness.app.request(path, { headers });

  it.each([
    ['an unknown path with anthropic-version', '/v1/nowhere', { 'anthropic-version': '2023-06-01', 'x-api-key': 'KEY' }, 404, 'anthropic'],
    ['an unknown non-API path with anthropic-version', '/nowhere', { 'anthropic-version': '2023-06-01' }, 404, 'anthropic'],
    ['an unknown path with x-goog-api-key', '/v1/nowhere', { 'x-goog-api-key': 'KEY', authorization: 'Bearer KEY' }, 404, 'google'],
    ['an unknown path with ?key=', '/nowhere?key=KEY', {}, 404, 'google'],
    ['an unknown /v1 path from an OpenAI client', '/v1/nowhere', { authorization: 'Bearer KEY' }, 404, 'openai'],
    ['a missing key on /v1/models from an Anthropic client', '/v1/models', { 'anthropic-version': '2023-06-01' }, 401, 'anthropic'],
    ['a missing key on /v1/models from an OpenAI client', '/v1/models', {}, 401, 'openai'],
  ] as const)('%s → %i in its dialect', async (_name, path, headers, status, dialect) => {
    const withKey = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, value.replace('KEY', harness.adminKey)]));
    const response = await get(path.replace('KEY', harness.adminKey), withKey);
    expect(response.status).toBe(status);
    const body = (await response.json()) as Record<string, unknown>;
    switch (dialect) {
      case 'anthropic':
        expect(body).toEqual({ type: 'error', error: { type: expect.any(String), message: expect.any(String) } });
        break;
      case 'google':
        expect(body).toEqual({ error: { code: status, message: expect.any(String), status: status === 404 ? 'NOT_FOUND' : 'UNAUTHENTICATED' } });
        break;
      case 'openai':
        expect(body).toEqual({ error: { type: expect.any(String), message: expect.any(String), code: expect.any(String), param: null } });
        break;
    }
  });
});
