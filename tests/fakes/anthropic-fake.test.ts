import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAnthropic, type RunningFake } from './anthropic-fake.js';
import { anthropicError, type AnthropicFakeScenario } from './anthropic-fake-scenario.js';

/** The official SDK, pointed straight at the fake, must parse every scenario the fake can play. */
const scenarios: Record<string, Extract<AnthropicFakeScenario, { kind: 'reply' }>> = {
  text: { kind: 'reply', content: [{ type: 'text', text: 'Hello there, how can I help you today?' }] },
  thinkingThenText: {
    kind: 'reply',
    content: [
      { type: 'thinking', thinking: 'The user greets me. I should greet back.', signature: 'EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds' },
      { type: 'text', text: 'Hi!' },
    ],
  },
  toolAfterText: {
    kind: 'reply',
    content: [
      { type: 'text', text: 'Let me check the weather.' },
      { type: 'tool_use', id: 'toolu_01A', name: 'get_weather', input: { location: 'San Francisco, CA', unit: 'celsius' } },
    ],
  },
  severalTools: {
    kind: 'reply',
    content: [
      { type: 'tool_use', id: 'toolu_01A', name: 'get_weather', input: { location: 'Paris' } },
      { type: 'tool_use', id: 'toolu_01B', name: 'get_time', input: { timezone: 'Europe/Paris' } },
    ],
  },
  redacted: { kind: 'reply', content: [{ type: 'redacted_thinking', data: 'EmwKAhgBEgy3va3pzix' }, { type: 'text', text: 'Done.' }] },
  cacheUsage: {
    kind: 'reply',
    content: [{ type: 'text', text: 'Cached.' }],
    usage: { input_tokens: 10, output_tokens: 3, cache_creation_input_tokens: 200, cache_read_input_tokens: 1500 },
  },
};

describe('fake Anthropic against @anthropic-ai/sdk', () => {
  let fake: RunningFake<AnthropicFakeScenario>;
  let client: Anthropic;
  beforeAll(async () => {
    fake = await startFakeAnthropic();
    client = new Anthropic({ apiKey: 'sk-ant-test', baseURL: fake.url, maxRetries: 0 });
  });
  afterAll(() => fake.close());

  for (const [name, scenario] of Object.entries(scenarios)) {
    it(`streams ${name}`, async () => {
      fake.enqueue(scenario);
      const message = await client.messages
        .stream({ model: 'claude-sonnet-4-5', max_tokens: 1024, messages: [{ role: 'user', content: 'Hi' }] })
        .finalMessage();
      expect(message.content).toEqual(scenario.content);
      expect(message.usage.output_tokens).toBe(scenario.usage?.output_tokens ?? 12);
      if (scenario.usage?.cache_read_input_tokens) expect(message.usage.cache_read_input_tokens).toBe(1500);
    });

    it(`answers ${name} without streaming`, async () => {
      fake.enqueue(scenario);
      const message = await client.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 1024, messages: [{ role: 'user', content: 'Hi' }] });
      expect(message.content).toEqual(scenario.content);
      expect(message.stop_reason).toBe(scenario.content.some((block) => block.type === 'tool_use') ? 'tool_use' : 'end_turn');
    });
  }

  it('reports error statuses the SDK understands', async () => {
    fake.enqueue(anthropicError(429, 'rate_limit_error', 'Slow down', { 'retry-after': '7' }));
    const failure = await client.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 10, messages: [{ role: 'user', content: 'Hi' }] }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Anthropic.RateLimitError);
    expect((failure as InstanceType<typeof Anthropic.RateLimitError>).headers.get('retry-after')).toBe('7');
  });

  it('records requests and counts tokens', async () => {
    const count = await client.messages.countTokens({ model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'Hello' }] });
    expect(count.input_tokens).toBeGreaterThan(0);
    const last = fake.requests.at(-1);
    expect(last?.path).toBe('/v1/messages/count_tokens');
    expect(last?.headers['x-api-key']).toBe('sk-ant-test');
  });
});
