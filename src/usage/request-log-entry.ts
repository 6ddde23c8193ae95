import type { Usage } from '../core/usage.js';

/** What the request pipeline hands the usage recorder once a request is over (success or failure). */
export interface RequestLogEntry {
  /** The request id (x-request-id). */
  id: string;
  /** Epoch milliseconds when the request arrived. */
  createdAt: number;
  apiKeyId: string;
  /** The last account tried; null when the request failed before an account was chosen. */
  accountId: string | null;
  provider: string | null;
  requestedModel: string;
  upstreamModel: string | null;
  stream: boolean;
  clientFormat: 'openai' | 'anthropic' | 'responses' | 'gemini';
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
  /** Every upstream attempt in order, failovers included; absent or empty when none was made. */
  attempts?: RequestAttempt[];
}

/** One upstream attempt of a request, as stored in request_logs.attempts. */
export interface RequestAttempt {
  account_id: string;
  provider: string;
  outcome: 'success' | 'error';
  error_type?: string;
  http_status?: number;
}

export const maxErrorMessageLength = 1000;
export const maxUserAgentLength = 300;
export const maxModelNameLength = 200;
