/** One limit: at most `limit` hits per fixed window of `windowMs`, counted under `key`. */
export interface RateLimitRule {
  key: string;
  limit: number;
  windowMs: number;
  /** Names the limit in the error ("requests per minute"). */
  label: string;
  /** Metrics label for refusals ("key_rpm"). */
  scope?: string;
  /** A calendar window instead of epoch multiples of `windowMs` (a day in the configured time zone). */
  windowAt?: (time: number) => { index: number; endsAt: number };
}

export type RateLimitDecision = { allowed: true } | { allowed: false; rule: RateLimitRule; retryAfterMs: number };

/**
 * Counts hits against several rules at once, atomically: a hit is recorded on every rule only when
 * none of them is full, so a request refused by its daily limit does not use up a minute slot.
 * Windows are fixed (aligned to epoch multiples of `windowMs`): exact, cheap, and the same on every
 * instance; a burst of up to twice the limit is possible across a window boundary.
 */
export interface RateLimiter {
  hit(rules: RateLimitRule[]): Promise<RateLimitDecision>;
  close(): Promise<void>;
}

/** Start and end of the fixed window containing `now`. */
export function windowBounds(now: number, windowMs: number): { index: number; endsAt: number } {
  const index = Math.floor(now / windowMs);
  return { index, endsAt: (index + 1) * windowMs };
}
