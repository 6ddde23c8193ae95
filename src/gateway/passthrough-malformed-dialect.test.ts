import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/create-test-app.js';

/** An upstream that answers every call with 200 and an HTML page, as a misbehaving proxy does. */
function startHtmlUpstream(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    request.resume();
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<html><body>Service temporarily unavailable</body></html>');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

describe('a malformed upstream 200 with no account left, through the whole app', () => {
  let upstream: Awaited<ReturnType<typeof startHtmlUpstream>>;
  let harness: TestApp;
  beforeAll(async () => {
    upstream = await startHtmlUpstream();
    harness = await createTestApp();
    for (const provider of ['anthropic', 'openai'] as const) {
      const created = await harness.request('POST', '/admin/accounts', {
        name: `html ${provider}`,
        provider,
        api_key: 'sk-test-html-upstream',
        base_url: provider === 'openai' ? `${upstream.url}/v1` : upstream.url,
        models: [provider === 'openai' ? 'gpt-4o' : 'claude-sonnet-4-5'],
      });
      expect(created.status).toBe(201);
    }
  });
  afterAll(async () => {
    await harness.close();
    upstream.server.closeAllConnections();
    await new Promise((resolve) => upstream.server.close(resolve));
  });

  it('answers an Anthropic client 502 in Anthropic shape', async () => {
    const response = await harness.request('POST', '/v1/messages', { model: 'claude-sonnet-4-5', max_tokens: 16, stream: true, messages: [{ role: 'user', content: 'hi' }] }, { 'anthropic-version': '2023-06-01' });
    expect(response.status).toBe(502);
    const body = (await response.json()) as { type: string; error: { type: string; message: string } };
    expect(body.type).toBe('error');
    expect(body.error.message).toContain('text/html');
  });

  it('answers an OpenAI client 502 in OpenAI shape', async () => {
    const response = await harness.request('POST', '/v1/chat/completions', { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
    expect(response.status).toBe(502);
    const body = (await response.json()) as { error: { message: string; type: string } };
    expect(body.error.message).toContain('text/html');
  });
});
