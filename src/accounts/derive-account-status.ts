import type { AccountStatus } from './account-record.js';

export interface AccountStatusInput {
  enabled: boolean;
  /** As stored: written when the health policy or an operator last changed it. */
  status: string;
  statusReason: string | null;
  cooldownUntil: number | null;
  /** A cooldown in the shared pool state, which may be newer than the stored one (another instance). */
  liveCooldownUntil?: number | null;
  balance: { remaining: number | null; unit: string } | null;
  balanceThreshold: number | null;
}

export interface DerivedAccountStatus {
  status: AccountStatus;
  statusReason: string | null;
  cooldownUntil: number | null;
  /** Whether the pool would pick this account now (enabled, not out, balance not below its threshold). */
  inRotation: boolean;
}

const knownStatuses = new Set<string>(['active', 'cooling', 'quota_exhausted', 'disabled']);

/**
 * The status as of `now`, not as of the last write: a cooldown or quota reset that has passed reads
 * as active (the pool already uses such an account again), a cooldown set through the shared state
 * reads as cooling, and a balance below its threshold says so in the reason.
 */
export function deriveAccountStatus(input: AccountStatusInput, now: number): DerivedAccountStatus {
  const stored = (knownStatuses.has(input.status) ? input.status : 'disabled') as AccountStatus;
  const derived = fromTime(stored, input, now);
  const balanceReason = belowThreshold(input);
  if (!input.enabled) return { ...derived, inRotation: false };
  if (balanceReason !== null && derived.status === 'active') return { ...derived, statusReason: balanceReason, inRotation: false };
  return { ...derived, inRotation: derived.status === 'active' };
}

function fromTime(stored: AccountStatus, input: AccountStatusInput, now: number): Omit<DerivedAccountStatus, 'inRotation'> {
  const live = input.liveCooldownUntil ?? 0;
  switch (stored) {
    case 'disabled':
      return { status: 'disabled', statusReason: input.statusReason, cooldownUntil: null };
    case 'quota_exhausted': {
      if (input.cooldownUntil === null) return { status: 'quota_exhausted', statusReason: input.statusReason, cooldownUntil: null };
      const until = Math.max(input.cooldownUntil, live);
      if (until > now) return { status: 'quota_exhausted', statusReason: input.statusReason, cooldownUntil: until };
      return { status: 'active', statusReason: ended('quota reset time passed', until, input.statusReason), cooldownUntil: null };
    }
    case 'cooling': {
      const until = Math.max(input.cooldownUntil ?? 0, live);
      if (until > now) return { status: 'cooling', statusReason: input.statusReason, cooldownUntil: until };
      return { status: 'active', statusReason: ended('cooldown ended', until, input.statusReason), cooldownUntil: null };
    }
    case 'active':
      if (live > now) return { status: 'cooling', statusReason: 'cooling down (shared pool state)', cooldownUntil: live };
      return { status: 'active', statusReason: input.statusReason, cooldownUntil: null };
    default: {
      const unknown: never = stored;
      return unknown;
    }
  }
}

const ended = (what: string, at: number, was: string | null): string =>
  `${what} at ${at > 0 ? new Date(at).toISOString() : 'an unknown time'}${was ? ` (was: ${was})` : ''}`;

function belowThreshold(input: AccountStatusInput): string | null {
  const remaining = input.balance?.remaining;
  if (input.balanceThreshold === null || remaining === null || remaining === undefined || remaining >= input.balanceThreshold) return null;
  const unit = input.balance?.unit ?? '';
  return `balance ${round(remaining)} ${unit} is below the threshold of ${round(input.balanceThreshold)} ${unit}: out of rotation until it is topped up`.replace(/ {2,}/g, ' ');
}

const round = (value: number): number => Math.round(value * 1e4) / 1e4;
