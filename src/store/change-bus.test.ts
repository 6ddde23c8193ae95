import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import pino from 'pino';
import { createTestApiKey } from '../../tests/support/create-test-api-key.js';
import { createTestContext, type TestContext } from '../../tests/support/create-test-context.js';
import { postgresUrl, redisUrl, warnSkipped } from '../../tests/support/test-environment.js';
import { createChangeBus } from './change-bus.js';

const eventually = async (check: () => Promise<boolean> | boolean, timeoutMs = 3000) => {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('in-process change bus', () => {
  it('delivers to subscribers of the topic and waits for async listeners', async () => {
    const bus = await createChangeBus({ logger: pino({ level: 'silent' }) });
    const seen: Array<string | null> = [];
    const unsubscribe = bus.subscribe('accounts', async (id) => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      seen.push(id);
    });
    bus.subscribe('settings', () => {
      throw new Error('a failing listener does not break the others');
    });
    await bus.publish('accounts', 'a1');
    await bus.publish('settings');
    expect(seen).toEqual(['a1']);
    unsubscribe();
    await bus.publish('accounts', 'a2');
    expect(seen).toEqual(['a1']);
    await bus.close();
  });
});

/** Two gateway instances on one database and one Redis: a change on one reaches the other's caches. */
describe.skipIf(!redisUrl)('two instances sharing Redis', () => {
  let first: TestContext;
  let second: TestContext;
  beforeAll(async () => {
    first = await createTestContext({ redis: true, database: postgresUrl ? 'postgres' : 'sqlite' });
    second = await createTestContext({ redis: true, shareDatabaseWith: first, shareRedisWith: first });
  });
  afterAll(async () => {
    await second?.shutdown();
    await first?.shutdown();
  });

  it('invalidates the key cache on the other instance', async () => {
    const { key, id } = await createTestApiKey(first);
    expect((await second.apiKeys.authenticate(key)).id).toBe(id);
    await first.database.db.updateTable('api_keys').set({ enabled: 0 }).where('id', '=', id).execute();
    await first.changeBus.publish('api-keys', id);
    await eventually(async () => second.apiKeys.authenticate(key).then(() => false, () => true));
  });

  it('refreshes the account cache and settings on the other instance', async () => {
    const row = await first.accountAdmin.create({ name: 'shared', provider: 'openai', api_key: 'sk-shared-0123456789' });
    await eventually(() => second.accounts.get(row.id) !== undefined);
    await first.accounts.updateState(row.id, { status: 'cooling', cooldownUntil: Date.now() + 1000, statusReason: '429' });
    await eventually(() => second.accounts.get(row.id)?.status === 'cooling');
    await first.settings.update({ routing_strategy: 'least_inflight' });
    await eventually(() => second.settings.get().routing_strategy === 'least_inflight');
    await first.accountAdmin.remove(row.id);
    await eventually(() => second.accounts.get(row.id) === undefined);
  });

  it('reloads everything after the subscriber reconnects (messages may have been missed)', async () => {
    const reloads: Array<string | null> = [];
    const unsubscribe = second.changeBus.subscribe('settings', (id) => void reloads.push(id));
    const admin = new Redis(redisUrl!);
    try {
      const clients = (await admin.client('LIST')) as string;
      // Both instances' subscribers share the name (same prefix): drop them all.
      const ids = clients
        .split('\n')
        .filter((entry) => entry.includes(`name=${second.redisPrefix}changes:subscriber`))
        .map((entry) => /id=(\d+)/.exec(entry)?.[1])
        .filter((id): id is string => id !== undefined);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) await admin.client('KILL', 'ID', id);
      await eventually(() => reloads.includes(null), 5000);
    } finally {
      unsubscribe();
      await admin.quit();
    }
  });

  it('shares per-key limits', async () => {
    const rule = { key: `shared-${Date.now()}`, limit: 3, windowMs: 60_000, label: 'requests per minute' };
    const decisions = await Promise.all([1, 2, 3, 4, 5, 6].map((index) => (index % 2 ? first : second).rateLimiter.hit([rule])));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(3);
  });
});
warnSkipped('the multi-instance change bus tests', 'REDIS_URL');
