import { describe, expect, it } from 'vitest';
import { BudgetExceededError } from '../../core/errors/budget-exceeded-error.js';
import { InternalError } from '../../core/errors/internal-error.js';
import { NoAccountAvailableError } from '../../core/errors/no-account-available-error.js';
import { RateLimitedError } from '../../core/errors/rate-limited-error.js';
import { UpstreamRateLimitedError } from '../../core/errors/upstream-rate-limited-error.js';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import { renderAnthropicError } from './render-anthropic-error.js';

describe('renderAnthropicError', () => {
  it('says rate_limit_error for every 429, api_error for 5xx, and overloaded_error only for an overloaded upstream', () => {
    const cases: Array<[Parameters<typeof renderAnthropicError>[0], string]> = [
      [new RateLimitedError('slow down', 1000), 'rate_limit_error'],
      [new BudgetExceededError('spent'), 'rate_limit_error'],
      [new UpstreamRateLimitedError('busy', { upstreamStatus: 429 }), 'rate_limit_error'],
      [new NoAccountAvailableError('all busy', 2000), 'rate_limit_error'],
      [new NoAccountAvailableError('none serves it'), 'api_error'],
      [new UpstreamUnavailableError('bad gateway', { upstreamStatus: 502 }), 'api_error'],
      [new UpstreamUnavailableError('socket hang up'), 'api_error'],
      [new UpstreamUnavailableError('Overloaded', { upstreamStatus: 529 }), 'overloaded_error'],
      [new UpstreamUnavailableError('slow', { timeout: true }), 'timeout_error'],
      [new InternalError('oops'), 'api_error'],
    ];
    for (const [error, type] of cases) expect(renderAnthropicError(error).error.type, error.message).toBe(type);
  });
});
