import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type RunningFake } from './openai-fake.js';
import { fakeCompletion, fakeEmbedding } from './openai-fake-endpoints.js';
import type { OpenAIFakeScenario } from './openai-fake-scenario.js';

/** The official SDK, pointed straight at the fake, reads its embeddings, legacy completions and n > 1 chats. */
describe('fake OpenAI embeddings, completions and n > 1 against the openai SDK', () => {
  let fake: RunningFake<OpenAIFakeScenario>;
  let client: OpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
    client = new OpenAI({ apiKey: 'sk-test', baseURL: fake.url, maxRetries: 0 });
  });
  afterAll(() => fake.close());

  it('embeds with the SDK’s default base64 encoding, which it decodes to the same floats', async () => {
    const result = await client.embeddings.create({ model: 'text-embedding-3-small', input: ['hello world', 'good morning to you'] });
    expect(fake.requests.at(-1)?.body).toMatchObject({ encoding_format: 'base64' });
    expect(result.data.map((item) => item.index)).toEqual([0, 1]);
    expect(result.data[0]!.embedding).toEqual(fakeEmbedding('hello world', 8));
    expect(result.usage).toEqual({ prompt_tokens: 6, total_tokens: 6 });
    expect(result.model).toBe('text-embedding-3-small');
  });

  it('embeds as float arrays with dimensions when asked', async () => {
    const result = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'one two three', encoding_format: 'float', dimensions: 20 });
    expect(result.data[0]!.embedding).toHaveLength(20);
    expect(result.usage.prompt_tokens).toBe(3);
  });

  it('completes a prompt, whole and streamed with usage', async () => {
    const whole = await client.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: 'Say this is a test', max_tokens: 7 });
    expect(whole.object).toBe('text_completion');
    expect(whole.choices).toEqual([{ text: fakeCompletion('Say this is a test', 0), index: 0, logprobs: null, finish_reason: 'stop' }]);
    expect(whole.usage).toMatchObject({ prompt_tokens: 5, completion_tokens: expect.any(Number) });

    const stream = await client.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: 'Say this is a test', stream: true, stream_options: { include_usage: true }, n: 2 });
    const texts = ['', ''];
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      for (const choice of chunk.choices) texts[choice.index] += choice.text;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(texts).toEqual([fakeCompletion('Say this is a test', 0), fakeCompletion('Say this is a test', 1)]);
    expect(usage?.prompt_tokens).toBe(5);
  });

  it('answers n > 1 chat requests with that many choices, whole and streamed', async () => {
    fake.enqueue({ kind: 'reply', parts: [{ type: 'text', text: 'Same answer.' }] }, { kind: 'reply', parts: [{ type: 'text', text: 'Streamed.' }] });
    const whole = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }], n: 3 });
    expect(whole.choices.map((choice) => [choice.index, choice.message.content])).toEqual([
      [0, 'Same answer.'],
      [1, 'Same answer.'],
      [2, 'Same answer.'],
    ]);
    const completion = await client.chat.completions.stream({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }], n: 2 }).finalChatCompletion();
    expect(completion.choices.map((choice) => choice.message.content)).toEqual(['Streamed.', 'Streamed.']);
  });

  it('refuses a body without a model in OpenAI’s error shape', async () => {
    const failure = await client.embeddings.create({ input: 'x' } as unknown as OpenAI.EmbeddingCreateParams).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OpenAI.BadRequestError);
    expect((failure as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('model');
  });
});
