import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type RunningFake } from './openai-fake.js';
import { openAIError, type OpenAIFakeScenario } from './openai-fake-scenario.js';

/** The official SDK, pointed straight at the fake, must parse every scenario the fake can play. */
const scenarios: Record<string, Extract<OpenAIFakeScenario, { kind: 'reply' }>> = {
  text: { kind: 'reply', parts: [{ type: 'text', text: 'Hello there, how can I help you today?' }] },
  toolAfterText: {
    kind: 'reply',
    parts: [
      { type: 'text', text: 'Let me check.' },
      { type: 'tool_call', id: 'call_abc', name: 'get_weather', arguments: '{"location":"Paris","unit":"celsius"}' },
    ],
  },
  severalTools: {
    kind: 'reply',
    parts: [
      { type: 'tool_call', id: 'call_1', name: 'get_weather', arguments: '{"location":"Paris"}' },
      { type: 'tool_call', id: 'call_2', name: 'get_time', arguments: '{"timezone":"Europe/Paris"}' },
    ],
  },
  cacheUsage: {
    kind: 'reply',
    parts: [{ type: 'text', text: 'Cached.' }],
    usage: { prompt_tokens: 2006, completion_tokens: 300, cached_tokens: 1920, reasoning_tokens: 64 },
  },
  length: { kind: 'reply', parts: [{ type: 'text', text: 'Cut short' }], finishReason: 'length' },
};

const expectedToolCalls = (scenario: Extract<OpenAIFakeScenario, { kind: 'reply' }>) =>
  scenario.parts.flatMap((part) =>
    part.type === 'tool_call' ? [{ id: part.id, type: 'function', function: { name: part.name, arguments: part.arguments } }] : [],
  );

describe('fake OpenAI against the openai SDK', () => {
  let fake: RunningFake<OpenAIFakeScenario>;
  let client: OpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
    client = new OpenAI({ apiKey: 'sk-test', baseURL: fake.url, maxRetries: 0 });
  });
  afterAll(() => fake.close());

  for (const [name, scenario] of Object.entries(scenarios)) {
    const text = scenario.parts.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('');
    it(`streams ${name}`, async () => {
      fake.enqueue(scenario);
      const stream = client.chat.completions.stream({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'Hi' }],
        stream_options: { include_usage: true },
      });
      const completion = await stream.finalChatCompletion();
      const message = completion.choices[0]?.message;
      expect(message?.content ?? '').toBe(text);
      expect(message?.tool_calls ?? []).toEqual(expectedToolCalls(scenario));
      expect(completion.choices[0]?.finish_reason).toBe(scenario.finishReason ?? (expectedToolCalls(scenario).length > 0 ? 'tool_calls' : 'stop'));
      expect(completion.usage?.prompt_tokens).toBe(scenario.usage?.prompt_tokens ?? 20);
      if (scenario.usage?.cached_tokens) expect(completion.usage?.prompt_tokens_details?.cached_tokens).toBe(1920);
    });

    it(`answers ${name} without streaming`, async () => {
      fake.enqueue(scenario);
      const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] });
      const message = completion.choices[0]?.message;
      expect(message?.content ?? '').toBe(text);
      expect(message?.tool_calls ?? []).toEqual(expectedToolCalls(scenario));
    });
  }

  it('reports error statuses the SDK understands', async () => {
    fake.enqueue(openAIError(429, 'insufficient_quota', 'You exceeded your current quota.', { 'retry-after': '3' }, 'insufficient_quota'));
    const failure = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OpenAI.RateLimitError);
    expect((failure as InstanceType<typeof OpenAI.RateLimitError>).code).toBe('insufficient_quota');
  });

  it('lists models and records requests', async () => {
    const models = await client.models.list();
    expect(models.data.map((model) => model.id)).toEqual(['gpt-4o-mini']);
    expect(fake.requests.at(-1)?.headers.authorization).toBe('Bearer sk-test');
  });
});
