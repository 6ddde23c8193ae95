import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApiKey } from '../../tests/support/create-test-api-key.js';
import { createTestApp, type TestApp } from '../../tests/support/create-test-app.js';
import { exceedsJsonDepth } from './middleware/json-depth/exceeds-json-depth.js';

type Json = Record<string, any>;

const nested = (levels: number, inner = '1') => '['.repeat(levels) + inner + ']'.repeat(levels);

/** Bad input through the real app: every case is a 400 with a message, never a 500. */
describe('input checks', () => {
  let harness: TestApp;
  let clientKey: string;
  beforeAll(async () => {
    harness = await createTestApp({ config: { bodyLimitBytes: 4 * 1024 * 1024 } });
    clientKey = (await createTestApiKey(harness.context)).key;
  });
  afterAll(async () => {
    await harness.close();
  });

  const client = (path: string, body: string) =>
    harness.app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': clientKey }, body });

  it('measures nesting without recursion, ignoring brackets inside strings', () => {
    const bytes = (text: string) => Buffer.from(text, 'utf8');
    expect(exceedsJsonDepth(bytes(nested(128)), 128)).toBe(false);
    expect(exceedsJsonDepth(bytes(nested(129)), 128)).toBe(true);
    expect(exceedsJsonDepth(bytes(JSON.stringify({ text: '[[[[[[[[[["\\"[[[[' })), 2)).toBe(false);
    const unicode = bytes(JSON.stringify({ text: '中文 [[[[ 😀 \\', list: [[['ü']]] }));
    expect(exceedsJsonDepth(unicode, 4)).toBe(false);
    expect(exceedsJsonDepth(unicode, 3)).toBe(true);
    expect(exceedsJsonDepth(bytes(nested(100_000)), 128)).toBe(true);
  });

  it('refuses JSON nested 4,000 levels deep with a 400 on the client and admin APIs', async () => {
    const deepMessages = `{"model":"claude-sonnet-4.5","max_tokens":5,"messages":[{"role":"user","content":"hi"}],"metadata":${nested(4000, '{}')}}`;
    for (const path of ['/v1/chat/completions', '/v1/messages', '/v1/messages/count_tokens']) {
      const response = await client(path, deepMessages);
      expect(response.status, path).toBe(400);
      expect(await response.text(), path).toMatch(/deeper than 128/);
    }
    const deepTools = `{"model":"m","messages":[{"role":"user","content":"hi"}],"tools":[{"type":"function","function":{"name":"f","parameters":${'{"a":'.repeat(4000)}1${'}'.repeat(4000)}}}]}`;
    expect((await client('/v1/chat/completions', deepTools)).status).toBe(400);
    const admin = await harness.request('POST', '/admin/accounts', `{"name":"x","provider":"openai","api_key":"k","models":${nested(4000)}}`);
    expect(admin.status).toBe(400);
    expect(((await admin.json()) as Json).error.message).toMatch(/deeper than 128/);
    expect((await harness.request('PATCH', '/admin/settings', `{"prices":${'{"m":'.repeat(4000)}1${'}'.repeat(4000)}}`)).status).toBe(400);
  });

  it('refuses a model name over 256 characters in every client dialect', async () => {
    const model = 'm'.repeat(1_000_000);
    for (const path of ['/v1/chat/completions', '/v1/messages', '/v1/messages/count_tokens', '/v1/embeddings', '/v1/completions']) {
      const response = await client(path, JSON.stringify({ model, max_tokens: 5, messages: [{ role: 'user', content: 'hi' }], input: 'x', prompt: 'x' }));
      expect(response.status, path).toBe(400);
      expect(await response.text(), path).toMatch(/model/);
    }
    const longMapping = await harness.request('PATCH', '/admin/settings', { model_mappings: { ['x'.repeat(300)]: 'y' } });
    expect(longMapping.status).toBe(400);
  });

  it('refuses a key expiry in the past', async () => {
    for (const expires_at of ['2020-01-01T00:00:00Z', Date.now() - 1000]) {
      const response = await harness.request('POST', '/admin/api-keys', { name: 'past', expires_at });
      expect(response.status).toBe(400);
      expect(((await response.json()) as Json).error.field).toBe('expires_at');
    }
    const created = (await (await harness.request('POST', '/admin/api-keys', { name: 'future', expires_at: '2099-01-01T00:00:00Z' })).json()) as Json;
    expect((await harness.request('PATCH', `/admin/api-keys/${created.id}`, { expires_at: '2001-01-01T00:00:00Z' })).status).toBe(400);
  });

  it('refuses custom headers that can never be sent, at create, patch and import', async () => {
    const account = { name: 'headers', provider: 'openai', api_key: 'sk-proj-abcdefghijkl' };
    const unsendable: Array<Record<string, string>> = [
      { 'x-a': 'one\r\nx-injected: two' },
      { 'x-a': 'nul\u0000byte' },
      { 'x a': 'space in the name' },
      { 'x(a)': 'bad token' },
      { 'transfer-encoding': 'chunked' },
      { 'Content-Length': '5' },
      { host: 'example.com' },
      { connection: 'close' },
      { 'x-a': '日本語' },
    ];
    for (const headers of unsendable) {
      const response = await harness.request('POST', '/admin/accounts', { ...account, headers });
      expect(response.status, JSON.stringify(headers)).toBe(400);
      expect(((await response.json()) as Json).error.field, JSON.stringify(headers)).toMatch(/^headers/);
    }
    const created = await harness.request('POST', '/admin/accounts', { ...account, headers: { 'x-feature': 'café; v=1', 'anthropic-beta': 'x' } });
    expect(created.status).toBe(201);
    const id = ((await created.json()) as Json).id as string;
    expect((await harness.request('PATCH', `/admin/accounts/${id}`, { headers: { 'x-a': 'line\nbreak' } })).status).toBe(400);
    const imported = (await (await harness.request('POST', '/admin/accounts/import', [{ ...account, headers: { 'keep-alive': '5' } }])).json()) as Json;
    expect(imported).toMatchObject({ created: 0, failed: 1 });
  });
});
