import type { SelectionCandidate } from './selection-candidate.js';

/**
 * Weighted random order without replacement: an account with weight 3 comes first three times as
 * often as one with weight 1 (each gets the key `random ^ (1 / weight)`, highest key first).
 * Accounts with weight 0 or less come last, in their given order: used only when the rest are busy.
 * `random` returns numbers in [0, 1); tests pass a fixed sequence.
 */
export function orderWeighted(candidates: readonly SelectionCandidate[], random: () => number): SelectionCandidate[] {
  const weighted = candidates
    .filter((candidate) => candidate.account.weight > 0)
    .map((candidate) => ({ candidate, key: Math.pow(random(), 1 / candidate.account.weight) }))
    .sort((left, right) => right.key - left.key)
    .map(({ candidate }) => candidate);
  const unweighted = candidates.filter((candidate) => candidate.account.weight <= 0);
  return [...weighted, ...unweighted];
}
