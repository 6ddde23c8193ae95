import type { AccountRecord, AccountStore } from '../accounts/account-record.js';
import { NoAccountAvailableError } from '../core/errors/index.js';
import { accountAvailability, servingAccountAvailability } from './account-availability.js';
import { accountsServing } from './accounts-serving.js';
import type { AccountUsage, PoolState } from './state/pool-state.js';
import { orderCandidatesLazily, type RoutingStrategy } from './strategies/order-candidates.js';
import type { SelectionCandidate } from './strategies/selection-candidate.js';

/**
 * What happened to the session's pinned account: `hit` served by it; `new` first mapping; `moved`
 * re-mapped (the pinned account is gone, disabled or out for long, or a signed-thinking conversation
 * had to leave it); `temporary` served elsewhere during a short outage without re-mapping; `none`
 * when the request has no session.
 */
export type StickyOutcome = 'none' | 'hit' | 'new' | 'moved' | 'temporary';

export interface SelectionContext {
  store: AccountStore;
  state: PoolState;
  strategy: RoutingStrategy;
  now: number;
  random: () => number;
  leaseTtlMs: number;
  /** A pinned account out for at most this long keeps its sessions. */
  stickyGraceMs: number;
}

export interface SelectionRequest {
  model: string;
  exclude?: ReadonlySet<string>;
  hasSession: boolean;
  stickyAccountId: string | null;
  hasSignedThinking: boolean;
  /** Until when the request may wait for its pinned account instead of moving (signed thinking). */
  stickyWaitUntil: number | null;
}

export type SelectionResult =
  | { kind: 'acquired'; account: AccountRecord; leaseId: string; sticky: StickyOutcome }
  /** Nothing free now; `retryAfterMs` until the earliest account may be. */
  | { kind: 'busy'; retryAfterMs: number; reason: 'limits' | 'cooling' | 'sticky' };

type PinnedState =
  | { kind: 'none' }
  | { kind: 'gone' }
  | { kind: 'ready'; account: AccountRecord }
  | { kind: 'soon'; retryAfterMs: number; canWait: boolean; reason: 'limits' | 'cooling' };

/** The pinned account failed this request: not waited for and no retry hint, but its mapping stays. */
const excludedPinned: PinnedState = { kind: 'soon', retryAfterMs: Infinity, canWait: false, reason: 'cooling' };

