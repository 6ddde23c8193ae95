import type { Context } from 'hono';
import type { AccountRecord } from '../../../accounts/account-record.js';
import { AuthenticationError } from '../../../core/errors/authentication-error.js';
import { InvalidRequestError } from '../../../core/errors/invalid-request-error.js';
import { NotFoundError } from '../../../core/errors/not-found-error.js';
import { maxModelNameLength } from '../../../core/field-limits.js';
import { convertGeminiContents } from '../../../formats/gemini/convert-gemini-contents.js';
import { geminiCountTokensSchema } from '../../../formats/gemini/gemini-request-schema.js';
import { parseGeminiRequest } from '../../../formats/gemini/parse-gemini-request.js';
import { renderGeminiResponse } from '../../../formats/gemini/render-gemini-response.js';
import { geminiFrames } from '../../../formats/gemini/render-gemini-stream.js';
import { parseRequestBody } from '../../../formats/parse-request-body.js';
import type { ClientRenderer } from '../../../gateway/client-renderer.js';
import type { GatewayDeps } from '../../../gateway/gateway-deps.js';
import { handleChat } from '../../../gateway/handle-chat.js';
import type { Settings } from '../../../settings/settings-schema.js';
import { countTokens } from '../../../tokens/count-tokens.js';
import type { App, AppEnv } from '../../app-env.js';
import { clientIp, sessionKeyOf } from './client-request-facts.js';
import { recordRefusedRequest } from '../../middleware/rate-limit/record-refused-request.js';
import { listModels, type ReportedModels } from './list-models.js';
import { parseAgainWith, readJsonBody, readJsonObject } from './read-json-body.js';
import { releaseRequestBytes } from '../../body/read-request-bytes.js';
import { requestHeaders } from '../../request-headers.js';
import { clientSignalOf } from '../../client-signal.js';

const actions = ['generateContent', 'streamGenerateContent', 'countTokens'] as const;
type Action = (typeof actions)[number];

/** `gemini-2.5-pro:generateContent` (or `models/…`) → the model and the method. */
function splitTarget(target: string): { model: string; action: Action } {
  const at = target.lastIndexOf(':');
  const action = target.slice(at + 1);
  const model = decodeURIComponent(target.slice(0, Math.max(0, at))).replace(/^models\//, '');
  if (at <= 0 || model === '') throw new NotFoundError(`No model in ${target}; call /v1beta/models/{model}:generateContent.`);
  if (model.length > maxModelNameLength) throw new InvalidRequestError(`model: at most ${maxModelNameLength} characters`, { field: 'model' });
  if (!(actions as readonly string[]).includes(action)) throw new NotFoundError(`The method ${action} is not served; use ${actions.join(', ')}.`);
  return { model, action: action as Action };
}

const describeModel = (id: string) => ({
  name: `models/${id}`,
  baseModelId: id,
  version: '001',
  displayName: id,
  description: `${id}, served by Sluice`,
  inputTokenLimit: 1_048_576,
  outputTokenLimit: 65_536,
  supportedGenerationMethods: ['generateContent', 'streamGenerateContent', 'countTokens'],
});

/**
 * The Gemini API: `POST /v1beta/models/{model}:generateContent`, `:streamGenerateContent`
 * (`?alt=sse` for events, else one streamed JSON array), `:countTokens`, and
 * `GET /v1beta/models[/{model}]`. Every account type serves it through the canonical model.
 */
export function registerGeminiRoutes(
  app: App,
  deps: GatewayDeps,
  accounts: () => readonly AccountRecord[],
  settings: () => Settings,
  reported: ReportedModels = () => undefined,
): void {
  app.get('/v1beta/models', (context) => context.json({ models: listModels(accounts(), settings().model_mappings, reported).map((model) => describeModel(model.id)) }));
  app.get('/v1beta/models/:model', (context) => {
    const id = decodeURIComponent(context.req.param('model')).replace(/^models\//, '');
    const known = listModels(accounts(), settings().model_mappings, reported).some((model) => model.id === id);
    if (!known) throw new NotFoundError(`models/${id} is not found, or no account serves it.`);
    return context.json(describeModel(id));
  });
  app.post('/v1beta/models/:target', async (context) => {
    const { model, action } = splitTarget(context.req.param('target'));
    if (action === 'countTokens') return context.json({ totalTokens: countGeminiTokens(await readJsonObject(context), model) });
    return serveGenerate(context, model, action === 'streamGenerateContent', deps);
  });
}

function countGeminiTokens(body: Record<string, unknown>, model: string): number {
  const parsed = parseRequestBody(geminiCountTokensSchema, body);
  if (parsed.generateContentRequest) return countTokens(parseGeminiRequest(parsed.generateContentRequest, model, false).request);
  if (!parsed.contents) throw new InvalidRequestError('contents: send contents or generateContentRequest', { field: 'contents' });
  return countTokens({ model, system: [], messages: convertGeminiContents(parsed.contents, []), tools: [], stream: false });
}

async function serveGenerate(context: Context<AppEnv>, model: string, stream: boolean, deps: GatewayDeps): Promise<Response> {
  const startedAt = Date.now();
  const apiKey = context.get('apiKey');
  if (!apiKey) throw new AuthenticationError();
  let body: Record<string, unknown> | undefined;
  let bytes: Uint8Array | undefined;
  let parsed: ReturnType<typeof parseGeminiRequest>;
  try {
    ({ body, bytes } = await readJsonBody(context));
    parsed = parseGeminiRequest(body, model, stream);
  } catch (error) {
    // Refused before the gateway: still one log row for the request (the body's model when readable).
    await recordRefusedRequest(context, error, (entry) => deps.recordOutcome(entry), { startedAt, body: body ?? {} });
    throw error;
  }
  const { request, warnings, includeThoughts } = parsed;
  const logger = context.get('logger');
  if (warnings.length > 0) logger.debug({ warnings }, 'request features the canonical model does not carry');
  const framing = context.req.query('alt') === 'sse' ? 'sse' : 'json-array';
  const renderer: ClientRenderer = {
    format: 'gemini',
    streamContentType: framing === 'sse' ? undefined : 'application/json',
    frames: (options) => (events) => geminiFrames(events, { model: options.model, includeThoughts, framing }),
    renderResult: (result, name) => renderGeminiResponse(result, { model: name, includeThoughts }),
  };
  const headers = requestHeaders(context);
  const answer = handleChat(
    {
      request,
      rawBody: body,
      rawBytes: bytes,
      parseAgain: bytes === undefined ? undefined : parseGeminiAgain(model, stream),
      // A stream as one JSON array has no same-format relay (relays are whole JSON or events): it is converted.
      passthroughFormat: !stream ? 'gemini-generate-content' : framing === 'sse' ? 'gemini-stream-generate-content' : undefined,
      apiKey,
      clientHeaders: headers,
      requestId: context.get('requestId'),
      signal: clientSignalOf(context),
      sessionKey: sessionKeyOf(body, headers),
      clientIp: clientIp(context),
      userAgent: headers['user-agent'] ?? null,
      startedAt,
    },
    renderer,
    { ...deps, logger },
  );
  // Not awaited in this frame, which names the parsed body: a waiting frame keeps all it names, here for as
  // long as the model takes to its first token (see RequestContent).
  return answer.then((response) => {
    releaseRequestBytes(context); // gone upstream; the answer may stream for long
    return response;
  });
}

/** The second reading of a generate call's bytes, should a failover or a wait have let the first go. */
const parseGeminiAgain = (model: string, stream: boolean) => parseAgainWith((body) => parseGeminiRequest(body, model, stream));
