import { z } from 'zod';
import type { ChatRequest } from '../../core/chat-request.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { joinUrl } from '../http/join-url.js';
import { readJsonBody } from '../http/read-json-body.js';
import { readWholeAnswer } from '../http/read-whole-answer.js';
import { requireApiKey } from '../http/require-api-key.js';
import { callOnce } from '../http/call-once.js';
import { sendUpstreamRequest } from '../http/send-upstream-request.js';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import { toPassthroughResponse } from '../http/to-passthrough-response.js';
import type { PassthroughFormat, PassthroughRequest, ProviderAdapter, ProviderCallContext } from '../provider-adapter.js';
import type { UpstreamAccount } from '../upstream-account.js';
import { buildGeminiRequest } from './build-gemini-request.js';
import { classifyGeminiError } from './classify-gemini-error.js';
import { decodeGeminiResponse, readGeminiStream } from './decode-gemini-stream.js';

const modelListSchema = z
  .object({
    models: z.array(z.object({ name: z.string(), supportedGenerationMethods: z.array(z.string()).nullish() }).loose()).nullish(),
    nextPageToken: z.string().nullish(),
  })
  .loose();

/** `gemini-2.5-pro` and `models/gemini-2.5-pro` name the same model; the URL wants the latter. */
export const geminiModelPath = (model: string): string => (model.startsWith('models/') ? model : `models/${model}`);

/** Headers for every Gemini call: the key in `x-goog-api-key`, never in the URL where logs would keep it. */
export const geminiHeaders = (account: UpstreamAccount): Record<string, string> => ({
  'content-type': 'application/json',
  'x-goog-api-key': account.credentials.api_key ?? '',
});

const passthroughFormats: readonly PassthroughFormat[] = ['gemini-generate-content', 'gemini-stream-generate-content'];

/** The method path of a same-format call; the model goes in the URL, so it leaves the body. */
function passthroughCall(request: PassthroughRequest): { path: string; query?: string; body: Record<string, unknown> } {
  const { model, ...body } = request.body;
  if (typeof model !== 'string') throw new InvalidRequestError('No model for the Gemini call.');
  switch (request.format) {
    case 'gemini-generate-content':
      return { path: `/v1beta/${geminiModelPath(model)}:generateContent`, body };
    case 'gemini-stream-generate-content':
      return { path: `/v1beta/${geminiModelPath(model)}:streamGenerateContent`, query: 'alt=sse', body };
    default:
      throw new InvalidRequestError(`This account does not accept ${request.format} requests unchanged.`);
  }
}

/** Google's Gemini API (generativelanguage): `api_key` accounts, base URL the service root. */
export function createGeminiAdapter(): ProviderAdapter {
  function stream(request: ChatRequest, upstreamModel: string, account: UpstreamAccount, context: ProviderCallContext): AsyncIterable<StreamEvent> {
    const whole = context.wholeAnswer === true;
    // The request goes in once and is let go (see callOnce): no closure here names it.
    const call = callOnce(request, (pending) => {
      requireApiKey(account);
      const body = buildGeminiRequest(pending, upstreamModel, context.warnings);
      return sendUpstreamRequest({
        url: joinUrl(account.baseUrl, `/v1beta/${geminiModelPath(upstreamModel)}:${whole ? 'generateContent' : 'streamGenerateContent'}`, whole ? undefined : 'alt=sse'),
        method: 'POST',
        // The added header first: after a spread it would give the object a shape of its own each time (V8).
        headers: { accept: whole ? 'application/json' : 'text/event-stream', ...geminiHeaders(account) },
        body: JSON.stringify(body),
        account,
        dispatcher: context.dispatcher,
        signal: context.signal,
        classifyError: classifyGeminiError,
      });
    });
    if (whole) return readWholeAnswer(call, decodeGeminiResponse, (body) => readGeminiStream(async () => body, context.signal));
    return readGeminiStream(async () => (await call()).body, context.signal);
  }

  return {
    provider: 'gemini',
    stream,
    wholeAnswers: true,
    /** Gemini enforces JSON output itself: `responseMimeType` with `responseJsonSchema`. */
    supportsResponseFormat: () => true,
    passthroughFormats,
    /** A Gemini client's body goes through unchanged apart from the model, thought signatures and all. */
    async passthrough(request, account, context) {
      requireApiKey(account);
      const call = passthroughCall(request);
      const response = await sendUpstreamRequest({
        url: joinUrl(account.baseUrl, call.path, call.query),
        method: 'POST',
        headers: geminiHeaders(account),
        body: JSON.stringify(call.body),
        account,
        dispatcher: context.dispatcher,
        signal: context.signal,
        classifyError: classifyGeminiError,
      });
      return toPassthroughResponse(response);
    },
    /** Gemini keys have no balance endpoint. */
    fetchBalance: async () => null,
    async listModels(account, context) {
      requireApiKey(account);
      const names: string[] = [];
      let pageToken: string | undefined;
      for (let page = 0; page < 10; page += 1) {
        const response = await sendUpstreamRequest({
          url: joinUrl(account.baseUrl, '/v1beta/models', `pageSize=1000${pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : ''}`),
          method: 'GET',
          headers: geminiHeaders(account),
          account,
          dispatcher: context.dispatcher,
          signal: context.signal,
          classifyError: classifyGeminiError,
        });
        const parsed = modelListSchema.safeParse(await readJsonBody(response.body));
        if (!parsed.success) break;
        for (const model of parsed.data.models ?? []) {
          if (model.supportedGenerationMethods && !model.supportedGenerationMethods.includes('generateContent')) continue;
          names.push(model.name.replace(/^models\//, ''));
        }
        pageToken = parsed.data.nextPageToken ?? undefined;
        if (!pageToken) break;
      }
      return names;
    },
  };
}