/** One selection pass: at most one usage read, then atomic slot attempts in preference order. */
export async function selectAccount(context: SelectionContext, request: SelectionRequest): Promise<SelectionResult> {
  const { store, state, now } = context;
  const pinnedRecord = request.stickyAccountId === null ? undefined : store.get(request.stickyAccountId);
  // Every account serving the model is looked at once per request, so a pool of hundreds is walked once:
  // its availability here, without the shared cooldowns, and the end of its stored cooldown (0 when none)
  // kept beside it. Which accounts serve the model is worked out once per account list, not per request.
  const eligible: AccountRecord[] = [];
  const storedCooldownEnds: number[] = [];
  const input = { now, exclude: request.exclude };
  for (const account of accountsServing(store.list(), request.model)) {
    if (account.id === pinnedRecord?.id) continue;
    const availability = servingAccountAvailability(account, input);
    if (availability.kind === 'unavailable') continue;
    eligible.push(account);
    storedCooldownEnds.push(availability.kind === 'cooling' ? availability.until : 0);
  }
  const pinnedEligible =
    pinnedRecord && accountAvailability(pinnedRecord, { model: request.model, now }).kind !== 'unavailable' ? pinnedRecord : undefined;
  const watched = pinnedEligible ? [pinnedEligible, ...eligible] : eligible;
  if (watched.length === 0) throw new NoAccountAvailableError(`No account is available for model "${request.model}".`);
  // An account record carries its id and limits, as the state reads them; the usage comes back in the same order.
  const usage = await state.usage(watched, now);
  const eligibleOffset = pinnedEligible ? 1 : 0;

  const pinned = pinnedState(context, request, pinnedEligible, pinnedEligible ? usage[0] : undefined);
  let busyRetry = Infinity;
  let busyReason: 'limits' | 'cooling' = 'cooling';
  if (pinned.kind === 'ready') {
    const slot = await state.tryAcquire(pinned.account.id, pinned.account, now, context.leaseTtlMs);
    if (slot.acquired) return { kind: 'acquired', account: pinned.account, leaseId: slot.leaseId, sticky: 'hit' };
    if (request.stickyWaitUntil !== null && now + slot.retryAfterMs <= request.stickyWaitUntil) {
      return { kind: 'busy', retryAfterMs: slot.retryAfterMs, reason: 'sticky' };
    }
    busyRetry = slot.retryAfterMs;
    busyReason = 'limits';
  } else if (pinned.kind === 'soon') {
    if (pinned.canWait) return { kind: 'busy', retryAfterMs: pinned.retryAfterMs, reason: 'sticky' };
    busyRetry = pinned.retryAfterMs;
    busyReason = pinned.reason;
  }

  const ready: SelectionCandidate[] = [];
  for (let index = 0; index < eligible.length; index += 1) {
    const account = eligible[index]!;
    const live = usage[eligibleOffset + index];
    // As accountAvailability with the shared cooldown: cooling until the later of the two ends.
    const cooldownEnd = Math.max(storedCooldownEnds[index]!, live?.cooldownUntil ?? 0);
    if (cooldownEnd > now) {
      busyRetry = Math.min(busyRetry, cooldownEnd - now);
    } else if (live?.retryAfterMs !== null && live?.retryAfterMs !== undefined) {
      busyRetry = Math.min(busyRetry, live.retryAfterMs);
      busyReason = 'limits';
    } else {
      ready.push({ account, rpmNow: live?.rpmNow ?? 0, inFlight: live?.inFlight ?? 0 });
    }
  }
  const cursor = ready.length > 1 && context.strategy !== 'weighted' ? await state.nextCursor('round-robin') : 0;
  for (const candidate of orderCandidatesLazily(context.strategy, ready, { cursor, random: context.random })) {
    const slot = await state.tryAcquire(candidate.account.id, candidate.account, now, context.leaseTtlMs);
    if (slot.acquired) {
      return { kind: 'acquired', account: candidate.account, leaseId: slot.leaseId, sticky: movedOutcome(request, pinned) };
    }
    busyRetry = Math.min(busyRetry, slot.retryAfterMs);
    busyReason = 'limits';
  }
  if (busyRetry === Infinity) throw new NoAccountAvailableError(`No account is available for model "${request.model}".`);
  return { kind: 'busy', retryAfterMs: Math.max(1, Math.ceil(busyRetry)), reason: busyReason };
}

function pinnedState(
  context: SelectionContext,
  request: SelectionRequest,
  account: AccountRecord | undefined,
  live: AccountUsage | undefined,
): PinnedState {
  if (request.stickyAccountId === null) return { kind: 'none' };
  if (!account) return { kind: 'gone' };
  const availability = accountAvailability(account, {
    model: request.model,
    now: context.now,
    sharedCooldownUntil: live?.cooldownUntil ?? null,
  });
  const limitRetry = live?.retryAfterMs ?? null;
  let retryAfterMs: number;
  let reason: 'limits' | 'cooling';
  if (availability.kind === 'available') {
    if (limitRetry === null) return request.exclude?.has(account.id) ? excludedPinned : { kind: 'ready', account };
    retryAfterMs = limitRetry;
    reason = 'limits';
  } else if (availability.kind === 'cooling' && availability.until - context.now <= context.stickyGraceMs) {
    retryAfterMs = Math.max(availability.until - context.now, limitRetry ?? 0);
    reason = 'cooling';
  } else {
    return { kind: 'gone' };
  }
  // It failed this very request: serve elsewhere for now, keep the mapping if the outage is short.
  if (request.exclude?.has(account.id)) return excludedPinned;
  const canWait = request.stickyWaitUntil !== null && context.now + retryAfterMs <= request.stickyWaitUntil;
  return { kind: 'soon', retryAfterMs: Math.max(1, retryAfterMs), canWait, reason };
}

function movedOutcome(request: SelectionRequest, pinned: PinnedState): StickyOutcome {
  if (!request.hasSession) return 'none';
  switch (pinned.kind) {
    case 'none':
      return 'new';
    case 'gone':
      return 'moved';
    case 'ready':
    case 'soon':
      return request.hasSignedThinking ? 'moved' : 'temporary';
    default: {
      const unknown: never = pinned;
      return unknown;
    }
  }
}
