import { GoogleGenAI } from '@google/genai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningFake } from './anthropic-fake.js';
import { fakeGeminiKey, startFakeGemini } from './gemini-fake.js';
import { fakeThoughtSignature } from './gemini-fake-replies.js';
import { geminiCall, geminiText, type GeminiFakeScenario } from './gemini-fake-scenario.js';

/** The fake checked against the official SDK pointed straight at it, before anything of ours relies on it. */
describe('fake Gemini API, read by the official @google/genai SDK', () => {
  let fake: RunningFake<GeminiFakeScenario>;
  let client: GoogleGenAI;
  beforeAll(async () => {
    fake = await startFakeGemini();
    client = new GoogleGenAI({ apiKey: fakeGeminiKey, httpOptions: { baseUrl: fake.url } });
  });
  afterAll(() => fake.close());

  it('answers generateContent with text and usage', async () => {
    fake.enqueue(geminiText('Hi there', { prompt: 5, candidates: 2, thoughts: 3 }));
    const response = await client.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Hello' });
    expect(response.text).toBe('Hi there');
    expect(response.usageMetadata).toMatchObject({ promptTokenCount: 5, candidatesTokenCount: 2, thoughtsTokenCount: 3, totalTokenCount: 10 });
    expect(fake.requests.at(-1)?.headers['x-goog-api-key']).toBe(fakeGeminiKey);
  });

  it('streams text over SSE and a function call with its thought signature', async () => {
    fake.enqueue({ kind: 'reply', parts: [{ type: 'text', text: 'Let me ' }, { type: 'text', text: 'look.' }, { type: 'call', name: 'ls', args: { path: '.' } }] });
    const chunks = [];
    for await (const chunk of await client.models.generateContentStream({ model: 'gemini-3-pro-preview', contents: 'List files' })) chunks.push(chunk);
    expect(chunks.map((chunk) => chunk.text ?? '').join('')).toBe('Let me look.');
    const call = chunks.at(-1)?.candidates?.[0]?.content?.parts?.[0];
    expect(call).toMatchObject({ functionCall: { name: 'ls', args: { path: '.' } }, thoughtSignature: fakeThoughtSignature });
    expect(chunks.at(-1)?.candidates?.[0]?.finishReason).toBe('STOP');
    expect(fake.requests.at(-1)?.path).toContain(':streamGenerateContent?alt=sse');
  });

  it('takes the function response back, and refuses a Gemini 3 call replayed without its signature', async () => {
    fake.enqueue(geminiText('There is one file.'));
    const contents = [
      { role: 'user', parts: [{ text: 'List files' }] },
      { role: 'model', parts: [{ functionCall: { name: 'ls', args: {} }, thoughtSignature: fakeThoughtSignature }] },
      { role: 'user', parts: [{ functionResponse: { name: 'ls', response: { output: 'a.txt' } } }] },
    ];
    const answer = await client.models.generateContent({ model: 'gemini-3-pro-preview', contents });
    expect(answer.text).toBe('There is one file.');
    const unsigned = contents.map((content) => (content.role === 'model' ? { role: 'model', parts: [{ functionCall: { name: 'ls', args: {} } }] } : content));
    await expect(client.models.generateContent({ model: 'gemini-3-pro-preview', contents: unsigned })).rejects.toThrow(/thought_signature/);
  });

  it('refuses a wrong key the way Google does', async () => {
    const stranger = new GoogleGenAI({ apiKey: 'AIza-wrong', httpOptions: { baseUrl: fake.url } });
    await expect(stranger.models.generateContent({ model: 'gemini-2.5-flash', contents: 'x' })).rejects.toThrow(/API key not valid/);
  });

  it('lists models', async () => {
    const pager = await client.models.list();
    const names = [];
    for await (const model of pager) names.push(model.name);
    expect(names).toContain('models/gemini-2.5-pro');
  });

  it('streams a tool call scenario built by the helper', async () => {
    fake.enqueue(geminiCall('read', { file: 'x' }, 'Reading.'));
    const chunks = [];
    for await (const chunk of await client.models.generateContentStream({ model: 'gemini-2.5-pro', contents: 'read x' })) chunks.push(chunk);
    expect(chunks.flatMap((chunk) => chunk.functionCalls ?? [])).toEqual([{ name: 'read', args: { file: 'x' } }]);
  });
});
