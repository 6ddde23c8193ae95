import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { SecretBox } from '../crypto/secret-box.js';
import type { Balance } from '../providers/provider-adapter.js';
import type { AccountCredentials } from '../providers/upstream-account.js';
import type { ChangeBus } from '../store/change-bus.js';
import {
  findAccountSecretRow,
  listAccountSecretRows,
  updateAccount,
  type AccountRowPatch,
  type AccountSecretRow,
} from '../store/repositories/account-repository.js';
import type { Database } from '../store/schema.js';
import type { AccountRecord, AccountStatePatch, AccountStore } from './account-record.js';
import { accountRowToRecord } from './account-row-mapping.js';
import { buildCredentialHints } from './credential-hints.js';

export interface CachedAccountStore extends AccountStore {
  /** Reloads one account (or all, for null) from the database; the change bus calls it. */
  reload(id: string | null): Promise<void>;
  close(): void;
}

export interface CachedAccountStoreOptions {
  db: Kysely<Database>;
  secretBox: SecretBox;
  bus: ChangeBus;
  logger: Logger;
  now?: () => number;
}

/** Every account in memory with decrypted credentials, loaded at start and refreshed on 'accounts' changes. */
export async function createCachedAccountStore(options: CachedAccountStoreOptions): Promise<CachedAccountStore> {
  const now = options.now ?? Date.now;
  let records = new Map<string, AccountRecord>();
  /**
   * `list()`'s answer, the same array until an account changes: the pool reads the list on every
   * request and keeps what it works out from it (which accounts serve a model) by the array itself.
   */
  let listed: readonly AccountRecord[] | undefined;
  const put = (id: string, record: AccountRecord | undefined): void => {
    if (record) records.set(id, record);
    else records.delete(id);
    listed = undefined;
  };
  // Reloads may overlap; only the newest read of each id (or of all) is applied.
  let sequence = 0;
  const latestRead = new Map<string, number>();
  let latestFullRead = 0;

  const toRecord = (row: AccountSecretRow): AccountRecord | undefined => {
    try {
      return accountRowToRecord(row, options.secretBox);
    } catch (error) {
      options.logger.error({ accountId: row.id, err: error instanceof Error ? error.message : error }, 'cannot decrypt account credentials (wrong SECRET_KEY?); account skipped');
      return undefined;
    }
  };

  const reload = async (id: string | null) => {
    const ticket = ++sequence;
    if (id === null) {
      latestFullRead = ticket;
      const rows = await listAccountSecretRows(options.db);
      if (latestFullRead !== ticket) return;
      const next = new Map<string, AccountRecord>();
      for (const row of rows) {
        const record = toRecord(row);
        if (record) next.set(row.id, record);
      }
      records = next;
      listed = undefined;
      return;
    }
    latestRead.set(id, ticket);
    const row = await findAccountSecretRow(options.db, id);
    if (latestRead.get(id) !== ticket) return;
    latestRead.delete(id);
    put(id, row ? toRecord(row) : undefined);
  };

  await reload(null);
  const unsubscribe = options.bus.subscribe('accounts', (id) =>
    reload(id).catch((error: unknown) => options.logger.error({ err: error, accountId: id }, 'account reload failed')),
  );

  const write = async (id: string, patch: AccountRowPatch) => {
    await updateAccount(options.db, id, { ...patch, updated_at: now() });
    await options.bus.publish('accounts', id);
  };

  return {
    list: () => (listed ??= Object.freeze([...records.values()])),
    get: (id) => records.get(id),
    async updateState(id, patch: AccountStatePatch) {
      const at = now();
      const columns: AccountRowPatch = {};
      if (patch.status !== undefined) {
        columns.status = patch.status;
        columns.status_changed_at = at;
      }
      if (patch.statusReason !== undefined) columns.status_reason = patch.statusReason;
      if (patch.cooldownUntil !== undefined) columns.cooldown_until = patch.cooldownUntil;
      if (patch.lastError !== undefined) {
        columns.last_error = patch.lastError === null ? null : patch.lastError.slice(0, 2000);
        columns.last_error_at = patch.lastError === null ? null : at;
      }
      const cached = records.get(id);
      if (cached) {
        put(id, {
          ...cached,
          status: patch.status ?? cached.status,
          statusReason: patch.statusReason !== undefined ? patch.statusReason : cached.statusReason,
          statusChangedAt: patch.status !== undefined ? at : cached.statusChangedAt,
          cooldownUntil: patch.cooldownUntil !== undefined ? patch.cooldownUntil : cached.cooldownUntil,
          lastError: columns.last_error !== undefined ? columns.last_error : cached.lastError,
          lastErrorAt: columns.last_error_at !== undefined ? columns.last_error_at : cached.lastErrorAt,
        });
      }
      await write(id, columns);
    },
    async saveCredentials(id, update: Partial<AccountCredentials>) {
      const cached = records.get(id);
      const base = cached?.upstream.credentials ?? (await currentCredentials(options, id));
      if (!base) return;
      const credentials = { ...base, ...update };
      if (cached) put(id, { ...cached, upstream: { ...cached.upstream, credentials } });
      await write(id, {
        credentials_encrypted: options.secretBox.seal(JSON.stringify(credentials)),
        credential_hints: JSON.stringify(buildCredentialHints(credentials)),
      });
    },
    async saveBalance(id, balance: Balance) {
      const cached = records.get(id);
      if (cached) put(id, { ...cached, balance });
      await write(id, { balance: JSON.stringify(balance), balance_checked_at: balance.checkedAt });
    },
    reload,
    close: unsubscribe,
  };
}

async function currentCredentials(options: CachedAccountStoreOptions, id: string): Promise<AccountCredentials | undefined> {
  const row = await findAccountSecretRow(options.db, id);
  return row ? accountRowToRecord(row, options.secretBox).upstream.credentials : undefined;
}
