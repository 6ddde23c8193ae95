import type { AccountRecord } from '../../accounts/account-record.js';
import { InternalError } from '../../core/errors/index.js';
import type { RoutingStrategy } from './order-candidates.js';
import { rotateCandidates } from './rotate-candidates.js';

/**
 * The order in which a large pool's accounts are looked at, fixed before any live number is read, in
 * segments: a batch of accounts whose usage is read together never spans two segments.
 * - `round_robin`, `least_inflight`: every account, starting at the shared cursor (one segment). The
 *   strategy then picks the lowest RPM or in-flight count within each batch, so the pool is read a batch
 *   at a time instead of whole: the "least of a sample" choice of large balancers, with a sample of the
 *   batch's size that moves one account on per request.
 * - `priority`: one segment per tier, highest first, each starting at the cursor: a lower tier is read
 *   only once every account of the higher ones has been.
 * - `weighted`: the weighted random order itself (key `random ^ (1 / weight)`, highest first; weight 0
 *   or less last, in list order). Only the first `head` keys are put in order at first; the rest are
 *   sorted only when those accounts could not take the request.
 */
export function preorderAccounts(
  strategy: RoutingStrategy,
  accounts: readonly AccountRecord[],
  input: { cursor: number; random: () => number; head: number },
): Iterable<readonly AccountRecord[]> {
  switch (strategy) {
    case 'round_robin':
    case 'least_inflight':
      return [rotateCandidates(accounts, input.cursor)];
    case 'priority':
      return tiersOf(accounts).map((tier) => rotateCandidates(tier, input.cursor));
    case 'weighted':
      return weightedSegments(accounts, input.random, input.head);
    default: {
      const unknown: never = strategy;
      throw new InternalError(`Unknown routing strategy: ${String(unknown)}`);
    }
  }
}

/** Priority tiers per account list (the pool's lists are cached and frozen), highest priority first. */
const tiersByList = new WeakMap<readonly AccountRecord[], ReadonlyArray<readonly AccountRecord[]>>();

function tiersOf(accounts: readonly AccountRecord[]): ReadonlyArray<readonly AccountRecord[]> {
  let tiers = tiersByList.get(accounts);
  if (!tiers) {
    const byPriority = new Map<number, AccountRecord[]>();
    for (const account of accounts) {
      const tier = byPriority.get(account.priority);
      if (tier) tier.push(account);
      else byPriority.set(account.priority, [account]);
    }
    tiers = [...byPriority.entries()].sort(([left], [right]) => right - left).map(([, tier]) => tier);
    tiersByList.set(accounts, tiers);
  }
  return tiers;
}

/** The weighted order: the `head` highest keys first (a bounded insertion), then the rest, sorted when asked for. */
function* weightedSegments(accounts: readonly AccountRecord[], random: () => number, head: number): Generator<readonly AccountRecord[]> {
  const keys = new Float64Array(accounts.length);
  for (let index = 0; index < accounts.length; index += 1) {
    const weight = accounts[index]!.weight;
    // Keys of positive weights lie in [0, 1); the others sort after them, in list order.
    keys[index] = weight > 0 ? Math.pow(random(), 1 / weight) : -1 - index;
  }
  const top: number[] = [];
  for (let index = 0; index < accounts.length; index += 1) {
    const key = keys[index]!;
    if (top.length === head && key <= keys[top[head - 1]!]!) continue;
    let at = top.length === head ? head - 1 : top.length;
    while (at > 0 && keys[top[at - 1]!]! < key) {
      top[at] = top[at - 1]!;
      at -= 1;
    }
    top[at] = index;
  }
  yield top.map((index) => accounts[index]!);
  const taken = new Set(top);
  const rest: number[] = [];
  for (let index = 0; index < accounts.length; index += 1) if (!taken.has(index)) rest.push(index);
  rest.sort((left, right) => keys[right]! - keys[left]!);
  yield rest.map((index) => accounts[index]!);
}
