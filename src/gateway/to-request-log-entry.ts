import type { RequestLogEntry } from '../usage/request-log-entry.js';
import type { GatewayOutcome } from './gateway-deps.js';

export const toRequestLogEntry = (outcome: GatewayOutcome): RequestLogEntry => ({
  id: outcome.requestId,
  createdAt: outcome.startedAt,
  apiKeyId: outcome.apiKeyId,
  accountId: outcome.account?.id ?? null,
  provider: outcome.account?.provider ?? null,
  requestedModel: outcome.requestedModel,
  upstreamModel: outcome.upstreamModel,
  stream: outcome.stream,
  clientFormat: outcome.clientFormat,
  usage: outcome.usage,
  latencyMs: outcome.latencyMs,
  ttftMs: outcome.ttftMs,
  status: outcome.status,
  httpStatus: outcome.httpStatus,
  errorType: outcome.errorType,
  errorMessage: outcome.errorMessage,
  clientIp: outcome.clientIp,
  userAgent: outcome.userAgent,
});
