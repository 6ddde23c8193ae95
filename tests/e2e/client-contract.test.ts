import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelFor, providerCases, startSluiceUnderTest, type SluiceUnderTest } from './sluice-under-test.js';

/**
 * The official OpenAI and Anthropic SDKs call Sluice on a real socket, for every client format ×
 * account type, against fake upstreams in each provider's own wire format: non-streaming, streaming
 * through the SDKs' own accumulators, and tool calls after text.
 */
describe('official clients × every account type', () => {
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

  const weatherTool = { name: 'get_weather', description: 'Weather for a city', schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } };
  const calls = [
    { id: 'call_1', name: 'get_weather', input: { city: 'Paris' } },
    { id: 'call_2', name: 'get_weather', input: { city: 'Tokyo' } },
  ];

  describe.each(providerCases)('through a %s account', (provider) => {
    const model = modelFor(provider);

    it('OpenAI SDK: chat.completions.create', async () => {
      sluice.scriptText(provider, 'Hello from upstream.');
      const completion = await openai.chat.completions.create({ model, messages: [{ role: 'user', content: 'Hi' }] });
      expect(completion.model).toBe(model);
      expect(completion.choices[0]!.message.content).toBe('Hello from upstream.');
      expect(completion.choices[0]!.finish_reason).toBe('stop');
      expect(completion.usage?.completion_tokens).toBeGreaterThan(0);
    });

    it('OpenAI SDK: stream → finalChatCompletion, with usage', async () => {
      sluice.scriptText(provider, 'Streaming works fine.');
      const stream = openai.chat.completions.stream({ model, messages: [{ role: 'user', content: 'Hi' }], stream_options: { include_usage: true } });
      const completion = await stream.finalChatCompletion();
      expect(completion.choices[0]!.message.content).toBe('Streaming works fine.');
      expect(completion.usage?.completion_tokens).toBeGreaterThan(0);
    });

    it('OpenAI SDK: parallel tool calls after text, streamed', async () => {
      sluice.scriptToolCalls(provider, calls, 'Checking both.');
      const stream = openai.chat.completions.stream({
        model,
        messages: [{ role: 'user', content: 'Weather in Paris and Tokyo?' }],
        tools: [{ type: 'function', function: { name: weatherTool.name, description: weatherTool.description, parameters: weatherTool.schema } }],
      });
      const completion = await stream.finalChatCompletion();
      const message = completion.choices[0]!.message;
      expect(completion.choices[0]!.finish_reason).toBe('tool_calls');
      expect(message.tool_calls?.map((call) => call.type === 'function' && [call.function.name, JSON.parse(call.function.arguments)])).toEqual([
        ['get_weather', { city: 'Paris' }],
        ['get_weather', { city: 'Tokyo' }],
      ]);
    });

    it('Anthropic SDK: messages.create', async () => {
      sluice.scriptText(provider, 'Hello from upstream.');
      const message = await anthropic.messages.create({ model, max_tokens: 100, messages: [{ role: 'user', content: 'Hi' }] });
      expect(message.model).toBe(model);
      expect(message.content).toEqual([expect.objectContaining({ type: 'text', text: 'Hello from upstream.' })]);
      expect(message.stop_reason).toBe('end_turn');
      expect(message.usage.output_tokens).toBeGreaterThan(0);
    });

    it('Anthropic SDK: stream → finalMessage', async () => {
      sluice.scriptText(provider, 'Streaming works fine.');
      const message = await anthropic.messages.stream({ model, max_tokens: 100, messages: [{ role: 'user', content: 'Hi' }] }).finalMessage();
      expect(message.content).toEqual([expect.objectContaining({ type: 'text', text: 'Streaming works fine.' })]);
      expect(message.stop_reason).toBe('end_turn');
    });

    it('Anthropic SDK: tool_use blocks after text, streamed', async () => {
      sluice.scriptToolCalls(provider, calls, 'Checking both.');
      const message = await anthropic.messages
        .stream({
          model,
          max_tokens: 200,
          messages: [{ role: 'user', content: 'Weather in Paris and Tokyo?' }],
          tools: [{ name: weatherTool.name, description: weatherTool.description, input_schema: weatherTool.schema as Anthropic.Tool.InputSchema }],
        })
        .finalMessage();
      expect(message.stop_reason).toBe('tool_use');
      expect(message.content[0]).toMatchObject({ type: 'text', text: 'Checking both.' });
      expect(message.content.filter((block) => block.type === 'tool_use').map((block) => block.type === 'tool_use' && [block.name, block.input])).toEqual([
        ['get_weather', { city: 'Paris' }],
        ['get_weather', { city: 'Tokyo' }],
      ]);
    });
  });

  it('logs every request with its account, provider and tokens', async () => {
    await sluice.harness.context.usage.flush();
    const response = await sluice.harness.request('GET', '/admin/requests?limit=200');
    const { data } = (await response.json()) as { data: Array<{ provider: string; status: string; output_tokens: number; error_message: string }> };
    for (const provider of providerCases) {
      const rows = data.filter((row) => row.provider === provider);
      expect(rows.length, provider).toBeGreaterThanOrEqual(6);
      expect(rows.filter((row) => row.status !== "success"), provider).toEqual([]);
      expect(rows.every((row) => row.output_tokens > 0), provider).toBe(true);
    }
  });
});
