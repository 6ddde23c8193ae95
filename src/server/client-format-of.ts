import type { ClientFormat } from './app-env.js';
import { clientFormatForPath } from './render-error-response.js';

/** What of a request tells which API dialect its client speaks. */
export interface ClientSignals {
  path: string;
  /** A request header by (case-insensitive) name. */
  header(name: string): string | undefined;
  /** A query parameter by name. */
  query(name: string): string | undefined;
}

/**
 * The dialect errors are written in, from the client's own signals first and the path second: the
 * Anthropic SDKs always send `anthropic-version`, Gemini clients send their key as `x-goog-api-key`
 * or `?key=`. So an Anthropic client that calls `/v1/models` or a mistyped path still gets an error
 * its SDK can read. Admin routes always answer in the admin API's own shape.
 */
export function clientFormatOf(signals: ClientSignals): ClientFormat {
  if (signals.path === '/admin' || signals.path.startsWith('/admin/')) return 'admin';
  if (signals.header('anthropic-version')) return 'anthropic';
  if (signals.header('x-goog-api-key') || signals.query('key')) return 'gemini';
  return clientFormatForPath(signals.path);
}
