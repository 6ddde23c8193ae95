import { InternalError } from '../../core/errors/index.js';
import type { Settings } from '../../settings/settings-schema.js';
import { firstCandidate } from './first-candidate.js';
import { orderLeastInFlight } from './order-least-in-flight.js';
import { orderPriority } from './order-priority.js';
import { orderRoundRobin } from './order-round-robin.js';
import { orderWeighted } from './order-weighted.js';
import type { SelectionCandidate } from './selection-candidate.js';

export type RoutingStrategy = Settings['routing_strategy'];

export interface OrderingInput {
  /** The shared round-robin counter for this selection. */
  cursor: number;
  random: () => number;
}

/** Orders candidates by the configured strategy, most preferred first. Pure. */
export function orderCandidates(
  strategy: RoutingStrategy,
  candidates: readonly SelectionCandidate[],
  input: OrderingInput,
): SelectionCandidate[] {
  switch (strategy) {
    case 'round_robin':
      return orderRoundRobin(candidates, input.cursor);
    case 'weighted':
      return orderWeighted(candidates, input.random);
    case 'priority':
      return orderPriority(candidates, input.cursor);
    case 'least_inflight':
      return orderLeastInFlight(candidates, input.cursor);
    default: {
      const unknown: never = strategy;
      throw new InternalError(`Unknown routing strategy: ${String(unknown)}`);
    }
  }
}

/**
 * The order of orderCandidates, worked out only as far as it is read: the first candidate in one pass
 * over them, and the whole order only when that one could not take the request (its slot was taken in
 * the meantime). A pool of hundreds of accounts is then walked once per request instead of sorted.
 */
export function* orderCandidatesLazily(
  strategy: RoutingStrategy,
  candidates: readonly SelectionCandidate[],
  input: OrderingInput,
): Generator<SelectionCandidate, void, undefined> {
  const first = candidates.length > 1 ? firstCandidate(strategy, candidates, input.cursor) : undefined;
  if (first === undefined) {
    yield* orderCandidates(strategy, candidates, input);
    return;
  }
  yield first;
  for (const candidate of orderCandidates(strategy, candidates, input)) if (candidate !== first) yield candidate;
}
