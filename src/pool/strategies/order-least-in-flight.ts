import { rotateCandidates } from './rotate-candidates.js';
import type { SelectionCandidate } from './selection-candidate.js';

/** Fewest requests in flight first; ties take turns by the shared cursor. */
export function orderLeastInFlight(candidates: readonly SelectionCandidate[], cursor: number): SelectionCandidate[] {
  return rotateCandidates(candidates, cursor).sort((left, right) => left.inFlight - right.inFlight);
}
