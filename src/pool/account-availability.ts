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
  if (!account.enabled) return unavailable.not_enabled;
  if (!matchesModel(account.models, input.model)) return unavailable.model_not_served;
  return servingAccountAvailability(account, input);
}

/**
 * accountAvailability for an account already known to be enabled and to serve the model (as
 * `accountsServing` gives them): only what changes from one request to the next.
 */
export function servingAccountAvailability(account: AccountRecord, input: Omit<AvailabilityInput, 'model'>): AccountAvailability {
  if (input.exclude?.has(account.id)) return unavailable.excluded;
  if (isBalanceLow(account)) return unavailable.balance_low;
  const storedUntil = storedCooldown(account);
  if (storedUntil === 'never') return account.status === 'disabled' ? unavailable.disabled : unavailable.quota_exhausted;
  const until = Math.max(storedUntil ?? 0, input.sharedCooldownUntil ?? 0);
  return until > input.now ? { kind: 'cooling', until } : available;
}

/** The answers that carry no time, made once: the pool asks about every account on every request. */
const available: AccountAvailability = Object.freeze({ kind: 'available' });
const unavailable = Object.freeze(
  Object.fromEntries(
    (['not_enabled', 'disabled', 'model_not_served', 'excluded', 'balance_low', 'quota_exhausted'] as const).map((reason) => [reason, Object.freeze({ kind: 'unavailable', reason })]),
  ) as Record<UnavailableReason, AccountAvailability>,
);

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
