import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { insertAccountEvent, type AccountEventKind } from '../store/repositories/account-event-repository.js';
import type { Database } from '../store/schema.js';
import type { CachedAccountStore } from './cached-account-store.js';

export interface RecordAccountEventsOptions {
  db: Kysely<Database>;
  logger: Logger;
  now?: () => number;
  /** At most one error event per account in this long; a failing account must not flood the table. */
  errorIntervalMs?: number;
}

/**
 * Keeps a short history per account for the detail view: every status change, errors (throttled) and
 * every balance reading. Wraps the account store so the pool and balance monitor need not know; a
 * failed history write is logged and never fails the state change itself.
 */
export function recordAccountEvents(store: CachedAccountStore, options: RecordAccountEventsOptions): CachedAccountStore {
  const now = options.now ?? Date.now;
  const errorIntervalMs = options.errorIntervalMs ?? 30_000;
  const lastErrorEvent = new Map<string, number>();
  // History is read newest first by time: two events in one millisecond would come back in either
  // order, so each is stamped at least a millisecond after the one before it in this process.
  let lastStamp = 0;
  const stamp = (): number => (lastStamp = Math.max(now(), lastStamp + 1));

  const record = async (accountId: string, kind: AccountEventKind, fields: { status?: string | null; message?: string | null; balanceRemaining?: number | null; balanceJson?: string | null }) => {
    try {
      await insertAccountEvent(options.db, {
        id: randomUUID(),
        account_id: accountId,
        created_at: stamp(),
        kind,
        status: fields.status ?? null,
        message: fields.message?.slice(0, 2000) ?? null,
        balance_remaining: fields.balanceRemaining ?? null,
        balance_json: fields.balanceJson ?? null,
      });
    } catch (error) {
      options.logger.warn({ err: error, accountId }, 'account history not written');
    }
  };

  return {
    ...store,
    async updateState(id, patch) {
      const previous = store.get(id);
      await store.updateState(id, patch);
      if (patch.status !== undefined && patch.status !== previous?.status) {
        await record(id, 'status', { status: patch.status, message: patch.statusReason ?? null });
      }
      if (typeof patch.lastError === 'string') {
        const at = now();
        if (at - (lastErrorEvent.get(id) ?? 0) >= errorIntervalMs) {
          if (lastErrorEvent.size > 10_000) lastErrorEvent.clear();
          lastErrorEvent.set(id, at);
          await record(id, 'error', { status: patch.status ?? previous?.status ?? null, message: patch.lastError });
        }
      }
    },
    async saveBalance(id, balance) {
      await store.saveBalance(id, balance);
      await record(id, 'balance', { balanceRemaining: balance.remaining ?? null, balanceJson: JSON.stringify(balance) });
    },
  };
}
