import { describe, expect, it } from 'vitest';
import { silentLogger } from '../pool/testing/silent-logger.js';
import { listAccountEvents } from '../store/repositories/account-event-repository.js';
import { openDatabase } from '../store/db.js';
import { migrateToLatest } from '../store/migrate.js';
import type { CachedAccountStore } from './cached-account-store.js';
import { recordAccountEvents } from './record-account-events.js';

describe('recordAccountEvents', () => {
  it('keeps the order of events recorded within one millisecond', async () => {
    const database = openDatabase({ kind: 'sqlite', file: ':memory:' });
    await migrateToLatest(database.db);
    // Only what the balance path calls; the history is what is under test.
    const store = { saveBalance: async () => undefined } as unknown as CachedAccountStore;
    const accounts = recordAccountEvents(store, { db: database.db, logger: silentLogger(), now: () => 1_000_000 });
    for (const remaining of [12.5, 11, 9.75]) await accounts.saveBalance('a', { remaining, unit: 'USD', source: 'upstream', checkedAt: 1_000_000 });
    const newestFirst = await listAccountEvents(database.db, 'a', ['balance'], 0, 10);
    expect(newestFirst.map((event) => Number(event.balance_remaining))).toEqual([9.75, 11, 12.5]);
    await database.close();
  });
});
