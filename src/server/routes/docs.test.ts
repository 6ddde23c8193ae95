import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/create-test-app.js';

describe('health and API docs', () => {
  let harness: TestApp;
  beforeAll(async () => {
    harness = await createTestApp();
  });
  afterAll(async () => {
    await harness.close();
  });

  it('reports health without a key', async () => {
    const response = await harness.app.request('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'sqlite', checks: { database: 'ok' } });
  });

  it('serves an OpenAPI document generated from the routes, client API included', async () => {
    const response = await harness.app.request('/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };
    expect(document.openapi).toBe('3.1.0');
    for (const path of ['/admin/api-keys', '/admin/api-keys/{id}', '/admin/accounts', '/admin/accounts/{id}', '/admin/accounts/import', '/admin/accounts/{id}/test', '/admin/accounts/{id}/balance', '/admin/settings', '/v1/chat/completions', '/v1/responses', '/v1/messages', '/v1/models', '/v1/models/{id}', '/v1/embeddings', '/v1/completions']) {
      expect(document.paths[path], path).toBeDefined();
    }
    expect(Object.keys(document.paths['/admin/accounts/{id}']!).sort()).toEqual(['delete', 'get', 'patch']);
    expect(document.components.schemas).toHaveProperty('AccountInput');
    expect(document.components.schemas).toHaveProperty('Settings');
  });

  it('renders /docs with swagger-ui assets served locally', async () => {
    const page = await harness.app.request('/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/docs/assets/swagger-ui-bundle.js');
    expect(html).not.toMatch(/https?:\/\/(cdn|unpkg)/);
    const bundle = await harness.app.request('/docs/assets/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toContain('javascript');
    expect((await harness.app.request('/docs/assets/initializer.js')).status).toBe(200);
    expect((await harness.app.request('/docs/assets/..%2Fpackage.json')).status).toBe(404);
  });
});
