import type { AccountRecord } from '../../accounts/account-record.js';
import { defaultSettings, type Settings } from '../../settings/settings-schema.js';
import { AccountPool, type AccountPoolDependencies, type AccountPoolOptions } from '../account-pool.js';
import { MemoryPoolState } from '../state/memory-pool-state.js';
import type { PoolState } from '../state/pool-state.js';
import { InMemoryAccountStore } from './in-memory-account-store.js';
import { silentLogger } from './silent-logger.js';

export interface TestPoolInput {
  accounts: AccountRecord[];
  settings?: Partial<Settings>;
  now?: () => number;
  state?: PoolState;
  random?: () => number;
  options?: AccountPoolOptions;
  onHealthAction?: AccountPoolDependencies['onHealthAction'];
}

/** An AccountPool over an in-memory store and (by default) in-memory state, for tests. */
export function createTestPool(input: TestPoolInput): { pool: AccountPool; store: InMemoryAccountStore; state: PoolState; settings: Settings } {
  const now = input.now ?? Date.now;
  const store = new InMemoryAccountStore(input.accounts, now);
  const state = input.state ?? new MemoryPoolState({ now });
  const settings: Settings = { ...defaultSettings(), ...input.settings };
  const pool = new AccountPool({
    store,
    settings: () => settings,
    state,
    logger: silentLogger(),
    now,
    random: input.random,
    options: input.options,
    onHealthAction: input.onHealthAction,
  });
  return { pool, store, state, settings };
}
