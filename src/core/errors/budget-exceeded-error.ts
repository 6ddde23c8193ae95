import { GatewayError } from './gateway-error.js';

/** A key's token or cost budget is spent. */
export class BudgetExceededError extends GatewayError {
  constructor(message: string, retryAfterMs?: number) {
    super('budget_exceeded', message, { status: 429, retryAfterMs });
  }
}
