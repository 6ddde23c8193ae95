import type { AuthenticatedKey } from '../auth/authenticated-key.js';
import type { RateLimitRule } from './rate-limiter.js';

const minute = 60_000;
const day = 24 * 60 * minute;

/** The per-key RPM and RPD rules; keys without limits get none (and cost nothing). */
export function apiKeyRateRules(key: AuthenticatedKey): RateLimitRule[] {
  const rules: RateLimitRule[] = [];
  if (key.requestsPerMinute !== null) {
    rules.push({ key: `key:${key.id}:rpm`, limit: key.requestsPerMinute, windowMs: minute, label: 'requests per minute', scope: 'key_rpm' });
  }
  if (key.requestsPerDay !== null) {
    rules.push({ key: `key:${key.id}:rpd`, limit: key.requestsPerDay, windowMs: day, label: 'requests per day', scope: 'key_rpd' });
  }
  return rules;
}
