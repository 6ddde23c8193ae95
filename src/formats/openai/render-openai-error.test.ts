import { describe, expect, it } from 'vitest';
import { BudgetExceededError } from '../../core/errors/budget-exceeded-error.js';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import { NoAccountAvailableError } from '../../core/errors/no-account-available-error.js';
import { RateLimitedError } from '../../core/errors/rate-limited-error.js';
import { UpstreamRateLimitedError } from '../../core/errors/upstream-rate-limited-error.js';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import { renderOpenAIError } from './render-openai-error.js';

describe('renderOpenAIError', () => {
  it('uses OpenAI’s own types: requests/rate_limit_exceeded for 429s, insufficient_quota for budgets, server_error for 5xx', () => {
    const cases: Array<[Parameters<typeof renderOpenAIError>[0], { type: string; code: string }]> = [
      [new RateLimitedError('slow down', 1000), { type: 'requests', code: 'rate_limit_exceeded' }],
      [new UpstreamRateLimitedError('busy'), { type: 'requests', code: 'rate_limit_exceeded' }],
      [new NoAccountAvailableError('all busy', 2000), { type: 'requests', code: 'rate_limit_exceeded' }],
      [new NoAccountAvailableError('none serves it'), { type: 'server_error', code: 'no_account_available' }],
      [new BudgetExceededError('spent'), { type: 'insufficient_quota', code: 'insufficient_quota' }],
      [new UpstreamUnavailableError('bad gateway', { upstreamStatus: 502 }), { type: 'server_error', code: 'upstream_unavailable' }],
    ];
    for (const [error, expected] of cases) expect(renderOpenAIError(error).error, error.message).toMatchObject(expected);
    expect(renderOpenAIError(new InvalidRequestError('messages: required', { field: 'messages' })).error).toEqual({
      message: 'messages: required',
      type: 'invalid_request_error',
      code: 'invalid_request',
      param: 'messages',
    });
  });
});
