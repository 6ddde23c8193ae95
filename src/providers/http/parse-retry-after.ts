/** Header values as undici returns them: a string, a list for repeated headers, or absent. */
export type HeaderValue = string | string[] | undefined;
export type ResponseHeaders = Record<string, HeaderValue>;

const firstValue = (value: HeaderValue): string | undefined => (Array.isArray(value) ? value[0] : value)?.trim();

/** `retry-after` is delta-seconds or an HTTP date. */
function parseDelayOrDate(value: string, now: number, unitMs: number): number | undefined {
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * unitMs);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Reset headers hold an RFC 3339 date (Anthropic) or a duration such as `1s`, `6m0s`, `120ms` (OpenAI). */
function parseResetValue(value: string, now: number): number | undefined {
  const duration = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+(?:\.\d+)?)ms)?$/.exec(value);
  if (duration && value !== '') {
    const [, hours, minutes, seconds, milliseconds] = duration;
    return Math.round(
      Number(hours ?? 0) * 3_600_000 + Number(minutes ?? 0) * 60_000 + Number(seconds ?? 0) * 1000 + Number(milliseconds ?? 0),
    );
  }
  return parseDelayOrDate(value, now, 1000);
}

/** The `remaining` header that belongs to a reset header, so exhausted limits can be preferred. */
function remainingHeaderFor(name: string): string | undefined {
  if (name.startsWith('anthropic-ratelimit-')) return name.replace(/-reset$/, '-remaining');
  if (name.startsWith('x-ratelimit-reset-')) return name.replace('x-ratelimit-reset-', 'x-ratelimit-remaining-');
  return undefined;
}

const resetHeaderPattern = /^(anthropic-ratelimit-.+-reset|x-ratelimit-reset-.+)$/;

/**
 * How long to wait before retrying, in milliseconds, from `retry-after-ms`, `retry-after`, or the
 * per-limit reset headers (the latest reset among exhausted limits, else the earliest). Undefined when unknown.
 */
export function parseRetryAfter(headers: ResponseHeaders, now: number = Date.now()): number | undefined {
  const retryAfterMs = firstValue(headers['retry-after-ms']);
  if (retryAfterMs && /^\d+(\.\d+)?$/.test(retryAfterMs)) return Math.round(Number(retryAfterMs));
  const retryAfter = firstValue(headers['retry-after']);
  if (retryAfter) {
    const parsed = parseDelayOrDate(retryAfter, now, 1000);
    if (parsed !== undefined) return parsed;
  }
  const exhausted: number[] = [];
  const other: number[] = [];
  for (const [rawName, value] of Object.entries(headers)) {
    const name = rawName.toLowerCase();
    if (!resetHeaderPattern.test(name)) continue;
    const text = firstValue(value);
    const parsed = text ? parseResetValue(text, now) : undefined;
    if (parsed === undefined) continue;
    const remainingName = remainingHeaderFor(name);
    const remaining = remainingName ? firstValue(headers[remainingName]) : undefined;
    (remaining === '0' ? exhausted : other).push(parsed);
  }
  if (exhausted.length > 0) return Math.max(...exhausted);
  if (other.length > 0) return Math.min(...other);
  return undefined;
}
