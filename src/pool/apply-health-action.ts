import type { AccountRecord, AccountStore } from '../accounts/account-record.js';
import type { Logger } from '../logging/logger.js';
import {
  countsAsFailure,
  decideHealthAction,
  type HealthAction,
  type RequestOutcome,
} from './health-policy.js';
import type { PoolState } from './state/pool-state.js';

export interface HealthDependencies {
  store: AccountStore;
  state: PoolState;
  logger: Logger;
  now: () => number;
  /** Told with the updated record after the policy changed an account's status (webhooks: account_disabled, quota_exhausted). */
  onHealthAction?: (account: AccountRecord, action: HealthAction) => void;
}

/**
 * Applies the health policy to the outcome of one upstream call on `accountId`. A milder state never
 * replaces a harsher one (a 429 does not turn a disabled account into a cooling one); a cooldown is
 * only ever extended. Every change goes through AccountStore.updateState with a reason. `failuresReset`:
 * the caller has already reset the failure count of a success (with the slot's release).
 */
export async function reportAccountOutcome(
  dependencies: HealthDependencies,
  accountId: string,
  outcome: RequestOutcome,
  failuresReset = false,
): Promise<HealthAction> {
  const { state, now } = dependencies;
  const consecutiveFailures = countsAsFailure(outcome) ? await state.recordFailure(accountId, now()) : 0;
  const action = decideHealthAction(outcome, { now: now(), consecutiveFailures });
  const account = dependencies.store.get(accountId);
  if (account) await applyHealthAction(dependencies, account, action, failuresReset);
  return action;
}

export async function applyHealthAction(
  dependencies: HealthDependencies,
  account: AccountRecord,
  action: HealthAction,
  failuresReset = false,
): Promise<void> {
  const { store, state, logger } = dependencies;
  const now = dependencies.now();
  switch (action.kind) {
    case 'none':
      return;
    case 'recover': {
      if (!failuresReset) await state.resetFailures(account.id);
      const pastCooldown = (account.cooldownUntil ?? 0) <= now;
      if ((account.status === 'cooling' || account.status === 'quota_exhausted') && pastCooldown) {
        await store.updateState(account.id, { status: 'active', statusReason: 'request succeeded', cooldownUntil: null });
        logger.info({ accountId: account.id }, 'account back to active after a successful request');
        notify(dependencies, account, action);
      }
      return;
    }
    case 'disable':
      await store.updateState(account.id, {
        status: 'disabled',
        statusReason: action.reason,
        cooldownUntil: null,
        lastError: action.lastError,
      });
      logger.warn({ accountId: account.id, reason: action.reason }, 'account disabled');
      return notify(dependencies, account, action);
    case 'quota_exhausted': {
      if (account.status === 'disabled') return void (await store.updateState(account.id, { lastError: action.lastError }));
      const until = Math.max(action.until, account.status === 'quota_exhausted' ? (account.cooldownUntil ?? 0) : 0);
      await state.setCooldown(account.id, until, now);
      await store.updateState(account.id, {
        status: 'quota_exhausted',
        statusReason: action.reason,
        cooldownUntil: until,
        lastError: action.lastError,
      });
      logger.warn({ accountId: account.id, until: new Date(until).toISOString() }, 'account quota exhausted');
      return notify(dependencies, account, { ...action, until });
    }
    case 'cool_down': {
      const harsher =
        account.status === 'disabled' || (account.status === 'quota_exhausted' && (account.cooldownUntil ?? Infinity) > now);
      if (harsher) return void (await store.updateState(account.id, { lastError: action.lastError }));
      const until = Math.max(action.until, account.status === 'cooling' ? (account.cooldownUntil ?? 0) : 0);
      await state.setCooldown(account.id, until, now);
      await store.updateState(account.id, {
        status: 'cooling',
        statusReason: action.reason,
        cooldownUntil: until,
        lastError: action.lastError,
      });
      logger.warn({ accountId: account.id, until: new Date(until).toISOString(), reason: action.reason }, 'account cooling down');
      return notify(dependencies, account, { ...action, until });
    }
    default: {
      const unknown: never = action;
      logger.error({ action: unknown }, 'unknown health action');
    }
  }
}

function notify(dependencies: HealthDependencies, account: AccountRecord, action: HealthAction): void {
  try {
    dependencies.onHealthAction?.(dependencies.store.get(account.id) ?? account, action);
  } catch (error) {
    dependencies.logger.error({ accountId: account.id, err: error }, 'health action callback failed');
  }
}
