import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningFake } from '../../../tests/fakes/anthropic-fake.js';
import { fakeGeminiKey, startFakeGemini } from '../../../tests/fakes/gemini-fake.js';
import { fakeThoughtSignature } from '../../../tests/fakes/gemini-fake-replies.js';
import { geminiError, type GeminiFakeScenario } from '../../../tests/fakes/gemini-fake-scenario.js';
import type { ChatRequest } from '../../core/chat-request.js';
import { collectStream } from '../../core/collect-stream.js';
import { readEventBatches } from '../../core/event-batches.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { CredentialInvalidError } from '../../core/errors/credential-invalid-error.js';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import { QuotaExhaustedError } from '../../core/errors/quota-exhausted-error.js';
import { UpstreamRateLimitedError } from '../../core/errors/upstream-rate-limited-error.js';
import { testAccount, testCallContext } from '../http/test-call-context.js';
import { createGeminiAdapter } from './gemini-adapter.js';

const request: ChatRequest = {
  model: 'client-model',
  system: [{ type: 'text', text: 'Be brief.' }],
  messages: [{ role: 'user', content: [{ type: 'text', text: 'List files' }] }],
  tools: [{ name: 'ls', description: 'List a directory', inputSchema: { type: 'object', properties: { path: { type: 'string' } } } }],
  toolChoice: { type: 'auto' },
  maxOutputTokens: 200,
  reasoning: { mode: 'enabled', budgetTokens: 1024 },
  stream: true,
};

