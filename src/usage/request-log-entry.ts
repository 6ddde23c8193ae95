import type { Usage } from '../core/usage.js';

/** What the request pipeline hands the usage recorder once a request is over (success or failure). */
export interface RequestLogEntry {
  /** The request id (x-request-id). */
  id: string;
  /** Epoch milliseconds when the request arrived. */
  createdAt: number;
  apiKeyId: string;
  /** Null when the request failed before an account was chosen. */
  accountId: string | null;
  provider: string | null;
  requestedModel: string;
  upstreamModel: string | null;
  stream: boolean;
  clientFormat: 'openai' | 'anthropic' | 'responses';
  usage: Usage;
  /** USD; computed from the price table when omitted. */
  cost?: number;
  latencyMs: number;
  ttftMs: number | null;
  status: 'success' | 'error';
  httpStatus: number;
  errorType: string | null;
  /** Truncated to `maxErrorMessageLength` characters before it is stored. */
  errorMessage: string | null;
  clientIp: string | null;
  userAgent: string | null;
}

export const maxErrorMessageLength = 1000;
export const maxUserAgentLength = 300;
export const maxModelNameLength = 200;
