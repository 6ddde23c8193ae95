import type { RequestLogEntry } from '../request-log-entry.js';

/**
 * A successful request-log entry for usage tests: one key, one Anthropic account, a small answer.
 * Tests override what they look at.
 */
export const logEntry = (overrides: Partial<RequestLogEntry> & Pick<RequestLogEntry, 'id'>): RequestLogEntry => ({
  createdAt: Date.now(),
  apiKeyId: 'key-1',
  accountId: 'account-1',
  provider: 'anthropic',
  requestedModel: 'claude-sonnet-4.5',
  upstreamModel: null,
  stream: false,
  clientFormat: 'anthropic',
  usage: { inputTokens: 10, outputTokens: 10, cacheReadTokens: 0, cacheWriteTokens: 0 },
  latencyMs: 100,
  ttftMs: null,
  status: 'success',
  httpStatus: 200,
  errorType: null,
  errorMessage: null,
  clientIp: null,
  userAgent: null,
  ...overrides,
});
