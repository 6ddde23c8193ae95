import type { Context } from 'hono';
import type { ChatRequest } from '../../../core/chat-request.js';
import { AuthenticationError } from '../../../core/errors/authentication-error.js';
import type { GatewayError } from '../../../core/errors/gateway-error.js';
import { parseAnthropicMessagesRequest } from '../../../formats/anthropic/parse-anthropic-messages-request.js';
import { parseOpenAIChatRequest } from '../../../formats/openai/parse-openai-chat-request.js';
import type { ClientRenderer } from '../../../gateway/client-renderer.js';
import type { GatewayDeps } from '../../../gateway/gateway-deps.js';
import { handleChat, type ChatInvocation } from '../../../gateway/handle-chat.js';
import type { PassthroughFormat } from '../../../providers/provider-adapter.js';
import type { App, AppEnv } from '../../app-env.js';
import { recordRefusedRequest } from '../../middleware/rate-limit/record-refused-request.js';
import { clientIp, sessionKeyOf } from './client-request-facts.js';
import { parseAgainWith, readJsonBody } from './read-json-body.js';
import { releaseRequestBytes } from '../../body/read-request-bytes.js';
import { requestHeaders } from '../../request-headers.js';
import { anthropicRenderer, openAIRenderer } from './renderers.js';
import { clientSignalOf } from '../../client-signal.js';

interface ChatRoute {
  parse(body: unknown): { request: ChatRequest; warnings: Array<{ feature: string; detail: string }>; passthroughOnly?: GatewayError };
  renderer: ClientRenderer;
  passthroughFormat: PassthroughFormat;
}

const routes: Record<'/v1/chat/completions' | '/v1/messages', ChatRoute> = {
  '/v1/chat/completions': { parse: parseOpenAIChatRequest, renderer: openAIRenderer, passthroughFormat: 'openai-chat' },
  '/v1/messages': { parse: parseAnthropicMessagesRequest, renderer: anthropicRenderer, passthroughFormat: 'anthropic-messages' },
};

/** POST /v1/chat/completions (OpenAI) and POST /v1/messages (Anthropic, `?beta=true` accepted). */
export function registerChatRoutes(app: App, deps: GatewayDeps): void {
  for (const [path, route] of Object.entries(routes)) {
    const parseAgain = parseAgainWith(route.parse);
    app.post(path, (context) => serveChat(context, route, parseAgain, deps));
  }
}

async function serveChat(context: Context<AppEnv>, route: ChatRoute, parseAgain: ChatInvocation['parseAgain'], deps: GatewayDeps): Promise<Response> {
  const startedAt = Date.now();
  const apiKey = context.get('apiKey');
  if (!apiKey) throw new AuthenticationError();
  let body: Record<string, unknown> | undefined;
  let bytes: Uint8Array | undefined;
  let parsed: ReturnType<ChatRoute['parse']>;
  try {
    ({ body, bytes } = await readJsonBody(context));
    parsed = route.parse(body);
  } catch (error) {
    // Refused before the gateway: still one log row for the request (the body's model when readable).
    await recordRefusedRequest(context, error, (entry) => deps.recordOutcome(entry), { startedAt, body: body ?? {} });
    throw error;
  }
  const { request, warnings, passthroughOnly } = parsed;
  const logger = context.get('logger');
  if (warnings.length > 0) logger.debug({ warnings }, 'request features the canonical model does not carry');
  const headers = requestHeaders(context);
  // The query string as sent (no URL parse per request): `?beta=true` and the like are forwarded as they are.
  const url = context.req.url;
  const queryStart = url.indexOf('?');
  const query = queryStart < 0 ? '' : url.slice(queryStart + 1);
  const answer = handleChat(
    {
      request,
      rawBody: body,
      rawBytes: bytes,
      parseAgain,
      passthroughFormat: route.passthroughFormat,
      query: query || undefined,
      apiKey,
      clientHeaders: headers,
      requestId: context.get('requestId'),
      signal: clientSignalOf(context),
      sessionKey: sessionKeyOf(body, headers),
      clientIp: clientIp(context),
      userAgent: headers['user-agent'] ?? null,
      startedAt,
      passthroughOnly,
    },
    route.renderer,
    { ...deps, logger },
  );
  // Not awaited in this frame, which names the parsed body: a waiting frame keeps all it names, here
  // for as long as the model takes to its first token (see RequestContent).
  return answer.then((response) => {
    // The request has gone upstream: converted, or as these very bytes, which the HTTP client holds for
    // as long as it needs them. Nothing here reads them again while the answer streams.
    releaseRequestBytes(context);
    return response;
  });
}
