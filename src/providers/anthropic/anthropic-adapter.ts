import { z } from 'zod';
import type { ChatRequest } from '../../core/chat-request.js';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { joinUrl } from '../http/join-url.js';
import { readJsonBody } from '../http/read-json-body.js';
import { readWholeAnswer } from '../http/read-whole-answer.js';
import { callOnce } from '../http/call-once.js';
import { sendUpstreamRequest } from '../http/send-upstream-request.js';
import { requireApiKey } from '../http/require-api-key.js';
import { toPassthroughResponse } from '../http/to-passthrough-response.js';
import type { PassthroughFormat, PassthroughRequest, PassthroughResponse, ProviderAdapter, ProviderCallContext } from '../provider-adapter.js';
import { passthroughBody } from '../provider-adapter.js';
import type { ProviderName } from '../provider-name.js';
import type { UpstreamAccount } from '../upstream-account.js';
import { anthropicSupportsResponseFormat } from './anthropic-output-format.js';
import { buildAnthropicHeaders } from './build-anthropic-headers.js';
import { buildAnthropicRequest } from './build-anthropic-request.js';
import { decodeAnthropicMessage } from './decode-anthropic-message.js';
import { readAnthropicStream } from './read-anthropic-stream.js';

export interface AnthropicAdapterOptions {
  provider?: ProviderName;
  /** Path prefix between the base URL and `/v1/messages` (Amp: `/api/provider/anthropic`). */
  pathPrefix?: string;
  /** Also send the key as `Authorization: Bearer` (Amp accepts either). */
  bearer?: boolean;
}

const modelListSchema = z.object({ data: z.array(z.object({ id: z.string() }).loose()) }).loose();

export type AnthropicShapedAdapter = ProviderAdapter & {
  supportsResponseFormat: NonNullable<ProviderAdapter['supportsResponseFormat']>;
  passthrough(request: PassthroughRequest, account: UpstreamAccount, context: ProviderCallContext): Promise<PassthroughResponse>;
  listModels(account: UpstreamAccount, context: ProviderCallContext): Promise<string[]>;
};

/** The Anthropic Messages API (and any upstream that speaks it under a path prefix). */
export function createAnthropicAdapter(options: AnthropicAdapterOptions = {}): AnthropicShapedAdapter {
  const prefix = options.pathPrefix ?? '';
  const passthroughFormats: readonly PassthroughFormat[] = ['anthropic-messages', 'anthropic-count-tokens'];

  function stream(request: ChatRequest, upstreamModel: string, account: UpstreamAccount, context: ProviderCallContext): AsyncIterable<StreamEvent> {
    const whole = context.wholeAnswer === true;
    // The request goes in once and is let go (see callOnce): no closure here names it.
    const call = callOnce(request, (pending) => {
      requireApiKey(account);
      const body = buildAnthropicRequest(pending, upstreamModel, context.warnings);
      if (whole) body.stream = false;
      return sendUpstreamRequest({
        url: joinUrl(account.baseUrl, `${prefix}/v1/messages`),
        method: 'POST',
        // The added header first: after a spread it would give the object a shape of its own each time (V8).
        headers: { accept: whole ? 'application/json' : 'text/event-stream', ...buildAnthropicHeaders(account, context.clientHeaders, { bearer: options.bearer }) },
        body: JSON.stringify(body),
        account,
        dispatcher: context.dispatcher,
        signal: context.signal,
      });
    });
    if (whole) return readWholeAnswer(call, decodeAnthropicMessage, (body) => readAnthropicStream(async () => body, context.signal));
    return readAnthropicStream(async () => (await call()).body, context.signal);
  }

  return {
    provider: options.provider ?? 'anthropic',
    stream,
    wholeAnswers: true,
    supportsResponseFormat: anthropicSupportsResponseFormat,
    passthroughFormats,
    async passthrough(request, account, context) {
      requireApiKey(account);
      let path: string;
      switch (request.format) {
        case 'anthropic-messages':
          path = '/v1/messages';
          break;
        case 'anthropic-count-tokens':
          path = '/v1/messages/count_tokens';
          break;
        case 'openai-chat':
        case 'openai-responses':
        case 'openai-embeddings':
        case 'openai-completions':
        case 'gemini-generate-content':
        case 'gemini-stream-generate-content':
          throw new InvalidRequestError(`This account does not accept ${request.format} requests unchanged.`);
        default: {
          const unreachable: never = request.format;
          throw new InvalidRequestError(`Unknown passthrough format ${String(unreachable)}.`);
        }
      }
      const response = await sendUpstreamRequest({
        url: joinUrl(account.baseUrl, `${prefix}${path}`, request.query),
        method: 'POST',
        headers: buildAnthropicHeaders(account, context.clientHeaders, { bearer: options.bearer, forwardClientVersion: true }),
        body: passthroughBody(request),
        account,
        dispatcher: context.dispatcher,
        signal: context.signal,
      });
      return toPassthroughResponse(response);
    },
    /** Anthropic has no balance endpoint for API keys; the pool keeps a ledger instead. */
    fetchBalance: async () => null,
    async listModels(account, context) {
      requireApiKey(account);
      const response = await sendUpstreamRequest({
        url: joinUrl(account.baseUrl, `${prefix}/v1/models`, 'limit=1000'),
        method: 'GET',
        headers: buildAnthropicHeaders(account, {}, { bearer: options.bearer }),
        account,
        dispatcher: context.dispatcher,
        signal: context.signal,
      });
      const parsed = modelListSchema.safeParse(await readJsonBody(response.body));
      return parsed.success ? parsed.data.data.map((model) => model.id) : [];
    },
  };
}
