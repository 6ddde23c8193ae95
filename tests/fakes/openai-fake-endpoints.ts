import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { chunk, type SseFrame } from './anthropic-fake-events.js';
import { writeFrames } from './anthropic-fake.js';

/**
 * `/embeddings` and the legacy `/completions` of the fake OpenAI API, in the documented wire format.
 * Answers are derived from the input (no script needed): each text's vector comes from a hash of
 * it, a completion echoes its prompt, and usage counts words, so tests can predict every figure.
 */

type Json = Record<string, unknown>;

const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;
const badRequest = (response: ServerResponse, message: string, param: string): void => {
  response.writeHead(400, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ error: { message, type: 'invalid_request_error', param, code: null } }));
};

/** A deterministic unit-length vector for a text. */
export function fakeEmbedding(text: string, dimensions: number): number[] {
  const values: number[] = [];
  for (let block = 0; values.length < dimensions; block += 1) {
    const digest = createHash('sha256').update(`${block}:${text}`).digest();
    for (let offset = 0; offset + 1 < digest.length && values.length < dimensions; offset += 2) values.push(digest.readInt16LE(offset) / 32768);
  }
  const norm = Math.sqrt(values.reduce((sum, value) => sum + value * value, 0)) || 1;
  return values.map((value) => Math.fround(value / norm));
}

const embeddingInputs = (input: unknown): string[] | undefined => {
  if (typeof input === 'string') return [input];
  if (Array.isArray(input) && input.length > 0) {
    // Token arrays (numbers) stand for text too; they count one token per number.
    return input.map((item) => (typeof item === 'string' ? item : Array.isArray(item) ? item.map(() => 'x').join(' ') : 'x'));
  }
  return undefined;
};

/** POST /embeddings: `float` arrays, or `base64` (little-endian float32, what the openai SDK asks for by default). */
export function answerEmbeddings(body: Json, response: ServerResponse): void {
  if (typeof body.model !== 'string') return badRequest(response, 'you must provide a model parameter', 'model');
  const inputs = embeddingInputs(body.input);
  if (!inputs) return badRequest(response, "'input' must be a non-empty string or array", 'input');
  const dimensions = typeof body.dimensions === 'number' ? body.dimensions : 8;
  const base64 = body.encoding_format === 'base64';
  const data = inputs.map((text, index) => {
    const vector = fakeEmbedding(text, dimensions);
    const embedding = base64 ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
    return { object: 'embedding', index, embedding };
  });
  const promptTokens = inputs.reduce((sum, text) => sum + words(text), 0);
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ object: 'list', data, model: body.model, usage: { prompt_tokens: promptTokens, total_tokens: promptTokens } }));
}

/** The text the fake completes a prompt with. */
export const fakeCompletion = (prompt: string, choice: number): string => ` continued (${choice}): ${prompt.slice(0, 40)}`;

/** POST /completions: one choice per prompt × `n`, streamed as `text_completion` chunks or whole. */
export async function answerCompletions(body: Json, response: ServerResponse, id: string): Promise<void> {
  if (typeof body.model !== 'string') return badRequest(response, 'you must provide a model parameter', 'model');
  const prompts = typeof body.prompt === 'string' ? [body.prompt] : Array.isArray(body.prompt) && body.prompt.every((item) => typeof item === 'string') ? (body.prompt as string[]) : undefined;
  if (!prompts || prompts.length === 0) return badRequest(response, "'prompt' must be a string or an array of strings", 'prompt');
  const n = typeof body.n === 'number' ? body.n : 1;
  const texts = prompts.flatMap((prompt) => Array.from({ length: n }, (_unused, choice) => fakeCompletion(prompt, choice)));
  const usage = {
    prompt_tokens: prompts.reduce((sum, prompt) => sum + words(prompt), 0),
    completion_tokens: texts.reduce((sum, text) => sum + words(text), 0),
  };
  const totals = { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens };
  const created = Math.floor(Date.now() / 1000);
  const head = { id, object: 'text_completion', created, model: body.model, system_fingerprint: 'fp_fake' };
  if (body.stream !== true) {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ ...head, choices: texts.map((text, index) => ({ text, index, logprobs: null, finish_reason: 'stop' })), usage: totals }));
    return;
  }
  const includeUsage = (body.stream_options as { include_usage?: unknown } | undefined)?.include_usage === true;
  const frames: SseFrame[] = [];
  texts.forEach((text, index) => {
    for (const piece of chunk(text, 6)) frames.push({ event: 'chunk', data: { ...head, choices: [{ text: piece, index, logprobs: null, finish_reason: null }], ...(includeUsage ? { usage: null } : {}) } });
    frames.push({ event: 'chunk', data: { ...head, choices: [{ text: '', index, logprobs: null, finish_reason: 'stop' }], ...(includeUsage ? { usage: null } : {}) } });
  });
  if (includeUsage) frames.push({ event: 'chunk', data: { ...head, choices: [], usage: totals } });
  frames.push({ event: 'done', data: '[DONE]' });
  response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  if (await writeFrames(response, frames, { named: false })) response.end();
}

/** `n` > 1 on chat: the one scripted choice repeated under each index, in a whole answer or in each chunk. */
export function withChoiceCount<Payload>(payload: Payload, n: number): Payload {
  if (n <= 1 || typeof payload !== 'object' || payload === null) return payload;
  const choices = (payload as { choices?: unknown }).choices;
  if (!Array.isArray(choices) || choices.length !== 1) return payload;
  const only = choices[0] as Json;
  return { ...payload, choices: Array.from({ length: n }, (_unused, index) => ({ ...only, index })) };
}
