import type { RoutingStrategy } from './order-candidates.js';
import type { SelectionCandidate } from './selection-candidate.js';

type Key = (candidate: SelectionCandidate) => number;

const byRpm: Key = (candidate) => candidate.rpmNow;
const byInFlight: Key = (candidate) => candidate.inFlight;

/**
 * The candidate the strategy's full order puts first, found in one pass: the lowest key, ties going to
 * the first in the list rotated by `cursor` (the stable sort of the rotated list puts that one first).
 */
function lowestFromCursor(candidates: readonly SelectionCandidate[], cursor: number, key: Key): SelectionCandidate {
  const count = candidates.length;
  const start = ((Math.trunc(cursor) % count) + count) % count;
  let best = candidates[start]!;
  let bestKey = key(best);
  for (let step = 1; step < count; step += 1) {
    const candidate = candidates[(start + step) % count]!;
    const candidateKey = key(candidate);
    if (candidateKey < bestKey) {
      best = candidate;
      bestKey = candidateKey;
    }
  }
  return best;
}

/**
 * The most preferred candidate without ordering the rest, for the strategies whose order is a sort
 * (see orderRoundRobin, orderLeastInFlight, orderPriority); undefined for none, or for weighted order,
 * whose random keys are drawn for every candidate at once.
 */
export function firstCandidate(strategy: RoutingStrategy, candidates: readonly SelectionCandidate[], cursor: number): SelectionCandidate | undefined {
  if (candidates.length === 0) return undefined;
  switch (strategy) {
    case 'round_robin':
      return lowestFromCursor(candidates, cursor, byRpm);
    case 'least_inflight':
      return lowestFromCursor(candidates, cursor, byInFlight);
    case 'priority': {
      let top = -Infinity;
      for (const candidate of candidates) top = Math.max(top, candidate.account.priority);
      return lowestFromCursor(
        candidates.filter((candidate) => candidate.account.priority === top),
        cursor,
        byRpm,
      );
    }
    default:
      return undefined;
  }
}
