/** Tokens (every kind) and USD. */
export interface SpendAmount {
  tokens: number;
  cost: number;
}

/**
 * An estimate held against a key's budgets from admission until the request is over. `settle` is
 * idempotent; it replaces the estimate with the real spend where the spend is shared (Redis).
 */
export interface BudgetReservation {
  settle(actual: SpendAmount): void;
}
