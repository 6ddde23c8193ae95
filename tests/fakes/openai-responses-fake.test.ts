import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type RunningFake } from './openai-fake.js';
import { openAIError, type OpenAIFakeScenario } from './openai-fake-scenario.js';

/** The official SDK, pointed straight at the fake's `/v1/responses`, must accept every scenario it plays. */
const scenarios: Record<string, Extract<OpenAIFakeScenario, { kind: 'reply' }>> = {
  text: { kind: 'reply', parts: [{ type: 'text', text: 'Hello there, how can I help you today?' }] },
  reasoningTextTool: {
    kind: 'reply',
    parts: [
      { type: 'reasoning', text: 'The user wants weather.' },
      { type: 'text', text: 'Let me check.' },
      { type: 'tool_call', id: 'call_abc', name: 'get_weather', arguments: '{"location":"Paris","unit":"celsius"}' },
    ],
    usage: { prompt_tokens: 2006, completion_tokens: 300, cached_tokens: 1920, reasoning_tokens: 64 },
  },
  length: { kind: 'reply', parts: [{ type: 'text', text: 'Cut short' }], finishReason: 'length' },
  customTool: { kind: 'reply', parts: [{ type: 'tool_call', id: 'call_p', name: 'apply_patch', arguments: '*** Begin Patch\n*** End Patch\n', custom: true }] },
};

describe('fake OpenAI Responses API against the openai SDK', () => {
  let fake: RunningFake<OpenAIFakeScenario>;
  let client: OpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
    client = new OpenAI({ apiKey: 'sk-test', baseURL: fake.url, maxRetries: 0 });
  });
  afterAll(() => fake.close());

  for (const [name, scenario] of Object.entries(scenarios)) {
    const text = scenario.parts.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('');
    const types = scenario.parts.map((part) => (part.type === 'tool_call' && part.custom ? 'custom_tool_call' : { text: 'message', reasoning: 'reasoning', tool_call: 'function_call' }[part.type]));

    it(`streams ${name}: finalResponse matches the deltas and the completed event`, async () => {
      fake.enqueue(scenario);
      const stream = client.responses.stream({ model: 'gpt-5', input: 'Hi' });
      let deltas = '';
      const sequence: number[] = [];
      for await (const event of stream) {
        sequence.push(event.sequence_number);
        if (event.type === 'response.output_text.delta') deltas += event.delta;
      }
      const response = await stream.finalResponse();
      expect(sequence).toEqual(sequence.map((_, index) => index));
      expect(response.output_text).toBe(text);
      expect(deltas).toBe(text);
      expect(response.output.map((item) => item.type)).toEqual(types);
      for (const part of scenario.parts) {
        if (part.type === 'tool_call' && part.custom) expect(response.output).toContainEqual(expect.objectContaining({ type: 'custom_tool_call', input: part.arguments }));
      }
      expect(response.status).toBe(scenario.finishReason === 'length' ? 'incomplete' : 'completed');
      expect(response.usage?.input_tokens).toBe(scenario.usage?.prompt_tokens ?? 20);
      if (scenario.usage?.cached_tokens) expect(response.usage?.input_tokens_details.cached_tokens).toBe(1920);
    });

    it(`answers ${name} without streaming`, async () => {
      fake.enqueue(scenario);
      const response = await client.responses.create({ model: 'gpt-5', input: 'Hi' });
      expect(response.output_text).toBe(text);
      expect(response.output.map((item) => item.type)).toEqual(types);
    });
  }

  it('records the request body as sent and reports errors the SDK understands', async () => {
    fake.enqueue(openAIError(400, 'invalid_request_error', 'Bad input.'));
    const failure = await client.responses.create({ model: 'gpt-5', input: 'Hi', store: false }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OpenAI.BadRequestError);
    expect(fake.requests.at(-1)).toMatchObject({ path: '/v1/responses', body: { model: 'gpt-5', input: 'Hi', store: false } });
  });
});
