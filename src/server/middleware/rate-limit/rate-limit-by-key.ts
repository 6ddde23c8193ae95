import type { Context, MiddlewareHandler } from 'hono';
import { RateLimitedError } from '../../../core/errors/rate-limited-error.js';
import { apiKeyRateRules } from '../../../limits/api-key-rate-rules.js';
import type { RateLimiter, RateLimitRule } from '../../../limits/rate-limiter.js';
import type { AppEnv } from '../../app-env.js';

export interface RateLimitByKeyOptions {
  /** Requests that don't count (e.g. token counting, model lists). */
  isExempt?: (method: string, path: string) => boolean;
  /** Told about each refusal (metrics). */
  onRejected?: (rule: RateLimitRule) => void;
  /** Told about each refusal before it is thrown (the request log). */
  onRefused?: (context: Context<AppEnv>, error: RateLimitedError) => Promise<void> | void;
}

/** Applies the authenticated key's RPM/RPD; over a limit → 429 with retry-after in the caller's format. */
export function rateLimitByKey(limiter: RateLimiter, options: RateLimitByKeyOptions = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.get('apiKey');
    if (!key || options.isExempt?.(c.req.method, c.req.path)) return next();
    const rules = apiKeyRateRules(key);
    if (rules.length > 0) {
      const decision = await limiter.hit(rules);
      if (!decision.allowed) {
        options.onRejected?.(decision.rule);
        const error = new RateLimitedError(
          `Rate limit reached for this API key: ${decision.rule.limit} ${decision.rule.label}. Retry in ${Math.ceil(decision.retryAfterMs / 1000)} s.`,
          decision.retryAfterMs,
        );
        await options.onRefused?.(c, error);
        throw error;
      }
    }
    await next();
  };
}
