import { Hono } from 'hono';
import { TrieRouter } from 'hono/router/trie-router';
import { describe, expect, it } from 'vitest';
import { MemoRouter } from './memo-router.js';

describe('MemoRouter', () => {
  it('matches as the trie does, parameters included, on repeated and new paths', async () => {
    const app = new Hono({ router: new MemoRouter() });
    app.use('/admin/*', async (c, next) => {
      c.header('x-admin', '1');
      await next();
    });
    app.post('/admin/accounts/bulk', (c) => c.text('bulk'));
    app.post('/admin/accounts/:id/test', (c) => c.text(`test ${c.req.param('id')}`));
    app.get('/v1/models/:id{.+}', (c) => c.text(`model ${c.req.param('id')}`));
    for (let round = 0; round < 2; round += 1) {
      expect(await (await app.request('/admin/accounts/bulk', { method: 'POST' })).text()).toBe('bulk');
      expect(await (await app.request('/admin/accounts/a1/test', { method: 'POST' })).text()).toBe('test a1');
      expect(await (await app.request('/admin/accounts/b2/test', { method: 'POST' })).text()).toBe('test b2');
      expect(await (await app.request('/v1/models/org/model-x')).text()).toBe('model org/model-x');
      expect((await app.request('/admin/accounts/a1/test', { method: 'POST' })).headers.get('x-admin')).toBe('1');
      expect((await app.request('/nowhere')).status).toBe(404);
    }
  });

  it('keeps at most its capacity of paths and still matches the rest', () => {
    const router = new MemoRouter<string>(new TrieRouter<string>(), 2);
    router.add('GET', '/items/:id', 'item');
    for (const id of ['1', '2', '3', '4']) expect(router.match('GET', `/items/${id}`)[0][0]?.[1]).toEqual({ id });
    expect((router as unknown as { results: Map<string, unknown> }).results.size).toBe(2);
  });

  it('does not keep long paths', () => {
    const router = new MemoRouter<string>();
    router.add('GET', '/items/:id', 'item');
    const id = 'x'.repeat(300);
    expect(router.match('GET', `/items/${id}`)[0][0]?.[1]).toEqual({ id });
    expect((router as unknown as { results: Map<string, unknown> }).results.size).toBe(0);
  });

  it('forgets what it matched when a route is added', () => {
    const router = new MemoRouter<string>();
    router.add('GET', '/a/*', 'any');
    expect(router.match('GET', '/a/b')[0].map(([handler]) => handler)).toEqual(['any']);
    router.add('GET', '/a/b', 'exact');
    expect(router.match('GET', '/a/b')[0].map(([handler]) => handler)).toEqual(['any', 'exact']);
  });
});
