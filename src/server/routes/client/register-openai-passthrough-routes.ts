import type { Context } from 'hono';
import type { z } from 'zod';
import type { ChatRequest } from '../../../core/chat-request.js';
import { AuthenticationError } from '../../../core/errors/authentication-error.js';
import { InvalidRequestError } from '../../../core/errors/invalid-request-error.js';
import { openAICompletionsRequestSchema, openAIEmbeddingsRequestSchema } from '../../../formats/openai/openai-passthrough-schemas.js';
import { parseRequestBody } from '../../../formats/parse-request-body.js';
import type { GatewayDeps } from '../../../gateway/gateway-deps.js';
import { handleChat } from '../../../gateway/handle-chat.js';
import type { PassthroughFormat } from '../../../providers/provider-adapter.js';
import type { App, AppEnv } from '../../app-env.js';
import { recordRefusedRequest } from '../../middleware/rate-limit/record-refused-request.js';
import { clientIp } from './client-request-facts.js';
import { readJsonObject } from './read-json-body.js';
import { releaseRequestBytes } from '../../body/read-request-bytes.js';
import { requestHeaders } from '../../request-headers.js';
import { openAIRenderer } from './renderers.js';
import { clientSignalOf } from '../../client-signal.js';

interface ForwardOnlyRoute {
  format: PassthroughFormat;
  schema: typeof openAIEmbeddingsRequestSchema | typeof openAICompletionsRequestSchema;
  /** What the endpoint is called in the refusal when no account can serve it. */
  endpoint: string;
}

const routes: Record<'/v1/embeddings' | '/v1/completions', ForwardOnlyRoute> = {
  '/v1/embeddings': { format: 'openai-embeddings', schema: openAIEmbeddingsRequestSchema, endpoint: 'POST /v1/embeddings' },
  '/v1/completions': { format: 'openai-completions', schema: openAICompletionsRequestSchema, endpoint: 'POST /v1/completions' },
};

/**
 * POST /v1/embeddings and the legacy POST /v1/completions. They have no canonical form, so they go
 * unchanged (but for `model`) to an account that speaks OpenAI's API, chosen by model through the
 * pool with the same key checks, failover, usage log and pricing as chat. Accounts of other types
 * are passed over; when none is left the caller gets a 400 that says so.
 */
export function registerOpenAIPassthroughRoutes(app: App, deps: GatewayDeps): void {
  for (const [path, route] of Object.entries(routes)) {
    app.post(path, (context) => forward(context, route, deps));
  }
}

async function forward(context: Context<AppEnv>, route: ForwardOnlyRoute, deps: GatewayDeps): Promise<Response> {
  const startedAt = Date.now();
  const apiKey = context.get('apiKey');
  if (!apiKey) throw new AuthenticationError();
  let body: Record<string, unknown> | undefined;
  let parsed: z.output<ForwardOnlyRoute['schema']>;
  try {
    body = await readJsonObject(context);
    parsed = parseRequestBody(route.schema, body);
  } catch (error) {
    await recordRefusedRequest(context, error, (entry) => deps.recordOutcome(entry), { startedAt, body: body ?? {} });
    throw error;
  }
  const stream = 'stream' in parsed && parsed.stream === true;
  // Routing, limits and the log read only these fields; nothing is converted.
  const request: ChatRequest = { model: parsed.model, system: [], messages: [], tools: [], stream };
  const headers = requestHeaders(context);
  const query = new URL(context.req.url).search.slice(1);
  const response = await handleChat(
    {
      request,
      rawBody: body,
      passthroughFormat: route.format,
      query: query || undefined,
      apiKey,
      clientHeaders: headers,
      requestId: context.get('requestId'),
      signal: clientSignalOf(context),
      clientIp: clientIp(context),
      userAgent: headers['user-agent'] ?? null,
      startedAt,
      passthroughOnly: new InvalidRequestError(
        `No account serves ${route.endpoint} for the model ${parsed.model}: only OpenAI and OpenAI-compatible accounts take this endpoint.`,
        { field: 'model' },
      ),
    },
    openAIRenderer,
    { ...deps, logger: context.get('logger') },
  );
  releaseRequestBytes(context); // gone upstream; the answer may stream for long
  return response;
}
