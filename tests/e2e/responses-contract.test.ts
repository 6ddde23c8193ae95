import { request as httpRequest } from 'node:http';
import OpenAI from 'openai';
import { zodTextFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApiKey } from '../support/create-test-api-key.js';
import { modelFor, providerCases, startSluiceUnderTest, type ProviderCase, type SluiceUnderTest } from './sluice-under-test.js';

/**
 * The official `openai` SDK's Responses client against Sluice on a real socket, for every account
 * type, on fake upstreams in each provider's own wire format: converted through the canonical model
 * everywhere but on OpenAI accounts (and compatible ones marked `supports_responses`), where the
 * body goes through unchanged.
 */
describe('OpenAI Responses clients × every account type', () => {
  let sluice: SluiceUnderTest;
  let openai: OpenAI;

  beforeAll(async () => {
    sluice = await startSluiceUnderTest();
    openai = new OpenAI({ apiKey: sluice.harness.adminKey, baseURL: `${sluice.url}/v1`, maxRetries: 0 });
  });
  afterAll(async () => {
    await sluice?.close();
  });

  const weatherTool = {
    type: 'function' as const,
    name: 'get_weather',
    description: 'Weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    strict: false,
  };
  const calls = [
    { id: 'call_1', name: 'get_weather', input: { city: 'Paris' } },
    { id: 'call_2', name: 'get_weather', input: { city: 'Tokyo' } },
  ];

  /** The body the upstream behind `provider` last received, as text. */
  const lastUpstreamBody = (provider: ProviderCase): string => sluice.upstreamBodies(provider).at(-1) ?? '';

  describe.each(providerCases)('through a %s account', (provider) => {
    const model = modelFor(provider);

    it('responses.create answers in JSON', async () => {
      sluice.scriptText(provider, 'Hello from upstream.');
      const response = await openai.responses.create({ model, input: 'Hi', store: false });
      expect(response.object).toBe('response');
      expect(response.model).toBe(model);
      expect(response.status).toBe('completed');
      expect(response.output_text).toBe('Hello from upstream.');
      expect(response.usage?.output_tokens).toBeGreaterThan(0);
      if (provider === 'openai') expect(sluice.openai.requests.at(-1)?.path).toBe('/v1/responses');
      if (provider === 'openai-compatible') expect(sluice.openai.requests.at(-1)?.path).toBe('/v1/chat/completions');
    });

    it('responses.stream → finalResponse equals the concatenated deltas and response.completed', async () => {
      sluice.scriptText(provider, 'Streaming works fine.');
      const stream = openai.responses.stream({ model, input: 'Hi', store: false, instructions: 'Be brief.' });
      let deltas = '';
      let completed: OpenAI.Responses.Response | undefined;
      for await (const event of stream) {
        if (event.type === 'response.output_text.delta') deltas += event.delta;
        if (event.type === 'response.completed') completed = event.response;
      }
      const final = await stream.finalResponse();
      expect(final.output_text).toBe('Streaming works fine.');
      expect(deltas).toBe('Streaming works fine.');
      expect(final.output).toMatchObject(completed!.output);
      expect(final.usage).toEqual(completed!.usage);
      expect(lastUpstreamBody(provider)).toContain('Be brief.');
    });

    it('function tools both ways: streamed calls, then function_call_output on the next turn', async () => {
      sluice.scriptToolCalls(provider, calls, 'Checking both.');
      const first = await openai.responses
        .stream({ model, input: [{ role: 'user', content: 'Weather in Paris and Tokyo?' }], tools: [weatherTool], store: false })
        .finalResponse();
      const functionCalls = first.output.filter((item) => item.type === 'function_call');
      expect(functionCalls.map((call) => [call.name, JSON.parse(call.arguments)])).toEqual([
        ['get_weather', { city: 'Paris' }],
        ['get_weather', { city: 'Tokyo' }],
      ]);
      expect(first.output_text).toBe('Checking both.');

      sluice.scriptText(provider, 'Sunny in Paris, rainy in Tokyo.');
      const second = await openai.responses.create({
        model,
        store: false,
        tools: [weatherTool],
        input: [
          { role: 'user', content: 'Weather in Paris and Tokyo?' },
          ...first.output.filter((item) => item.type === 'message' || item.type === 'function_call'),
          ...functionCalls.map((call, index) => ({ type: 'function_call_output' as const, call_id: call.call_id, output: index === 0 ? 'sunny-paris' : 'rainy-tokyo' })),
        ] as OpenAI.Responses.ResponseInput,
      });
      expect(second.output_text).toBe('Sunny in Paris, rainy in Tokyo.');
      expect(lastUpstreamBody(provider)).toContain('sunny-paris');
      expect(lastUpstreamBody(provider)).toContain('rainy-tokyo');
    });

    it('text.format json_schema: responses.parse gets JSON matching the schema', async () => {
      const Weather = z.object({ city: z.string(), temperature: z.number() });
      const answer = { city: 'Paris', temperature: 21.5 };
      // Amazon Q and Kiro have no native form: Sluice forces one tool and answers with its input.
      if (provider === 'amazonq' || provider === 'kiro') sluice.scriptToolCalls(provider, [{ id: 'toolu_answer', name: 'structured_output', input: answer }]);
      else sluice.scriptText(provider, JSON.stringify(answer));
      const response = await openai.responses.parse({ model, input: 'Weather in Paris?', store: false, text: { format: zodTextFormat(Weather, 'weather') } });
      expect(response.output_parsed).toEqual(answer);
      expect(response.text?.format).toMatchObject({ type: 'json_schema', name: 'weather' });
    });

    it('previous_response_id continues a stored conversation', async () => {
      sluice.scriptText(provider, 'Noted: the code word.');
      const first = await openai.responses.create({ model, input: `The code word is zebra-${provider}.` });
      expect(first).toMatchObject({ store: true });
      sluice.scriptText(provider, 'It was zebra.');
      const second = await openai.responses.stream({ model, input: 'What was the code word?', previous_response_id: first.id }).finalResponse();
      expect(second.output_text).toBe('It was zebra.');
      // Sluice sends the whole conversation upstream; an OpenAI account's own echo of the id is therefore null.
      if (provider !== 'openai') expect(second.previous_response_id).toBe(first.id);
      const upstream = lastUpstreamBody(provider);
      expect(upstream).toContain(`zebra-${provider}`);
      expect(upstream).toContain('Noted: the code word.');
      expect(upstream).not.toContain('previous_response_id');
    });
  });

  it('an unknown or another key’s previous_response_id is a 400 in OpenAI’s shape', async () => {
    const unknown = await openai.responses.create({ model: modelFor('anthropic'), input: 'Hi', previous_response_id: 'resp_missing' }).catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(OpenAI.BadRequestError);
    expect((unknown as InstanceType<typeof OpenAI.BadRequestError>).message).toContain("Previous response with id 'resp_missing' not found.");

    sluice.scriptText('anthropic', 'Mine.');
    const mine = await openai.responses.create({ model: modelFor('anthropic'), input: 'Hi' });
    const other = await createTestApiKey(sluice.harness.context, { name: 'other client' });
    const otherClient = new OpenAI({ apiKey: other.key, baseURL: `${sluice.url}/v1`, maxRetries: 0 });
    const refused = await otherClient.responses.create({ model: modelFor('anthropic'), input: 'Hi', previous_response_id: mine.id }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OpenAI.BadRequestError);
  });

  it('an openai-compatible account marked supports_responses takes the body unchanged', async () => {
    const created = await sluice.harness.request('POST', '/admin/accounts', {
      name: 'compatible with responses',
      provider: 'openai-compatible',
      api_key: 'sk-native',
      base_url: sluice.openai.url,
      supports_responses: true,
      models: ['native-responses-model'],
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ supports_responses: true });
    sluice.scriptText('openai', 'Native.');
    const response = await openai.responses.create({ model: 'native-responses-model', input: 'Hi', store: false, include: ['reasoning.encrypted_content'] });
    expect(response.output_text).toBe('Native.');
    expect(sluice.openai.requests.at(-1)).toMatchObject({ path: '/v1/responses', body: { include: ['reasoning.encrypted_content'], store: false } });
  });

  it('an OpenAI account gets the client’s own Responses body text, byte for byte, when no earlier response is resolved into it', async () => {
    sluice.scriptText('openai', 'ok');
    // Spacing and key order that a re-serialisation would not keep.
    const text = `{ "store": false,\n  "input": [ {"role": "user", "content": "hi"} ],\n  "model": "${modelFor('openai')}" }`;
    const sent = await fetch(`${sluice.url}/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${sluice.harness.adminKey}` }, body: text });
    expect(sent.status).toBe(200);
    expect(await sent.json()).toMatchObject({ object: 'response', status: 'completed' });
    expect(sluice.openai.requests.at(-1)?.path).toBe('/v1/responses');
    expect(sluice.upstreamBodies('openai').at(-1)).toBe(text);
  });

  it('a WebSocket upgrade on /v1/responses gets a prompt 426, which makes Codex fall back to HTTP at once', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolveAnswer, reject) => {
      const upgrade = httpRequest(`${sluice.url}/v1/responses`, {
        headers: {
          authorization: `Bearer ${sluice.harness.adminKey}`,
          connection: 'Upgrade',
          upgrade: 'websocket',
          'sec-websocket-version': '13',
          'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
          'openai-beta': 'responses_websockets=2026-02-06',
        },
        timeout: 5000,
      });
      upgrade.on('response', (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolveAnswer({ status: response.statusCode ?? 0, body }));
      });
      upgrade.on('upgrade', () => reject(new Error('the upgrade was accepted')));
      upgrade.on('timeout', () => reject(new Error('no answer to the upgrade')));
      upgrade.on('error', reject);
      upgrade.end();
    });
    expect(answer.status).toBe(426);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { type: 'invalid_request_error', code: 'websocket_not_supported' } });
  });

  it('logs every Responses request with the usage the upstream reported', async () => {
    await sluice.harness.context.usage.flush();
    const response = await sluice.harness.request('GET', '/admin/requests?limit=200');
    const { data } = (await response.json()) as {
      data: Array<{ provider: string; client_format: string; status: string; stream: boolean; input_tokens: number; output_tokens: number }>;
    };
    const rows = data.filter((row) => row.client_format === 'responses' && row.status === 'success');
    for (const provider of providerCases) {
      const mine = rows.filter((row) => row.provider === provider);
      expect(mine.length, provider).toBeGreaterThanOrEqual(6);
      expect(mine.every((row) => row.output_tokens > 0), provider).toBe(true);
    }
    // The fakes of API-key providers report 12 in / 5 out for a text answer: the log holds exactly that.
    for (const provider of ['anthropic', 'openai', 'openai-compatible', 'amp'] as const) {
      const streamed = rows.filter((row) => row.provider === provider && row.stream);
      expect(streamed.some((row) => row.input_tokens === 12 && row.output_tokens === 5), provider).toBe(true);
    }
  });
});
