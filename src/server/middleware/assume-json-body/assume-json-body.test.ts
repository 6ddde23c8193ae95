import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/create-test-app.js';

describe('assumeJsonBody on the admin API', () => {
  let harness: TestApp;
  beforeAll(async () => {
    harness = await createTestApp();
  });
  afterAll(async () => {
    await harness.close();
  });

  it('reads a form-encoded or untyped body as JSON, like curl -d sends it', async () => {
    for (const contentType of ['application/x-www-form-urlencoded', undefined, 'text/plain']) {
      const response = await harness.app.request('/admin/api-keys', {
        method: 'POST',
        headers: { authorization: `Bearer ${harness.adminKey}`, ...(contentType ? { 'content-type': contentType } : {}) },
        body: JSON.stringify({ name: `typed ${contentType}` }),
      });
      expect(response.status, String(contentType)).toBe(201);
    }
  });

  it('still rejects a body that is not JSON with a clear 400', async () => {
    const response = await harness.app.request('/admin/api-keys', {
      method: 'POST',
      headers: { authorization: `Bearer ${harness.adminKey}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=alice',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { type: 'invalid_request' } });
  });
});
