import { describe, expect, it } from 'vitest';
import { createPassthroughObserver, type PassthroughObserverOptions } from './passthrough-observer.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (chunks: Uint8Array[]) => chunks.map((chunk) => new TextDecoder().decode(chunk)).join('');

const messageStart = (model: string) =>
  `event: message_start\ndata: {"type":"message_start","message":{"id":"msg_1","model":"${model}","usage":{"input_tokens":12,"output_tokens":1}}}\n\n`;
const delta = (word: string) => `event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"${word}"}}\n\n`;
const messageDelta = 'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":7}}\n\n';

const anthropicStream = (renameModelTo?: string): PassthroughObserverOptions => ({ dialect: 'anthropic', isEventStream: true, renameModelTo, hideUsageChunk: false });

describe('createPassthroughObserver on event streams', () => {
  it('passes the very chunks on once the upstream named the requested model, still reading usage', () => {
    const observer = createPassthroughObserver(anthropicStream('claude-x'));
    expect(text(observer.push(bytes(messageStart('claude-x') + delta('Hi'))))).toBe(messageStart('claude-x') + delta('Hi'));
    const later = bytes(`${delta(' there')}: keep-alive\n\n${messageDelta}`);
    const out = observer.push(later);
    expect(out).toHaveLength(1);
    expect(out[0]).toBe(later);
    expect(observer.end()).toEqual([]);
    expect(observer.usage()).toMatchObject({ inputTokens: 12, outputTokens: 7 });
    expect(observer.firstTokenAt()).not.toBeNull();
  });

  it('renames every event that names another model, keeping the others as they arrived', () => {
    const observer = createPassthroughObserver(anthropicStream('my-alias'));
    const body = messageStart('claude-real-2026') + delta('Hi') + ': ping\n\n' + messageDelta;
    const out = text([...observer.push(bytes(body.slice(0, 50))), ...observer.push(bytes(body.slice(50))), ...observer.end()]);
    expect(out).toBe(messageStart('my-alias') + delta('Hi') + ': ping\n\n' + messageDelta);
    expect(observer.usage()).toMatchObject({ inputTokens: 12, outputTokens: 7 });
  });

  it('keeps rewriting while an event is unfinished, so no byte is sent twice or lost', () => {
    const observer = createPassthroughObserver(anthropicStream('claude-x'));
    const body = messageStart('claude-x') + delta('one') + delta('two') + messageDelta;
    const cut = messageStart('claude-x').length + 10;
    const out = [...observer.push(bytes(body.slice(0, cut))), ...observer.push(bytes(body.slice(cut, cut + 40))), ...observer.push(bytes(body.slice(cut + 40))), ...observer.end()];
    expect(text(out)).toBe(body);
  });

  it('holds back a character cut between chunks until it is whole', () => {
    const observer = createPassthroughObserver(anthropicStream('claude-x'));
    const body = bytes(messageStart('claude-x') + delta('日本') + messageDelta);
    const cut = new TextEncoder().encode(messageStart('claude-x') + delta('日')).length - 10;
    const out = [...observer.push(body.slice(0, cut)), ...observer.push(body.slice(cut)), ...observer.end()];
    expect(Buffer.concat(out).equals(Buffer.from(body))).toBe(true);
  });

  it('hands back the very chunk while rewriting when none of its events changed', () => {
    const observer = createPassthroughObserver({ dialect: 'openai-chat', isEventStream: true, renameModelTo: 'gpt-x', hideUsageChunk: true });
    const chunk = bytes('data: {"id":"c1","model":"gpt-x","choices":[{"index":0,"delta":{"content":"a"}}]}\n\n');
    expect(observer.push(chunk)[0]).toBe(chunk);
  });

  it('keeps a character cut just after an event whole, whatever the next chunk holds', () => {
    const observer = createPassthroughObserver(anthropicStream('claude-x'));
    // A line that starts with a character of three bytes, cut after its first byte.
    const body = bytes(`: ping\n\n日本: ignored field\n\n${messageStart('claude-x')}${delta('x')}`);
    const cut = bytes(': ping\n\n').length + 1;
    const out = [...observer.push(body.slice(0, cut)), ...observer.push(body.slice(cut)), ...observer.end()];
    expect(Buffer.concat(out).equals(Buffer.from(body))).toBe(true);
  });

  it('drops the usage-only chunk it asked for, and reads its usage', () => {
    const observer = createPassthroughObserver({ dialect: 'openai-chat', isEventStream: true, renameModelTo: 'gpt-x', hideUsageChunk: true });
    const chunk = (content: string) => `data: {"id":"c1","model":"gpt-x","choices":[{"index":0,"delta":{"content":"${content}"}}]}\n\n`;
    const usage = 'data: {"id":"c1","model":"gpt-x","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}\n\n';
    const out = text([...observer.push(bytes(chunk('a') + chunk('b'))), ...observer.push(bytes(usage + 'data: [DONE]\n\n')), ...observer.end()]);
    expect(out).toBe(chunk('a') + chunk('b') + 'data: [DONE]\n\n');
    expect(observer.usage()).toMatchObject({ inputTokens: 5, outputTokens: 2 });
  });

  it('passes an unended last event on at the end', () => {
    const observer = createPassthroughObserver(anthropicStream('my-alias'));
    const out = text([...observer.push(bytes(messageStart('claude-real') + 'event: message_delta\ndata: {"type":"message_delta","usage":{"output_tokens":3}}')), ...observer.end()]);
    expect(out).toBe(messageStart('my-alias') + 'event: message_delta\ndata: {"type":"message_delta","usage":{"output_tokens":3}}');
    expect(observer.usage()).toMatchObject({ outputTokens: 3 });
  });
});

describe('createPassthroughObserver on whole JSON answers', () => {
  const json = (options: Partial<PassthroughObserverOptions>) =>
    createPassthroughObserver({ dialect: 'anthropic', isEventStream: false, hideUsageChunk: false, ...options });
  const answer = (model: string, input = '{"city":"Paris"}') =>
    `{"id":"msg_1","type":"message","model":"${model}","content":[{"type":"tool_use","id":"t1","name":"lookup","input":${input}}],"usage":{"input_tokens":4,"output_tokens":9}}`;

  it('names the requested model in the very bytes of the answer, and reads its usage', () => {
    const observer = json({ renameModelTo: 'my-alias' });
    // Escapes and number forms that serialising afresh would change stay as the upstream wrote them.
    const input = '{"city":"Par\\u00eds","days":2.50}';
    const out = observer.whole(bytes(answer('claude-real', input)), JSON.parse(answer('claude-real', input)) as Record<string, unknown>);
    expect(new TextDecoder().decode(out)).toBe(answer('my-alias', input));
    expect(observer.usage()).toMatchObject({ inputTokens: 4, outputTokens: 9 });
  });

  it('keeps the bytes when the upstream named the requested model, and renames only the answer’s own field', () => {
    expect(new TextDecoder().decode(json({ renameModelTo: 'claude-real' }).whole(bytes(answer('claude-real')), JSON.parse(answer('claude-real')) as Record<string, unknown>))).toBe(answer('claude-real'));
    // A tool input of the same name and value before the answer's field: serialised afresh, the input untouched.
    const text = `{"content":[{"type":"tool_use","input":{"model":"claude-real"}}],"model":"claude-real"}`;
    const out = json({ renameModelTo: 'my-alias' }).whole(bytes(text), JSON.parse(text) as Record<string, unknown>);
    expect(JSON.parse(new TextDecoder().decode(out))).toEqual({ content: [{ type: 'tool_use', input: { model: 'claude-real' } }], model: 'my-alias' });
  });
});
