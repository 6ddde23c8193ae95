import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import { AuthenticationError } from '../../../core/errors/authentication-error.js';
import { createResponseId } from '../../../formats/create-response-id.js';
import { parseResponsesRequest } from '../../../formats/responses/parse-responses-request.js';
import { renderResponsesResponse } from '../../../formats/responses/render-responses-response.js';
import { responsesFrames } from '../../../formats/responses/render-responses-stream.js';
import type { ClientRenderer } from '../../../gateway/client-renderer.js';
import type { GatewayDeps } from '../../../gateway/gateway-deps.js';
import { handleChat } from '../../../gateway/handle-chat.js';
import { saveStoredResponse } from '../../../store/repositories/stored-response-repository.js';
import type { Database } from '../../../store/schema.js';
import type { App, AppEnv } from '../../app-env.js';
import { captureCompletedResponse } from './capture-completed-response.js';
import { clientIp, sessionKeyOf } from './client-request-facts.js';
import { parseAgainWith, readJsonBody } from './read-json-body.js';
import { releaseRequestBytes } from '../../body/read-request-bytes.js';
import { requestHeaders } from '../../request-headers.js';
import { resolvePreviousResponse } from './resolve-previous-response.js';
import { clientSignalOf } from '../../client-signal.js';

/**
 * POST /v1/responses (OpenAI Responses, SSE or JSON) through the same request path as the other
 * client APIs. `store` (default true, as at OpenAI) keeps the finished answer for `previous_response_id`.
 * A WebSocket upgrade on the same path is refused at once with 426, so clients that try WebSockets
 * first (Codex) fall back to HTTP without waiting.
 */
export function registerResponsesRoute(app: App, deps: GatewayDeps, db: Kysely<Database>): void {
  app.get('/v1/responses', (context) => {
    const upgrade = context.req.header('upgrade');
    const message = upgrade
      ? 'WebSocket transport is not supported; send POST /v1/responses over HTTP (SSE or JSON).'
      : 'Use POST /v1/responses.';
    return context.json(
      { error: { message, type: 'invalid_request_error', code: upgrade ? 'websocket_not_supported' : 'method_not_allowed', param: null } },
      upgrade ? 426 : 405,
      upgrade ? { connection: 'close' } : { allow: 'POST' },
    );
  });
  app.post('/v1/responses', (context) => serveResponses(context, deps, db));
}

/** The bytes of a request (the client's, or its body with an earlier response resolved into it), parsed again. */
const parseResponsesAgain = parseAgainWith(parseResponsesRequest);

/**
 * A body with an earlier response resolved into it, as bytes: the rest of its fields, then `input` as the
 * conversation's JSON text, which is made once for storing as well. Forwarded as they are and parsed again
 * like a client's bytes (see RequestContent), they say what `body` says.
 */
function resolvedBodyBytes(body: Record<string, unknown>, itemsJson: string): Buffer {
  const rest = JSON.stringify({ ...body, input: undefined });
  return Buffer.from(`${rest.slice(0, -1)}${rest === '{}' ? '' : ','}"input":${itemsJson}}`);
}

async function serveResponses(context: Context<AppEnv>, deps: GatewayDeps, db: Kysely<Database>): Promise<Response> {
  const startedAt = Date.now();
  const apiKey = context.get('apiKey');
  if (!apiKey) throw new AuthenticationError();
  const { body: original, bytes } = await readJsonBody(context);
  const { body, inputItems } = await resolvePreviousResponse(db, original, apiKey.id);
  // The client's bytes may go on as they are unless an earlier response was resolved into the body.
  const unchanged = body === original;
  const store = original.store !== false;
  // The conversation is kept as JSON bytes, off the heap, for as long as the answer takes: to store with it.
  const itemsJson = store || !unchanged ? JSON.stringify(inputItems) : undefined;
  const forwarded = unchanged || itemsJson === undefined ? bytes : resolvedBodyBytes(body, itemsJson);
  const { request, warnings, echo } = parseResponsesRequest(body);
  echo.body.previous_response_id = typeof original.previous_response_id === 'string' ? original.previous_response_id : null;
  const logger = context.get('logger');
  const headers = requestHeaders(context);
  const id = createResponseId('resp_');
  const createdAt = Math.floor(startedAt / 1000);
  const renderer: ClientRenderer = {
    format: 'responses',
    frames: (options) => (events) => responsesFrames(events, { model: options.model, echo, id, createdAt }),
    renderResult: (result, model) => renderResponsesResponse(result, model, echo, { id, createdAt }),
  };
  const answer = handleChat(
    {
      request,
      rawBody: body,
      rawBytes: forwarded,
      parseAgain: parseResponsesAgain,
      passthroughFormat: 'openai-responses',
      apiKey,
      clientHeaders: headers,
      requestId: context.get('requestId'),
      signal: clientSignalOf(context),
      sessionKey: sessionKeyOf(body, headers),
      clientIp: clientIp(context),
      userAgent: headers['user-agent'] ?? null,
      startedAt,
      conversionWarnings: warnings,
    },
    renderer,
    { ...deps, logger },
  );
  // What is kept for storing the answer: nothing when the client asked not to store it.
  const toStore = store && itemsJson !== undefined ? Buffer.from(itemsJson) : undefined;
  // Not awaited in this frame, which names the parsed body: a waiting frame keeps all it names, here
  // for as long as the model takes to its first token (see RequestContent).
  return answer.then((response) => {
    releaseRequestBytes(context); // gone upstream; the answer may stream for long
    if (toStore === undefined) return response;
    return captureCompletedResponse(response, (completed) =>
      saveStoredResponse(db, { id: completed.id, apiKeyId: apiKey.id, createdAt: Date.now(), inputItems: { json: toStore.toString('utf8') }, outputItems: completed.output }).catch((error: unknown) =>
        logger.warn({ err: error instanceof Error ? error.message : error, responseId: completed.id }, 'storing the response failed'),
      ),
    );
  });
}