describe('Gemini adapter against the fake', () => {
  let fake: RunningFake<GeminiFakeScenario>;
  const adapter = createGeminiAdapter();
  const account = (apiKey = fakeGeminiKey) => testAccount({ provider: 'gemini', baseUrl: `${fake.url}/`, credentials: { api_key: apiKey } });
  beforeAll(async () => {
    fake = await startFakeGemini();
  });
  afterAll(() => fake.close());

  it('streams thoughts, text and a signed function call, with usage split as canonical', async () => {
    fake.enqueue({
      kind: 'reply',
      parts: [{ type: 'thought', text: 'Need ls.' }, { type: 'text', text: 'Looking.' }, { type: 'call', name: 'ls', args: { path: '.' } }],
      usage: { prompt: 40, cached: 10, candidates: 12, thoughts: 5 },
    });
    const result = await collectStream(adapter.stream(request, 'gemini-2.5-pro', account(), testCallContext()));
    expect(result.content).toEqual([
      { type: 'reasoning', text: 'Need ls.' },
      { type: 'text', text: 'Looking.' },
      // The signature came with the call: it is kept just before it, to go back with it next turn.
      { type: 'reasoning', text: '', signature: fakeThoughtSignature },
      { type: 'tool-call', id: expect.stringMatching(/^call_/), name: 'ls', input: { path: '.' }, rawInput: '{"path":"."}' },
    ]);
    expect(result.finishReason).toBe('tool-calls');
    expect(result.usage).toMatchObject({ inputTokens: 30, cacheReadTokens: 10, outputTokens: 17, reasoningTokens: 5 });
    const sent = fake.requests.at(-1)!;
    expect(sent.path).toBe('/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse');
    expect(sent.headers['x-goog-api-key']).toBe(fakeGeminiKey);
    expect(sent.body).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'List files' }] }],
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
      tools: [{ functionDeclarations: [{ name: 'ls', description: 'List a directory', parametersJsonSchema: request.tools[0]!.inputSchema }] }],
      toolConfig: { functionCallingConfig: { mode: 'AUTO' } },
      generationConfig: { maxOutputTokens: 200, thinkingConfig: { thinkingBudget: 1024, includeThoughts: true } },
    });
  });

  it('sends a tool loop from another upstream to Gemini 3 with a placeholder signature and named responses', async () => {
    const loop: ChatRequest = {
      ...request,
      reasoning: undefined,
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'List files' }] },
        { role: 'assistant', content: [{ type: 'tool-call', id: 'toolu_1', name: 'ls', input: { path: '.' } }] },
        { role: 'user', content: [{ type: 'tool-result', toolCallId: 'toolu_1', content: [{ type: 'text', text: 'a.txt' }] }] },
      ],
    };
    const result = await collectStream(adapter.stream(loop, 'gemini-3-pro-preview', account(), testCallContext()));
    expect(result.content).toEqual([{ type: 'text', text: 'Hello from the fake Gemini.' }]);
    const body = fake.requests.at(-1)!.body as { contents: unknown[] };
    expect(body.contents).toEqual([
      { role: 'user', parts: [{ text: 'List files' }] },
      { role: 'model', parts: [{ functionCall: { name: 'ls', args: { path: '.' } }, thoughtSignature: 'skip_thought_signature_validator' }] },
      { role: 'user', parts: [{ functionResponse: { name: 'ls', response: { output: 'a.txt' } } }] },
    ]);
  });

  it('classifies Google errors: bad key, per-minute and per-day quotas, bad request', async () => {
    await expect(collectStream(adapter.stream(request, 'gemini-2.5-pro', account('AIza-wrong'), testCallContext()))).rejects.toBeInstanceOf(CredentialInvalidError);
    const retryInfo = { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '37s' };
    const perMinute = { '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [{ quotaId: 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier' }] };
    fake.enqueue(geminiError(429, 'RESOURCE_EXHAUSTED', 'You exceeded your current quota, please check your plan and billing details.', undefined, [perMinute, retryInfo]));
    const limited = await collectStream(adapter.stream(request, 'gemini-2.5-pro', account(), testCallContext())).catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(UpstreamRateLimitedError);
    expect((limited as UpstreamRateLimitedError).retryAfterMs).toBe(37_000);
    const perDay = { '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [{ quotaId: 'GenerateRequestsPerDayPerProjectPerModel-FreeTier' }] };
    fake.enqueue(geminiError(429, 'RESOURCE_EXHAUSTED', 'You exceeded your current quota.', undefined, [perDay]));
    const exhausted = await collectStream(adapter.stream(request, 'gemini-2.5-pro', account(), testCallContext())).catch((error: unknown) => error);
    expect(exhausted).toBeInstanceOf(QuotaExhaustedError);
    const hoursToReset = ((exhausted as QuotaExhaustedError).resetAt! - Date.now()) / 3_600_000;
    expect(hoursToReset).toBeGreaterThan(0);
    expect(hoursToReset).toBeLessThanOrEqual(25);
    fake.enqueue(geminiError(400, 'INVALID_ARGUMENT', '* GenerateContentRequest.contents: contents is not specified'));
    await expect(collectStream(adapter.stream(request, 'gemini-2.5-pro', account(), testCallContext()))).rejects.toBeInstanceOf(InvalidRequestError);
  });

  it('asks generateContent for an answer taken whole, and reads it as the stream would be', async () => {
    const reply: GeminiFakeScenario = {
      kind: 'reply',
      parts: [{ type: 'thought', text: 'Need ls.' }, { type: 'text', text: 'Looking.' }, { type: 'call', name: 'ls', args: { path: '.' } }],
      usage: { prompt: 40, cached: 10, candidates: 12, thoughts: 5 },
    };
    fake.enqueue(reply);
    const streamed = await collectStream(adapter.stream(request, 'gemini-2.5-pro', account(), testCallContext()));
    fake.enqueue(reply);
    const events = readEventBatches(adapter.stream({ ...request, stream: false }, 'gemini-2.5-pro', account(), testCallContext({ wholeAnswer: true })));
    const batches: StreamEvent[][] = [];
    for (let next = await events.next(); !next.done; next = await events.next()) batches.push(next.value);
    expect(fake.requests.at(-1)!.path).toBe('/v1beta/models/gemini-2.5-pro:generateContent');
    expect(batches).toHaveLength(1);
    const whole = await collectStream((async function* () {
      yield* batches[0]!;
    })());
    expect({ ...whole, content: whole.content.map((part) => (part.type === 'tool-call' ? { ...part, id: 'call' } : part)) }).toEqual({
      ...streamed,
      id: whole.id,
      content: streamed.content.map((part) => (part.type === 'tool-call' ? { ...part, id: 'call' } : part)),
    });
  });

  it('throws a refusal of an answer taken whole before any event, so the call can fail over', async () => {
    fake.enqueue(geminiError(429, 'RESOURCE_EXHAUSTED', 'Quota exceeded for quota metric per minute.'));
    const result = await collectStream(adapter.stream(request, 'gemini-2.5-pro', account(), testCallContext({ wholeAnswer: true }))).catch((error: unknown) => error);
    expect(result).toBeInstanceOf(UpstreamRateLimitedError);
  });

  it('treats a stream cut before its finish as a failure, not an answer', async () => {
    fake.enqueue({ kind: 'reply', parts: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }], cutAfterChunks: 1 });
    const result = await collectStream(adapter.stream(request, 'gemini-2.5-pro', account(), testCallContext())).catch((error: unknown) => error);
    expect(result).toBeInstanceOf(Error);
  });

  it('lists the models that generate content', async () => {
    expect(await adapter.listModels!(account(), testCallContext())).toEqual(['gemini-2.5-pro', 'gemini-2.5-flash', 'gemini-3-pro-preview']);
    expect(await adapter.fetchBalance!(account(), testCallContext())).toBeNull();
  });
});
