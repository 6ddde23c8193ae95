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
