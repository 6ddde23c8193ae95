import type { Insertable } from 'kysely';
import type { RequestLogsTable } from '../../store/schema.js';
import { maxErrorMessageLength, maxModelNameLength, maxUserAgentLength, type RequestLogEntry } from '../request-log-entry.js';

const bounded = (value: string | null, limit: number): string | null => (value === null ? null : value.slice(0, limit));
const count = (value: number): number => (Number.isFinite(value) && value > 0 ? Math.round(value) : 0);

/** The stored form of an entry: snake_case, bounded strings, whole non-negative token counts. */
export function toRequestLogRow(entry: RequestLogEntry, cost: number): Insertable<RequestLogsTable> {
  const credits = entry.usage.credits;
  return {
    id: entry.id.slice(0, 128),
    created_at: Math.round(entry.createdAt),
    api_key_id: entry.apiKeyId,
    account_id: entry.accountId,
    provider: entry.provider,
    requested_model: entry.requestedModel.slice(0, maxModelNameLength),
    upstream_model: bounded(entry.upstreamModel, maxModelNameLength),
    stream: entry.stream ? 1 : 0,
    client_format: entry.clientFormat,
    input_tokens: count(entry.usage.inputTokens),
    output_tokens: count(entry.usage.outputTokens),
    cache_read_tokens: count(entry.usage.cacheReadTokens),
    cache_write_tokens: count(entry.usage.cacheWriteTokens),
    reasoning_tokens: entry.usage.reasoningTokens === undefined ? null : count(entry.usage.reasoningTokens),
    credits: credits !== undefined && Number.isFinite(credits) ? credits : null,
    cost: Number.isFinite(cost) && cost > 0 ? cost : 0,
    latency_ms: count(entry.latencyMs),
    ttft_ms: entry.ttftMs === null ? null : count(entry.ttftMs),
    status: entry.status,
    http_status: Math.round(entry.httpStatus),
    error_type: bounded(entry.errorType, 100),
    error_message: bounded(entry.errorMessage, maxErrorMessageLength),
    client_ip: bounded(entry.clientIp, 100),
    user_agent: bounded(entry.userAgent, maxUserAgentLength),
    attempts: entry.attempts && entry.attempts.length > 0 ? JSON.stringify(entry.attempts.slice(0, maxStoredAttempts)) : null,
    cache_write_5m_tokens: entry.usage.cacheWrite5mTokens === undefined ? null : count(entry.usage.cacheWrite5mTokens),
    cache_write_1h_tokens: entry.usage.cacheWrite1hTokens === undefined ? null : count(entry.usage.cacheWrite1hTokens),
  };
}

/** More attempts than this are never made (the failover limit is far lower); a bound all the same. */
const maxStoredAttempts = 20;

/** Tokens of every kind in a stored row, the figure key and account totals and budgets count. */
export const rowTotalTokens = (row: Insertable<RequestLogsTable>): number =>
  (row.input_tokens ?? 0) + (row.output_tokens ?? 0) + (row.cache_read_tokens ?? 0) + (row.cache_write_tokens ?? 0);
