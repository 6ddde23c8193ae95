import { orderRoundRobin } from './order-round-robin.js';
import type { SelectionCandidate } from './selection-candidate.js';

/**
 * Priority tiers: a HIGHER `priority` number is preferred (default 0; give a backup account -1 or a
 * primary 10). Within a tier accounts are ordered as round-robin; the next tier follows, so it is
 * used only when every account of the better tiers is unavailable or at its limits.
 */
export function orderPriority(candidates: readonly SelectionCandidate[], cursor: number): SelectionCandidate[] {
  const tiers = new Map<number, SelectionCandidate[]>();
  for (const candidate of candidates) {
    const tier = tiers.get(candidate.account.priority);
    if (tier) tier.push(candidate);
    else tiers.set(candidate.account.priority, [candidate]);
  }
  return [...tiers.entries()]
    .sort(([left], [right]) => right - left)
    .flatMap(([, tier]) => orderRoundRobin(tier, cursor));
}
