import { validateHeaderName, validateHeaderValue } from 'node:http';
import { z } from '@hono/zod-openapi';

/**
 * Headers Sluice itself decides on every upstream call: connection management and framing
 * (RFC 9110 §7.6.1, §6.4), and the target host. A custom value for any of them would break the call.
 */
const reservedHeaderNames = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'host',
  'content-length',
  'expect',
]);

/** Why a custom header can never be sent, or undefined when it can. */
export function upstreamHeaderProblem(name: string, value: string): string | undefined {
  try {
    validateHeaderName(name);
  } catch {
    return 'is not a valid header name (letters, digits and !#$%&\'*+-.^_`|~ only, no spaces)';
  }
  if (reservedHeaderNames.has(name.toLowerCase())) return 'is set by Sluice itself and cannot be overridden';
  try {
    validateHeaderValue(name, value);
  } catch {
    return 'has a value that cannot be sent: no line breaks, NUL or control characters, Latin-1 text only';
  }
  return undefined;
}

/** Extra headers an account sends upstream: every name and value must be sendable as is. */
export const upstreamHeadersSchema = z
  .record(z.string().min(1).max(200), z.string().max(4000))
  .superRefine((headers, context) => {
    const names = Object.keys(headers);
    if (names.length > 50) context.addIssue({ code: 'custom', message: 'at most 50 headers' });
    for (const name of names) {
      const problem = upstreamHeaderProblem(name, headers[name] ?? '');
      if (problem) context.addIssue({ code: 'custom', path: [name], message: `${JSON.stringify(name)} ${problem}` });
    }
  });
