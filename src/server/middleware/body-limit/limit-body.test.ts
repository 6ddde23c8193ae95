import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { PayloadTooLargeError } from '../../../core/errors/payload-too-large-error.js';
import type { AppEnv } from '../../app-env.js';
import { limitBody } from './limit-body.js';

describe('limitBody', () => {
  const app = new Hono<AppEnv>();
  app.use('*', limitBody(10));
  app.post('*', async (c) => c.text(`read ${(await c.req.text()).length}`));
  app.onError((error, c) => c.text(error instanceof PayloadTooLargeError ? `too large: ${error.message}` : 'other', 500));

  it('passes bodies up to the limit', async () => {
    expect(await (await app.request('/', { method: 'POST', body: '0123456789' })).text()).toBe('read 10');
  });

  it('throws PayloadTooLargeError (rendered by onError) above it', async () => {
    const text = await (await app.request('/', { method: 'POST', body: '01234567890' })).text();
    expect(text).toBe('too large: Request body is larger than the limit of 10 bytes.');
  });
});

describe('limitBody with a declared content-length', () => {
  const app = new Hono<AppEnv>();
  app.use('*', limitBody(10));
  app.post('*', async (c) => c.text(`read ${(await c.req.text()).length}`));
  app.get('*', (c) => c.text('get'));
  app.onError((error, c) => c.text(error instanceof PayloadTooLargeError ? `too large: ${error.message}` : 'other', 500));
  const post = (body: string, length: number) =>
    app.request('/', { method: 'POST', body, headers: { 'content-length': String(length) } });

  it('passes a declared length up to the limit', async () => {
    expect(await (await post('0123456789', 10)).text()).toBe('read 10');
  });

  it('rejects a declared length above it before reading', async () => {
    expect(await (await post('0', 11)).text()).toBe('too large: Request body is larger than the limit of 10 bytes.');
  });

  it('leaves GET alone', async () => {
    expect(await (await app.request('/')).text()).toBe('get');
  });
});
