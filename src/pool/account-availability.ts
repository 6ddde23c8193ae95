import type { AccountRecord } from '../accounts/account-record.js';
import { InternalError } from '../core/errors/index.js';
import { matchesModel } from './matches-model.js';

export type AccountAvailability =
  | { kind: 'available' }
  /** Healthy apart from a cooldown that ends by itself at `until`. */
  | { kind: 'cooling'; until: number }
  | { kind: 'unavailable'; reason: UnavailableReason };

export type UnavailableReason = 'not_enabled' | 'disabled' | 'model_not_served' | 'excluded' | 'balance_low' | 'quota_exhausted';

export interface AvailabilityInput {
  model: string;
  now: number;
  exclude?: ReadonlySet<string>;
  /** A cooldown from the shared pool state, which may be newer than the cached record. */
  sharedCooldownUntil?: number | null;
}

/** Whether the balance is known to be below the account's threshold. */
export function isBalanceLow(account: AccountRecord): boolean {
  const remaining = account.balance?.remaining;
  return account.balanceThreshold !== null && remaining !== null && remaining !== undefined && remaining < account.balanceThreshold;
}

/**
 * Can this account serve a request for `model` now? Cooling and quota-exhausted accounts come back
 * by themselves once their `cooldownUntil` (the quota's reset) has passed, without waiting for the
 * health check to flip the stored status.
 */
export function accountAvailability(account: AccountRecord, input: AvailabilityInput): AccountAvailability {
  if (!account.enabled) return { kind: 'unavailable', reason: 'not_enabled' };
  if (!matchesModel(account.models, input.model)) return { kind: 'unavailable', reason: 'model_not_served' };
  if (input.exclude?.has(account.id)) return { kind: 'unavailable', reason: 'excluded' };
  if (isBalanceLow(account)) return { kind: 'unavailable', reason: 'balance_low' };
  const storedUntil = storedCooldown(account);
  if (storedUntil === 'never') {
    return { kind: 'unavailable', reason: account.status === 'disabled' ? 'disabled' : 'quota_exhausted' };
  }
  const until = Math.max(storedUntil ?? 0, input.sharedCooldownUntil ?? 0);
  return until > input.now ? { kind: 'cooling', until } : { kind: 'available' };
}

function storedCooldown(account: AccountRecord): number | null | 'never' {
  switch (account.status) {
    case 'active':
      return null;
    case 'cooling':
      return account.cooldownUntil;
    case 'quota_exhausted':
      return account.cooldownUntil ?? 'never';
    case 'disabled':
      return 'never';
    default: {
      const unexpected: never = account.status;
      throw new InternalError(`Unknown account status: ${String(unexpected)}`);
    }
  }
}
