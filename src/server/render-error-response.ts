import type { Context } from 'hono';
import { GatewayError } from '../core/errors/gateway-error.js';
import { InternalError } from '../core/errors/internal-error.js';
import { renderAnthropicError } from '../formats/anthropic/render-anthropic-error.js';
import { renderGeminiError } from '../formats/gemini/render-gemini-error.js';
import { renderOpenAIError } from '../formats/openai/render-openai-error.js';
import type { AppEnv, ClientFormat } from './app-env.js';

export function toGatewayError(error: unknown): GatewayError {
  return error instanceof GatewayError ? error : new InternalError('Internal error.', error);
}

/** Renders any error as a JSON response in the caller's own format, with retry-after on 429s. */
export function renderErrorResponse(context: Context<AppEnv>, error: GatewayError, format: ClientFormat): Response {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (error.retryAfterMs !== undefined) headers['retry-after'] = String(Math.max(1, Math.ceil(error.retryAfterMs / 1000)));
  const requestId = context.get('requestId');
  if (requestId) headers['x-request-id'] = requestId;
  const body =
    format === 'openai'
      ? renderOpenAIError(error)
      : format === 'anthropic'
        ? renderAnthropicError(error)
        : format === 'gemini'
          ? renderGeminiError(error)
          : { error: { type: error.kind, message: error.message, ...('field' in error && error.field ? { field: error.field } : {}) } };
  return new Response(JSON.stringify(body), { status: error.status, headers });
}

/** The client format implied by a path, for errors raised before a route sets it. */
export function clientFormatForPath(path: string): ClientFormat {
  if (path.startsWith('/v1/messages')) return 'anthropic';
  if (path.startsWith('/v1beta/')) return 'gemini';
  if (path.startsWith('/v1/')) return 'openai';
  return 'admin';
}
