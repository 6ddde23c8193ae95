import { z } from 'zod';
import type { ChatRequest } from '../../core/chat-request.js';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { joinUrl } from '../http/join-url.js';
import { readJsonBody } from '../http/read-json-body.js';
import { readWholeAnswer } from '../http/read-whole-answer.js';
import { requireApiKey } from '../http/require-api-key.js';
import { callOnce } from '../http/call-once.js';
import { sendUpstreamRequest } from '../http/send-upstream-request.js';
import { toPassthroughResponse } from '../http/to-passthrough-response.js';
import type { PassthroughFormat, PassthroughRequest, PassthroughResponse, ProviderAdapter, ProviderCallContext } from '../provider-adapter.js';
import { passthroughBody } from '../provider-adapter.js';
import type { ProviderName } from '../provider-name.js';
import type { UpstreamAccount } from '../upstream-account.js';
import { buildOpenAIHeaders } from './build-openai-headers.js';
import { buildOpenAIRequest } from './build-openai-request.js';
import { decodeOpenAIChatCompletion } from './decode-openai-chat-completion.js';
import { readOpenAIStream } from './decode-openai-stream.js';
import type { OpenAIFlavour } from './openai-wire-types.js';

export interface OpenAIAdapterOptions {
  provider?: ProviderName;
  flavour?: OpenAIFlavour;
  /** Path prefix between the base URL and `/chat/completions` (Amp: `/api/provider/openai/v1`). */
  pathPrefix?: string;
  /** Also send the key as x-api-key (Amp accepts either). */
  apiKeyHeader?: boolean;
}

const modelListSchema = z.object({ data: z.array(z.object({ id: z.string() }).loose()) }).loose();

export type OpenAIShapedAdapter = ProviderAdapter & {
  supportsResponseFormat: NonNullable<ProviderAdapter['supportsResponseFormat']>;
  passthrough(request: PassthroughRequest, account: UpstreamAccount, context: ProviderCallContext): Promise<PassthroughResponse>;
  listModels(account: UpstreamAccount, context: ProviderCallContext): Promise<string[]>;
};

/** The path under the base URL that serves a request forwarded unchanged. */
function openAIPassthroughPath(format: PassthroughFormat): string {
  switch (format) {
    case 'openai-chat':
      return '/chat/completions';
    case 'openai-responses':
      return '/responses';
    case 'openai-embeddings':
      return '/embeddings';
    case 'openai-completions':
      return '/completions';
    case 'anthropic-messages':
    case 'anthropic-count-tokens':
    case 'gemini-generate-content':
    case 'gemini-stream-generate-content':
      throw new InvalidRequestError(`This account does not accept ${format} requests unchanged.`);
    default: {
      const unreachable: never = format;
      throw new InvalidRequestError(`Unknown passthrough format ${String(unreachable)}.`);
    }
  }
}

/** The Chat Completions API of OpenAI and of servers compatible with it. */
export function createOpenAIAdapter(options: OpenAIAdapterOptions = {}): OpenAIShapedAdapter {
  const flavour = options.flavour ?? 'openai';
  const prefix = options.pathPrefix ?? '';
  const passthroughFormats: readonly PassthroughFormat[] = ['openai-chat', 'openai-responses', 'openai-embeddings', 'openai-completions'];
  const headersFor = (account: UpstreamAccount) => buildOpenAIHeaders(account, { apiKeyHeader: options.apiKeyHeader });

  function stream(request: ChatRequest, upstreamModel: string, account: UpstreamAccount, context: ProviderCallContext): AsyncIterable<StreamEvent> {
    const whole = context.wholeAnswer === true;
    // The request goes in once and is let go (see callOnce): no closure here names it.
    const call = callOnce(request, (pending) => {
      requireApiKey(account);
      const body = buildOpenAIRequest(pending, upstreamModel, context.warnings, flavour);
      if (whole) {
        body.stream = false;
        delete body.stream_options;
      }
      return sendUpstreamRequest({
        url: joinUrl(account.baseUrl, `${prefix}/chat/completions`),
        method: 'POST',
        // The added header first: after a spread it would give the object a shape of its own each time (V8).
        headers: { accept: whole ? 'application/json' : 'text/event-stream', ...headersFor(account) },
        body: JSON.stringify(body),
        account,
        dispatcher: context.dispatcher,
        signal: context.signal,
      });
    });
    if (whole) return readWholeAnswer(call, decodeOpenAIChatCompletion, (body) => readOpenAIStream(async () => body, context.signal));
    return readOpenAIStream(async () => (await call()).body, context.signal);
  }

  return {
    provider: options.provider ?? (flavour === 'openai' ? 'openai' : 'openai-compatible'),
    stream,
    wholeAnswers: true,
    // Both JSON mode and Structured Outputs are Chat Completions features (`response_format`).
    supportsResponseFormat: () => true,
    passthroughFormats,
    /** OpenAI serves Responses itself; a compatible server only when its account says so. */
    canPassthrough: (format, _upstreamModel, account) =>
      format !== 'openai-responses' || flavour === 'openai' || account?.settings.supports_responses === true,
    async passthrough(request, account, context) {
      requireApiKey(account);
      const response = await sendUpstreamRequest({
        url: joinUrl(account.baseUrl, `${prefix}${openAIPassthroughPath(request.format)}`, request.query),
        method: 'POST',
        headers: headersFor(account),
        body: passthroughBody(request),
        account,
        dispatcher: context.dispatcher,
        signal: context.signal,
      });
      return toPassthroughResponse(response);
    },
    /** OpenAI has no prepaid-balance endpoint for API keys; compatible servers override this. */
    fetchBalance: async () => null,
    async listModels(account, context) {
      requireApiKey(account);
      const response = await sendUpstreamRequest({
        url: joinUrl(account.baseUrl, `${prefix}/models`),
        method: 'GET',
        headers: headersFor(account),
        account,
        dispatcher: context.dispatcher,
        signal: context.signal,
      });
      const parsed = modelListSchema.safeParse(await readJsonBody(response.body));
      return parsed.success ? parsed.data.data.map((model) => model.id) : [];
    },
  };
}
