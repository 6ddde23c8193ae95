import type { AccountRecord, AccountStore } from '../accounts/account-record.js';
import { NoAccountAvailableError } from '../core/errors/index.js';
import { accountAvailability } from './account-availability.js';
import { accountsInRotation, accountsServing } from './accounts-serving.js';
import { eligibleBatch, eligibleBatches, firstBatchSize, type EligibleBatch } from './eligible-batches.js';
import type { AccountUsage, PoolState } from './state/pool-state.js';
import { orderCandidatesLazily, type RoutingStrategy } from './strategies/order-candidates.js';
import { preorderAccounts } from './strategies/preorder-accounts.js';
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

/**
 * One selection pass. A pool of at most `firstBatchSize` accounts serving the model is read whole: one
 * usage read, then atomic slot attempts in the strategy's order. A larger pool is read in batches, in an
 * order fixed first (see preorderAccounts), and a request stops at the first batch with a free account:
 * its cost does not grow with the pool while accounts are free.
 */
export async function selectAccount(context: SelectionContext, request: SelectionRequest): Promise<SelectionResult> {
  const { store, state, now, strategy } = context;
  const pinnedRecord = request.stickyAccountId === null ? undefined : store.get(request.stickyAccountId);
  const serving = accountsInRotation(accountsServing(store.list(), request.model));
  const pinnedEligible =
    pinnedRecord && accountAvailability(pinnedRecord, { model: request.model, now }).kind !== 'unavailable' ? pinnedRecord : undefined;
  const large = serving.length > firstBatchSize;
  const skippedCoolingUntil = { soonest: Infinity };
  const eligibleInput = { now, exclude: request.exclude, skipId: pinnedRecord?.id, readCooling: !large, skippedCoolingUntil };
  const batches = large
    ? eligibleBatches(
        preorderAccounts(strategy, withoutExcluded(serving, request.exclude), {
          cursor: strategy === 'weighted' ? 0 : await state.nextCursor('round-robin'),
          random: context.random,
          head: firstBatchSize,
        }),
        eligibleInput,
        firstBatchSize,
      )
    : [eligibleBatch(serving, eligibleInput)];
  const busy: Busy = { retryAfterMs: Infinity, reason: 'cooling' };
  let pinned: PinnedState = { kind: 'none' };
  let first = true;
  for (const batch of batches) {
    const withPinned = first && pinnedEligible !== undefined;
    const watched = withPinned ? [pinnedEligible, ...batch.accounts] : batch.accounts;
    if (first && watched.length === 0 && skippedCoolingUntil.soonest === Infinity) {
      throw new NoAccountAvailableError(`No account is available for model "${request.model}".`);
    }
    // An account record carries its id and limits, as the state reads them; the usage comes back in the same order.
    // A whole pool takes turns by the shared cursor, moved on in the same read when it has more than one account to
    // offer; a large pool's batches are already in turn (and, weighted, in their random order): within one only the
    // live numbers decide.
    const { usage, cursor } =
      !large && strategy !== 'weighted' && batch.accounts.length > 1
        ? await state.usageWithCursor(watched, now, 'round-robin')
        : { usage: await state.usage(watched, now), cursor: 0 };
    if (first) {
      pinned = pinnedState(context, request, pinnedEligible, withPinned ? usage[0] : undefined);
      const outcome = pinned.kind === 'ready' || pinned.kind === 'soon' ? await tryPinned(context, request, pinned, busy) : undefined;
      if (outcome) return outcome;
      first = false;
    }
    const ready = readyCandidates(batch, withPinned ? usage.slice(1) : usage, now, busy);
    const order = large && strategy === 'weighted' ? ready : orderCandidatesLazily(strategy, ready, { cursor, random: context.random });
    for (const candidate of order) {
      const slot = await state.tryAcquire(candidate.account.id, candidate.account, now, context.leaseTtlMs);
      if (slot.acquired) {
        return { kind: 'acquired', account: candidate.account, leaseId: slot.leaseId, sticky: movedOutcome(request, pinned) };
      }
      busy.retryAfterMs = Math.min(busy.retryAfterMs, slot.retryAfterMs);
      busy.reason = 'limits';
    }
  }
  busy.retryAfterMs = Math.min(busy.retryAfterMs, skippedCoolingUntil.soonest - now);
  if (busy.retryAfterMs === Infinity) throw new NoAccountAvailableError(`No account is available for model "${request.model}".`);
  return { kind: 'busy', retryAfterMs: Math.max(1, Math.ceil(busy.retryAfterMs)), reason: busy.reason };
}

interface Busy {
  retryAfterMs: number;
  reason: 'limits' | 'cooling';
}

/** A large pool takes turns over the accounts this request may use: those it excludes are taken out first. */
const withoutExcluded = (accounts: readonly AccountRecord[], exclude: ReadonlySet<string> | undefined): readonly AccountRecord[] =>
  exclude?.size ? accounts.filter((account) => !exclude.has(account.id)) : accounts;

/** The pinned account's slot, when it is ready; an answer when the request is done with (served, or waits for it). */
async function tryPinned(context: SelectionContext, request: SelectionRequest, pinned: PinnedState, busy: Busy): Promise<SelectionResult | undefined> {
  if (pinned.kind === 'ready') {
    const slot = await context.state.tryAcquire(pinned.account.id, pinned.account, context.now, context.leaseTtlMs);
    if (slot.acquired) return { kind: 'acquired', account: pinned.account, leaseId: slot.leaseId, sticky: 'hit' };
    if (request.stickyWaitUntil !== null && context.now + slot.retryAfterMs <= request.stickyWaitUntil) {
      return { kind: 'busy', retryAfterMs: slot.retryAfterMs, reason: 'sticky' };
    }
    busy.retryAfterMs = slot.retryAfterMs;
    busy.reason = 'limits';
  } else if (pinned.kind === 'soon') {
    if (pinned.canWait) return { kind: 'busy', retryAfterMs: pinned.retryAfterMs, reason: 'sticky' };
    busy.retryAfterMs = pinned.retryAfterMs;
    busy.reason = pinned.reason;
  }
  return undefined;
}

/** The batch's accounts with room now; the others only shorten the retry hint. */
function readyCandidates(batch: EligibleBatch, usage: readonly AccountUsage[], now: number, busy: Busy): SelectionCandidate[] {
  const ready: SelectionCandidate[] = [];
  for (let index = 0; index < batch.accounts.length; index += 1) {
    const live = usage[index];
    // As accountAvailability with the shared cooldown: cooling until the later of the two ends.
    const cooldownEnd = Math.max(batch.storedCooldownEnds[index]!, live?.cooldownUntil ?? 0);
    if (cooldownEnd > now) {
      busy.retryAfterMs = Math.min(busy.retryAfterMs, cooldownEnd - now);
    } else if (live?.retryAfterMs !== null && live?.retryAfterMs !== undefined) {
      busy.retryAfterMs = Math.min(busy.retryAfterMs, live.retryAfterMs);
      busy.reason = 'limits';
    } else {
      ready.push({ account: batch.accounts[index]!, rpmNow: live?.rpmNow ?? 0, inFlight: live?.inFlight ?? 0 });
    }
  }
  return ready;
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
