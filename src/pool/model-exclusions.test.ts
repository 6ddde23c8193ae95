import { describe, expect, it } from 'vitest';
import { ModelUnavailableError } from '../core/errors/index.js';
import { createTestPool } from './testing/create-test-pool.js';
import { makeAccount } from './testing/make-account.js';
import { ModelExclusions } from './model-exclusions.js';

describe('ModelExclusions', () => {
  it('excludes an account for one model until the exclusion ends', () => {
    const exclusions = new ModelExclusions(1_000);
    exclusions.exclude('a', 'claude-opus-4-6', 0);
    expect(exclusions.withExcluded('claude-opus-4-6', 10, undefined)).toEqual(new Set(['a']));
    expect(exclusions.withExcluded('claude-sonnet-4-5', 10, undefined)).toBeUndefined();
    expect(exclusions.withExcluded('claude-opus-4-6', 1_000, undefined)).toBeUndefined();
    const base = new Set(['b']);
    expect(exclusions.withExcluded('claude-opus-4-6', 10, base)).toEqual(new Set(['a', 'b']));
    expect(base).toEqual(new Set(['b']));
  });

  it('stays bounded', () => {
    const exclusions = new ModelExclusions(1_000, 3);
    for (let index = 0; index < 10; index += 1) exclusions.exclude(`account-${index}`, 'm', 0);
    expect(exclusions.withExcluded('m', 1, undefined)).toEqual(new Set(['account-7', 'account-8', 'account-9']));
  });
});

describe('AccountPool and a model refusal', () => {
  it('stops offering the refused model to that account, keeps it healthy and serving other models', async () => {
    const { pool, store } = createTestPool({
      accounts: [makeAccount('free', { priority: 10 }), makeAccount('pro', { priority: 0 })],
      settings: { routing_strategy: 'priority' },
    });
    const first = await pool.acquire({ model: 'claude-opus-4-6', clientKeyId: 'k' });
    expect(first.account.id).toBe('free');
    await first.release({ ok: false, error: new ModelUnavailableError('no Opus on this plan', { model: 'claude-opus-4-6' }) });
    expect(store.get('free')?.status).toBe('active');
    const opus = await pool.acquire({ model: 'claude-opus-4-6', clientKeyId: 'k' });
    expect(opus.account.id).toBe('pro');
    await opus.release({ ok: true });
    const sonnet = await pool.acquire({ model: 'claude-sonnet-4-5', clientKeyId: 'k' });
    expect(sonnet.account.id).toBe('free');
    await sonnet.release({ ok: true });
  });
});
