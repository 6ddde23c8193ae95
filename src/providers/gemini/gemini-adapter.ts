import { z } from 'zod';
import type { ChatRequest } from '../../core/chat-request.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { readSseEvents } from '../../streaming/sse-event-reader.js';
import { enforceStreamContract } from '../http/enforce-stream-contract.js';
import { joinUrl } from '../http/join-url.js';
import { readJsonBody } from '../http/read-json-body.js';
import { requireApiKey } from '../http/require-api-key.js';
import { sendUpstreamRequest } from '../http/send-upstream-request.js';
import type { ProviderAdapter, ProviderCallContext } from '../provider-adapter.js';
import type { UpstreamAccount } from '../upstream-account.js';
import { buildGeminiRequest } from './build-gemini-request.js';
import { classifyGeminiError } from './classify-gemini-error.js';
import { decodeGeminiStream } from './decode-gemini-stream.js';

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

/** Google's Gemini API (generativelanguage): `api_key` accounts, base URL the service root. */
export function createGeminiAdapter(): ProviderAdapter {
  async function* stream(request: ChatRequest, upstreamModel: string, account: UpstreamAccount, context: ProviderCallContext): AsyncGenerator<StreamEvent> {
    requireApiKey(account);
    const body = buildGeminiRequest(request, upstreamModel, context.warnings);
    const response = await sendUpstreamRequest({
      url: joinUrl(account.baseUrl, `/v1beta/${geminiModelPath(upstreamModel)}:streamGenerateContent`, 'alt=sse'),
      method: 'POST',
      headers: { ...geminiHeaders(account), accept: 'text/event-stream' },
      body: JSON.stringify(body),
      account,
      dispatcher: context.dispatcher,
      signal: context.signal,
      classifyError: classifyGeminiError,
    });
    yield* enforceStreamContract(decodeGeminiStream(readSseEvents(response.body)), context.signal);
  }

  return {
    provider: 'gemini',
    stream,
    /** Gemini enforces JSON output itself: `responseMimeType` with `responseJsonSchema`. */
    supportsResponseFormat: () => true,
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
