import Anthropic from '@anthropic-ai/sdk';
import { ApiError, GoogleGenAI } from '@google/genai';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelFor, providerCases, startSluiceUnderTest, type SluiceUnderTest } from './sluice-under-test.js';

/**
 * The official @google/genai SDK calls Sluice's Gemini API on a real socket, for every account
 * type, against fake upstreams in each provider's own wire format.
 */
describe('official @google/genai SDK × every account type', () => {
  let sluice: SluiceUnderTest;
  let gemini: GoogleGenAI;

  beforeAll(async () => {
    sluice = await startSluiceUnderTest();
    gemini = new GoogleGenAI({ apiKey: sluice.harness.adminKey, httpOptions: { baseUrl: sluice.url } });
  });
  afterAll(async () => {
    await sluice?.close();
  });

  const weather = {
    name: 'get_weather',
    description: 'Weather for a city',
    parametersJsonSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  };

  describe.each(providerCases)('through a %s account', (provider) => {
    const model = modelFor(provider);

    it('generateContent: text and usage', async () => {
      sluice.scriptText(provider, 'Hello from upstream.');
      const response = await gemini.models.generateContent({ model, contents: 'Hi', config: { systemInstruction: 'Be brief.' } });
      expect(response.text).toBe('Hello from upstream.');
      expect(response.candidates?.[0]?.finishReason).toBe('STOP');
      expect(response.usageMetadata?.candidatesTokenCount).toBeGreaterThan(0);
      expect(response.modelVersion).toBe(model);
    });

    it('generateContentStream: the chunks add up to the answer, with totals on the last', async () => {
      sluice.scriptText(provider, 'Streaming works fine.');
      const chunks = [];
      for await (const chunk of await gemini.models.generateContentStream({ model, contents: 'Hi' })) chunks.push(chunk);
      expect(chunks.map((chunk) => chunk.text ?? '').join('')).toBe('Streaming works fine.');
      expect(chunks.at(-1)?.candidates?.[0]?.finishReason).toBe('STOP');
      expect(chunks.at(-1)?.usageMetadata?.totalTokenCount).toBeGreaterThan(0);
    });

    it('function calling both ways: the model calls, the client answers, the model finishes', async () => {
      sluice.scriptToolCalls(provider, [{ id: 'call_paris', name: 'get_weather', input: { city: 'Paris' } }], 'Checking.');
      const first = await gemini.models.generateContent({ model, contents: 'Weather in Paris?', config: { tools: [{ functionDeclarations: [weather] }] } });
      expect(first.functionCalls).toHaveLength(1);
      expect(first.functionCalls?.[0]).toMatchObject({ name: 'get_weather', args: { city: 'Paris' } });

      sluice.scriptText(provider, 'It is sunny in Paris.');
      const modelTurn = first.candidates![0]!.content!;
      const second = await gemini.models.generateContent({
        model,
        contents: [
          { role: 'user', parts: [{ text: 'Weather in Paris?' }] },
          modelTurn,
          { role: 'user', parts: [{ functionResponse: { id: first.functionCalls![0]!.id, name: 'get_weather', response: { output: 'sunny, 21 °C' } } }] },
        ],
        config: { tools: [{ functionDeclarations: [weather] }] },
      });
      expect(second.text).toBe('It is sunny in Paris.');
    });

    it('countTokens counts the request locally', async () => {
      const counted = await gemini.models.countTokens({ model, contents: 'How many tokens is this sentence?' });
      expect(counted.totalTokens).toBeGreaterThan(3);
    });
  });

  it('lists and gets models in Gemini shape', async () => {
    const names = [];
    for await (const entry of await gemini.models.list()) names.push(entry.name);
    expect(names).toContain(`models/${modelFor('gemini')}`);
    const one = await gemini.models.get({ model: modelFor('anthropic') });
    expect(one.name).toBe(`models/${modelFor('anthropic')}`);
  });

  it('answers errors in Google shape: a bad key, an unknown model, a bad body', async () => {
    const stranger = new GoogleGenAI({ apiKey: 'amq-not-a-key', httpOptions: { baseUrl: sluice.url } });
    const unauthorized = await stranger.models.generateContent({ model: modelFor('gemini'), contents: 'x' }).catch((error: unknown) => error);
    expect(unauthorized).toBeInstanceOf(ApiError);
    expect((unauthorized as ApiError).status).toBe(401);
    const response = await fetch(`${sluice.url}/v1beta/models/${modelFor('gemini')}:generateContent?key=${sluice.harness.adminKey}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ contents: [] }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 400, status: 'INVALID_ARGUMENT', message: expect.stringContaining('contents') } });
    const missing = await fetch(`${sluice.url}/v1beta/models/no-such-model`, { headers: { 'x-goog-api-key': sluice.harness.adminKey } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 404, status: 'NOT_FOUND' } });
  });

  it('serves thinking from a Gemini account to Anthropic and OpenAI clients, with the budget sent as Gemini asks', async () => {
    const anthropic = new Anthropic({ apiKey: sluice.harness.adminKey, baseURL: sluice.url, maxRetries: 0 });
    sluice.gemini.enqueue({ kind: 'reply', parts: [{ type: 'thought', text: 'Think first.' }, { type: 'text', text: 'Answer.' }], usage: { prompt: 10, candidates: 3, thoughts: 4 } });
    const message = await anthropic.messages
      .stream({ model: modelFor('gemini'), max_tokens: 4096, thinking: { type: 'enabled', budget_tokens: 2048 }, messages: [{ role: 'user', content: 'Hi' }] })
      .finalMessage();
    expect(message.content.map((block) => block.type)).toEqual(['thinking', 'text']);
    expect(message.content[0]).toMatchObject({ thinking: 'Think first.' });
    expect(message.usage.output_tokens).toBe(7);
    const sent = sluice.gemini.requests.at(-1)!.body as { generationConfig: unknown };
    expect(sent.generationConfig).toMatchObject({ maxOutputTokens: 4096, thinkingConfig: { thinkingBudget: 2048, includeThoughts: true } });

    const openai = new OpenAI({ apiKey: sluice.harness.adminKey, baseURL: `${sluice.url}/v1`, maxRetries: 0 });
    sluice.gemini.enqueue({ kind: 'reply', parts: [{ type: 'thought', text: 'Hmm.' }, { type: 'text', text: 'Done.' }], usage: { prompt: 10, candidates: 2, thoughts: 3 } });
    const completion = await openai.chat.completions.create({ model: modelFor('gemini'), reasoning_effort: 'low', messages: [{ role: 'user', content: 'Hi' }] });
    expect(completion.choices[0]!.message.content).toBe('Done.');
    expect(completion.usage?.completion_tokens_details?.reasoning_tokens).toBe(3);
    expect((sluice.gemini.requests.at(-1)!.body as { generationConfig: unknown }).generationConfig).toMatchObject({ thinkingConfig: { thinkingBudget: 1024 } });
  });

  it('streams a JSON array when alt=sse is absent', async () => {
    sluice.scriptText('gemini', 'Array stream.');
    const response = await fetch(`${sluice.url}/v1beta/models/${modelFor('gemini')}:streamGenerateContent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-goog-api-key': sluice.harness.adminKey },
      body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'Hi' }] }] }),
    });
    expect(response.headers.get('content-type')).toContain('application/json');
    const items = (await response.json()) as Array<{ candidates: Array<{ content: { parts: Array<{ text?: string }> } }> }>;
    expect(items.map((item) => item.candidates[0]!.content.parts.map((part) => part.text ?? '').join('')).join('')).toBe('Array stream.');
  });
});
