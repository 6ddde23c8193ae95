import { rotateCandidates } from './rotate-candidates.js';
import type { SelectionCandidate } from './selection-candidate.js';

/**
 * The default strategy: the account with the lowest current RPM first; accounts with equal RPM take
 * turns (rotation by the shared cursor). Returns every candidate, most preferred first, so the pool
 * can fall through to the next one when a slot is taken in the meantime.
 */
export function orderRoundRobin(candidates: readonly SelectionCandidate[], cursor: number): SelectionCandidate[] {
  return rotateCandidates(candidates, cursor).sort((left, right) => left.rpmNow - right.rpmNow);
}
