import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../../../core/errors/rate-limited-error.js';
import { createMemoryRateLimiter } from '../../../limits/memory-rate-limiter.js';
import type { RateLimitRule } from '../../../limits/rate-limiter.js';
import type { AuthenticatedKey } from '../../../auth/authenticated-key.js';
import type { AppEnv } from '../../app-env.js';
import { rateLimitByKey } from './rate-limit-by-key.js';

const key: AuthenticatedKey = { id: 'k1', name: 'k', isAdmin: false, requestsPerMinute: 1, requestsPerDay: null, allowedModels: null, budgets: null };

describe('rateLimitByKey', () => {
  it('refuses over the limit with RateLimitedError and retry-after, skipping exempt requests', async () => {
    const rejected: RateLimitRule[] = [];
    const app = new Hono<AppEnv>();
    app.use('*', async (c, next) => {
      c.set('apiKey', key);
      await next();
    });
    app.use('*', rateLimitByKey(createMemoryRateLimiter(), { isExempt: (method) => method === 'GET', onRejected: (rule) => rejected.push(rule) }));
    app.all('*', (c) => c.text('ok'));
    app.onError((error, c) => c.text(error instanceof RateLimitedError ? `limited ${error.retryAfterMs! > 0}` : 'other', 429));

    expect(await (await app.request('/', { method: 'POST' })).text()).toBe('ok');
    expect(await (await app.request('/', { method: 'POST' })).text()).toBe('limited true');
    expect(await (await app.request('/', { method: 'GET' })).text()).toBe('ok');
    expect(rejected.map((rule) => rule.scope)).toEqual(['key_rpm']);
  });

  it('lets requests without an authenticated key or without limits through', async () => {
    const app = new Hono<AppEnv>();
    app.use('*', rateLimitByKey(createMemoryRateLimiter()));
    app.all('*', (c) => c.text('ok'));
    for (let index = 0; index < 5; index += 1) expect(await (await app.request('/', { method: 'POST' })).text()).toBe('ok');
  });
});
