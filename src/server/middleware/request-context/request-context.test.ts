import { Hono } from 'hono';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { defaultServerLimits } from '../../../config/config.js';
import type { AppEnv } from '../../app-env.js';
import { createNodeServer } from '../../node/create-node-server.js';
import { requestContext } from './request-context.js';

const app = new Hono<AppEnv>();
app.use('*', requestContext(pino({ level: 'silent' })));
app.all('*', (c) => c.json({ requestId: c.get('requestId'), format: c.get('clientFormat') }));

describe('requestContext', () => {
  it('keeps a sane caller request id and echoes it', async () => {
    const response = await app.request('/v1/messages', { headers: { 'x-request-id': 'abc-123' } });
    expect(response.headers.get('x-request-id')).toBe('abc-123');
    expect(await response.json()).toEqual({ requestId: 'abc-123', format: 'anthropic' });
  });

  it('replaces a missing or odd request id with a UUID', async () => {
    const cases: Array<Record<string, string>> = [{}, { 'x-request-id': 'has spaces and "quotes"' }, { 'x-request-id': 'x'.repeat(101) }];
    for (const headers of cases) {
      const body = (await (await app.request('/v1/chat/completions', { headers })).json()) as { requestId: string; format: string };
      expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(body.format).toBe('openai');
    }
    expect(((await (await app.request('/admin/settings')).json()) as { format: string }).format).toBe('admin');
  });

  it('takes the client format from the client’s own signals before the path', async () => {
    const formatOf = async (path: string, headers: Record<string, string> = {}) => ((await (await app.request(path, { headers })).json()) as { format: string }).format;
    expect(await formatOf('/v1/models', { 'anthropic-version': '2023-06-01' })).toBe('anthropic');
    expect(await formatOf('/v1/models', { 'x-goog-api-key': 'k' })).toBe('gemini');
    expect(await formatOf('/v1/models?key=k')).toBe('gemini');
    expect(await formatOf('/v1/models')).toBe('openai');
  });

  it('echoes the id on answers a route builds itself, relayed whole or streamed, over a real server', async () => {
    const relaying = new Hono<AppEnv>();
    relaying.use('*', requestContext(pino({ level: 'silent' })));
    relaying.post('/whole', () => new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } }));
    relaying.post('/stream', () => new Response(new Blob(['data: {}\n\n']).stream(), { headers: { 'content-type': 'text/event-stream' } }));
    const node = createNodeServer(relaying.fetch, defaultServerLimits);
    const { port } = await node.listen(0, '127.0.0.1');
    try {
      for (const path of ['/whole', '/stream']) {
        const response = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: { 'x-request-id': `id-${path.slice(1)}` } });
        expect(response.headers.get('x-request-id')).toBe(`id-${path.slice(1)}`);
        await response.text();
      }
      const unnamed = await fetch(`http://127.0.0.1:${port}/whole`, { method: 'POST' });
      expect(unnamed.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      node.connections.destroyAll();
      await new Promise((resolve) => node.server.close(resolve));
    }
  });
});
