import Anthropic from '@anthropic-ai/sdk';
import { zodOutputFormat } from '@anthropic-ai/sdk/helpers/zod';
import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RecordedRequest } from '../fakes/anthropic-fake.js';
import { modelFor, providerCases, startSluiceUnderTest, type ProviderCase, type SluiceUnderTest } from './sluice-under-test.js';

/**
 * Structured outputs through the real server, for both official SDKs × every account type: the
 * SDKs' own parsers (validated by zod) must get JSON matching the schema, and each upstream must have
 * been asked in its own form — `response_format`, `output_config.format`, or one forced tool whose
 * input comes back as the answer text (Amazon Q / Kiro; JSON mode on Anthropic-shaped routes).
 */
const Weather = z.object({ city: z.string(), temperature: z.number(), conditions: z.enum(['sunny', 'cloudy', 'rainy']) });
const answer = { city: 'Paris', temperature: 21.5, conditions: 'sunny' } as const;

/** Each account type's native form, or none (forced tool). */
const nativeJsonSchema: Record<ProviderCase, boolean> = {
  anthropic: true,
  openai: true,
  'openai-compatible': true,
  amp: true,
  amazonq: false,
  kiro: false,
  gemini: true,
};

describe('structured outputs: official SDKs × every account type', () => {
  let sluice: SluiceUnderTest;
  let openai: OpenAI;
  let anthropic: Anthropic;

  beforeAll(async () => {
    sluice = await startSluiceUnderTest();
    openai = new OpenAI({ apiKey: sluice.harness.adminKey, baseURL: `${sluice.url}/v1`, maxRetries: 0 });
    anthropic = new Anthropic({ apiKey: sluice.harness.adminKey, baseURL: sluice.url, maxRetries: 0 });
  });
  afterAll(async () => {
    await sluice?.close();
  });

  /** The upstream answers the way a model under that provider's form would. */
  const scriptAnswer = (provider: ProviderCase, native: boolean): void => {
    if (native) sluice.scriptText(provider, JSON.stringify(answer));
    // A preamble before the call must not reach the client.
    else sluice.scriptToolCalls(provider, [{ id: 'toolu_answer', name: 'structured_output', input: { ...answer } }], 'Here is the answer:');
  };

  const lastUpstreamRequest = (provider: ProviderCase): Pick<RecordedRequest, 'body'> | undefined => {
    switch (provider) {
      case 'anthropic':
        return sluice.anthropic.requests.at(-1);
      case 'openai':
      case 'openai-compatible':
        return sluice.openai.requests.at(-1);
      case 'amp':
        return sluice.amp.anthropic.requests.at(-1);
      case 'amazonq':
      case 'kiro':
        return sluice.amazonq.chatRequests().at(-1);
      case 'gemini':
        return sluice.gemini.requests.at(-1);
      default: {
        const unreachable: never = provider;
        return unreachable;
      }
    }
  };

  /** What the upstream was asked: its native field, or the forced tool. */
  const expectAskedFor = (provider: ProviderCase, native: boolean, kind: 'schema' | 'object'): void => {
    const sent = lastUpstreamRequest(provider);
    const body = JSON.stringify(sent?.body);
    if (!native) {
      expect(body, provider).toContain('structured_output');
      return;
    }
    const sentBody = sent?.body as Record<string, unknown>;
    if (provider === 'openai' || provider === 'openai-compatible') {
      expect((sentBody.response_format as { type: string }).type).toBe(kind === 'schema' ? 'json_schema' : 'json_object');
    } else if (provider === 'gemini') {
      const config = sentBody.generationConfig as { responseMimeType?: string; responseJsonSchema?: unknown };
      expect(config.responseMimeType).toBe('application/json');
      expect(config.responseJsonSchema !== undefined).toBe(kind === 'schema');
    } else {
      expect((sentBody.output_config as { format: { type: string } }).format.type).toBe('json_schema');
    }
  };

  describe.each(providerCases)('through a %s account', (provider) => {
    const model = modelFor(provider);
    const native = nativeJsonSchema[provider];
    const messages = [{ role: 'user' as const, content: 'Weather in Paris, as JSON.' }];

    it('OpenAI SDK: chat.completions.parse with a json_schema response_format', async () => {
      scriptAnswer(provider, native);
      const completion = await openai.chat.completions.parse({ model, messages, response_format: zodResponseFormat(Weather, 'weather') });
      const choice = completion.choices[0]!;
      expect(choice.message.parsed).toEqual(answer);
      expect(JSON.parse(choice.message.content!)).toEqual(answer);
      expect(choice.finish_reason).toBe('stop');
      expect(choice.message.tool_calls ?? []).toEqual([]);
      expectAskedFor(provider, native, 'schema');
    });

    it('OpenAI SDK: chat.completions.stream → finalChatCompletion, parsed', async () => {
      scriptAnswer(provider, native);
      const stream = openai.chat.completions.stream({ model, messages, response_format: zodResponseFormat(Weather, 'weather'), stream_options: { include_usage: true } });
      const completion = await stream.finalChatCompletion();
      expect(completion.choices[0]!.message.parsed).toEqual(answer);
      expect(completion.choices[0]!.finish_reason).toBe('stop');
      expect(completion.usage?.completion_tokens).toBeGreaterThan(0);
    });

    it('OpenAI SDK: json_object (JSON mode)', async () => {
      const nativeObject = provider === 'openai' || provider === 'openai-compatible' || provider === 'gemini';
      scriptAnswer(provider, nativeObject);
      const completion = await openai.chat.completions.create({ model, messages, response_format: { type: 'json_object' } });
      expect(Weather.parse(JSON.parse(completion.choices[0]!.message.content!))).toEqual(answer);
      expect(completion.choices[0]!.finish_reason).toBe('stop');
      expectAskedFor(provider, nativeObject, 'object');
    });

    it('Anthropic SDK: messages.parse with output_config.format', async () => {
      scriptAnswer(provider, native);
      const message = await anthropic.messages.parse({ model, max_tokens: 300, messages, output_config: { format: zodOutputFormat(Weather) } });
      expect(message.parsed_output).toEqual(answer);
      expect(message.content).toEqual([expect.objectContaining({ type: 'text', text: JSON.stringify(answer) })]);
      expect(message.stop_reason).toBe('end_turn');
      expectAskedFor(provider, native, 'schema');
    });

    it('Anthropic SDK: stream with output_config.format → finalMessage', async () => {
      scriptAnswer(provider, native);
      const message = await anthropic.messages.stream({ model, max_tokens: 300, messages, output_config: { format: zodOutputFormat(Weather) } }).finalMessage();
      const text = message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
      expect(Weather.parse(JSON.parse(text))).toEqual(answer);
      expect(message.stop_reason).toBe('end_turn');
    });

    it('an older Anthropic client: the beta output_format with its header, on ?beta=true', async () => {
      scriptAnswer(provider, native);
      const response = await fetch(`${sluice.url}/v1/messages?beta=true`, {
        method: 'POST',
        headers: {
          'x-api-key': sluice.harness.adminKey,
          'anthropic-version': '2023-06-01',
          'anthropic-beta': 'structured-outputs-2025-11-13',
          'content-type': 'application/json',
        },
        body: JSON.stringify({ model, max_tokens: 300, messages, output_format: { type: 'json_schema', schema: z.toJSONSchema(Weather) } }),
      });
      expect(response.status).toBe(200);
      const message = (await response.json()) as Anthropic.Message;
      const text = message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
      expect(Weather.parse(JSON.parse(text))).toEqual(answer);
      expect(message.stop_reason).toBe('end_turn');
      if (native && (provider === 'openai' || provider === 'openai-compatible')) expectAskedFor(provider, true, 'schema');
    });
  });

  it('logs every structured request as a success with tokens', async () => {
    await sluice.harness.context.usage.flush();
    const response = await sluice.harness.request('GET', '/admin/requests?limit=200');
    const { data } = (await response.json()) as { data: Array<{ provider: string; status: string; output_tokens: number }> };
    for (const provider of providerCases) {
      const rows = data.filter((row) => row.provider === provider);
      expect(rows.length, provider).toBe(6);
      expect(rows.filter((row) => row.status !== 'success'), provider).toEqual([]);
    }
  });
});
