import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '../core/chat-request.js';
import { RequestContent, type ParsedChatRequest } from './request-content.js';

const bytes = new TextEncoder().encode('{"model":"m","stream":true}');
const parse = (from: Uint8Array): ParsedChatRequest => {
  const rawBody = JSON.parse(new TextDecoder().decode(from)) as Record<string, unknown>;
  const request: ChatRequest = { model: String(rawBody.model), system: [], messages: [], tools: [], stream: rawBody.stream === true };
  return { rawBody, request };
};

function counting(): { parseAgain: (from: Uint8Array) => ParsedChatRequest; calls: Uint8Array[] } {
  const calls: Uint8Array[] = [];
  return { calls, parseAgain: (from) => (calls.push(from), parse(from)) };
}

describe('RequestContent', () => {
  it('gives the forms it was made with, without parsing again', () => {
    const first = parse(bytes);
    const reading = counting();
    const content = new RequestContent(first, bytes, reading.parseAgain);
    expect(content.request).toBe(first.request);
    expect(content.rawBody).toBe(first.rawBody);
    expect(content.bytes).toBe(bytes);
    expect(reading.calls).toHaveLength(0);
  });

  it('lets the parsed forms go and parses the same bytes again once, on the next read', () => {
    const first = parse(bytes);
    const reading = counting();
    const content = new RequestContent(first, bytes, reading.parseAgain);
    expect(content.letGo()).toBe(true);
    // Not parsed again until read.
    expect(reading.calls).toHaveLength(0);
    expect(content.bytes).toBe(bytes);
    expect(content.rawBody).toEqual(first.rawBody);
    expect(content.rawBody).not.toBe(first.rawBody);
    expect(content.request).toEqual(first.request);
    expect(reading.calls).toEqual([bytes]);
  });

  it('keeps the parsed forms where it could not make them again', () => {
    const first = parse(bytes);
    const withoutParser = new RequestContent(first, bytes);
    const withoutBytes = new RequestContent(first, undefined, counting().parseAgain);
    expect(withoutParser.letGo()).toBe(false);
    expect(withoutBytes.letGo()).toBe(false);
    expect(withoutParser.request).toBe(first.request);
    expect(withoutBytes.rawBody).toBe(first.rawBody);
  });

  it('forgets every form once the call has its upstream, and says so if read afterwards', () => {
    const content = new RequestContent(parse(bytes), bytes, counting().parseAgain);
    content.forget();
    expect(content.bytes).toBeUndefined();
    expect(() => content.request).toThrow(/after its call had its upstream/);
  });
});
