import type { AccountRecord, AccountStatePatch, AccountStore } from '../../accounts/account-record.js';
import type { AccountCredentials } from '../../providers/upstream-account.js';
import type { Balance } from '../../providers/provider-adapter.js';

/** A test double of AccountStore: records in a map, every update kept for assertions. */
export class InMemoryAccountStore implements AccountStore {
  readonly records = new Map<string, AccountRecord>();
  readonly updates: Array<{ id: string; patch: AccountStatePatch }> = [];
  readonly balances: Array<{ id: string; balance: Balance }> = [];

  constructor(
    accounts: readonly AccountRecord[] = [],
    private readonly now: () => number = Date.now,
  ) {
    for (const account of accounts) this.records.set(account.id, { ...account });
  }

  list(): AccountRecord[] {
    return [...this.records.values()];
  }

  get(id: string): AccountRecord | undefined {
    return this.records.get(id);
  }

  async updateState(id: string, patch: AccountStatePatch): Promise<void> {
    const record = this.records.get(id);
    if (!record) return;
    this.updates.push({ id, patch });
    const now = this.now();
    const next: AccountRecord = { ...record };
    if (patch.status !== undefined && patch.status !== record.status) next.statusChangedAt = now;
    if (patch.status !== undefined) next.status = patch.status;
    if (patch.statusReason !== undefined) next.statusReason = patch.statusReason;
    if (patch.cooldownUntil !== undefined) next.cooldownUntil = patch.cooldownUntil;
    if (patch.lastError !== undefined) {
      next.lastError = patch.lastError;
      next.lastErrorAt = patch.lastError === null ? null : now;
    }
    this.records.set(id, next);
  }

  async saveCredentials(id: string, update: Partial<AccountCredentials>): Promise<void> {
    const record = this.records.get(id);
    if (record) record.upstream = { ...record.upstream, credentials: { ...record.upstream.credentials, ...update } };
  }

  async saveBalance(id: string, balance: Balance): Promise<void> {
    this.balances.push({ id, balance });
    const record = this.records.get(id);
    if (record) this.records.set(id, { ...record, balance });
  }

  /** Replaces fields directly, as an operator edit would. */
  patch(id: string, fields: Partial<AccountRecord>): void {
    const record = this.records.get(id);
    if (record) this.records.set(id, { ...record, ...fields });
  }
}
