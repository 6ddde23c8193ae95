import type { Context } from 'hono';
import { GatewayError } from '../../../core/errors/gateway-error.js';
import { emptyUsage } from '../../../core/usage.js';
import type { RequestLogEntry } from '../../../usage/request-log-entry.js';
import type { AppEnv, ClientFormat } from '../../app-env.js';
import { clientFormatForPath } from '../../render-error-response.js';
import { parseJsonBytes } from '../../body/parse-json-bytes.js';
import { readRequestBytes } from '../../body/read-request-bytes.js';
import { clientIp } from '../../routes/client/client-request-facts.js';

/** Bodies up to this size are read to name the refused request's model; larger ones are not parsed for it. */
const maxPeekBytes = 256 * 1024;

/** A model named in the path (Gemini: `/v1beta/models/{model}:generateContent`), if any. */
function modelInPath(path: string): string | undefined {
  const match = /^\/v1beta\/models\/([^:]+):/.exec(path);
  return match?.[1] ? decodeURIComponent(match[1]).slice(0, 256) : undefined;
}

/** The log's client format for a request's dialect and path. */
function loggedFormat(format: ClientFormat, path: string): RequestLogEntry['clientFormat'] {
  switch (format) {
    case 'anthropic':
    case 'gemini':
      return format;
    case 'openai':
    case 'admin':
      return path.startsWith('/v1/responses') ? 'responses' : 'openai';
    default: {
      const unreachable: never = format;
      return unreachable;
    }
  }
}

/** The `model` of a JSON body already read (or small enough to read now); '' when there is none. */
async function requestedModelOf(context: Context<AppEnv>, body?: unknown): Promise<string> {
  const fromPath = modelInPath(context.req.path);
  if (fromPath) return fromPath;
  let value = body;
  if (value === undefined) {
    // Without a declared length the body limit middleware still bounds what is read.
    const length = Number(context.req.header('content-length') ?? 0);
    if (!(length <= maxPeekBytes)) return '';
    try {
      value = parseJsonBytes(await readRequestBytes(context));
    } catch {
      return '';
    }
  }
  const model = typeof value === 'object' && value !== null ? (value as { model?: unknown }).model : undefined;
  return typeof model === 'string' ? model : '';
}

/**
 * Logs a client API request with a valid key that was refused before it reached the gateway (its
 * body failed validation, or RPM/RPD said no), so that every such request ends in one log row.
 */
export async function recordRefusedRequest(
  context: Context<AppEnv>,
  error: unknown,
  record: (entry: RequestLogEntry) => void,
  options: { startedAt: number; body?: unknown },
): Promise<void> {
  const apiKey = context.get('apiKey');
  if (!apiKey) return;
  const gatewayError = error instanceof GatewayError ? error : undefined;
  const format = context.get('clientFormat') ?? clientFormatForPath(context.req.path);
  const body = options.body as { stream?: unknown } | undefined;
  record({
    id: context.get('requestId'),
    createdAt: options.startedAt,
    apiKeyId: apiKey.id,
    accountId: null,
    provider: null,
    requestedModel: await requestedModelOf(context, options.body),
    upstreamModel: null,
    stream: typeof body === 'object' && body !== null && body.stream === true,
    clientFormat: loggedFormat(format, context.req.path),
    usage: emptyUsage(),
    latencyMs: Date.now() - options.startedAt,
    ttftMs: null,
    status: 'error',
    httpStatus: gatewayError?.status ?? statusOf(error) ?? 400,
    errorType: gatewayError?.kind ?? 'invalid_request',
    errorMessage: error instanceof Error ? error.message : String(error),
    clientIp: clientIp(context),
    userAgent: context.req.header('user-agent') ?? null,
  });
}

/** Hono's own errors (the body limit's 413) carry a status. */
function statusOf(error: unknown): number | undefined {
  const status = typeof error === 'object' && error !== null ? (error as { status?: unknown }).status : undefined;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : undefined;
}
