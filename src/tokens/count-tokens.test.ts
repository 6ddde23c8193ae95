import { describe, expect, it } from 'vitest';
import { parseAnthropicMessagesRequest } from '../formats/anthropic/parse-anthropic-messages-request.js';
import { parseOpenAIChatRequest } from '../formats/openai/parse-openai-chat-request.js';
import { claudeCodeLikeRequest } from './__fixtures__/claude-code-like-request.js';
import { pngHeader, toBase64 } from './__fixtures__/image-headers.js';
import { countTextTokens } from './count-text-tokens.js';
import { countTokens } from './count-tokens.js';
import { tokensPerPdfPage } from './estimate-document-tokens.js';

const countAnthropic = (body: unknown) => countTokens(parseAnthropicMessagesRequest(body).request);
const weatherTool = {
  name: 'get_weather',
  description: 'Get the current weather in a given location',
  input_schema: {
    type: 'object',
    properties: { location: { type: 'string', description: 'The city and state, e.g. San Francisco, CA' } },
    required: ['location'],
  },
};

/** Within `tolerance` (a fraction) of a reference count. */
const near = (actual: number, reference: number, tolerance: number) => Math.abs(actual - reference) / reference <= tolerance;

describe('countTokens against the examples in Anthropic’s token-counting guide', () => {
  it('basic message: reference 14', () => {
    const count = countAnthropic({ model: 'm', system: 'You are a scientist', messages: [{ role: 'user', content: 'Hello, Claude' }] });
    expect(count).toMatchInlineSnapshot(`18`);
    // Per-message overhead dominates a tiny request; a few tokens over is harmless.
    expect(count - 14).toBeGreaterThanOrEqual(0);
    expect(count - 14).toBeLessThanOrEqual(5);
  });

  it('one tool: reference 403 (includes the tool-use system prompt)', () => {
    const count = countAnthropic({ model: 'm', tools: [weatherTool], messages: [{ role: 'user', content: "What's the weather like in San Francisco?" }] });
    expect(count).toMatchInlineSnapshot(`414`);
    expect(near(count, 403, 0.1)).toBe(true);
  });

  it('earlier-turn thinking is not counted: reference 88 (our o200k count runs low here)', () => {
    const count = countAnthropic({
      model: 'm',
      thinking: { type: 'adaptive' },
      messages: [
        { role: 'user', content: 'Are there an infinite number of prime numbers such that n mod 4 == 3?' },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: "This is a nice number theory question. Let's think about it step by step...", signature: 'EuYBCkQYAiJA' },
            { type: 'text', text: 'Yes, there are infinitely many prime numbers p such that p mod 4 = 3...' },
          ],
        },
        { role: 'user', content: 'Can you write a formal proof?' },
      ],
    });
    expect(count).toMatchInlineSnapshot(`59`);
    expect(near(count, 88, 0.4)).toBe(true);
  });
});

describe('countTokens on real-sized requests', () => {
  it('a coding-agent request with 20 tools and a long system prompt', () => {
    const { request } = parseAnthropicMessagesRequest(claudeCodeLikeRequest);
    expect(request.tools).toHaveLength(20);
    const count = countTokens(request);
    const systemOnly = request.system.reduce((sum, part) => sum + countTextTokens(part.text), 0);
    const schemas = request.tools.reduce((sum, tool) => sum + countTextTokens(JSON.stringify(tool)), 0);
    // Tool schemas and system prompt dominate: a count that ignored them would be off by ~90%.
    expect(systemOnly + schemas).toBeGreaterThan(count * 0.85);
    expect(count).toMatchInlineSnapshot(`4220`);
  });

  it('a short OpenAI chat', () => {
    const { request } = parseOpenAIChatRequest({
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'You are a helpful assistant.' },
        { role: 'user', content: 'What is the capital of France?' },
        { role: 'assistant', content: 'Paris.' },
        { role: 'user', content: 'And of Italy?' },
      ],
    });
    // OpenAI's cookbook formula (num_tokens_from_messages, gpt-4o): 3 per message + role + content, + 3 = 38.
    expect(countTokens(request)).toMatchInlineSnapshot(`38`);
  });

  it('an image request: a 1092×1092 PNG costs ~1590 tokens on top of its text', () => {
    const count = countAnthropic({
      model: 'm',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: toBase64(pngHeader(1092, 1092)) } },
            { type: 'text', text: 'Describe this image' },
          ],
        },
      ],
    });
    expect(count).toMatchInlineSnapshot(`1600`);
  });

  it('counts tool calls, tool results and documents', () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Pages /Count 2 >>\n2 0 obj << /Type /Page >>\n3 0 obj << /Type /Page >>\n').toString('base64');
    const count = countAnthropic({
      model: 'm',
      messages: [
        { role: 'user', content: [{ type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: pdf } }] },
        { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'search', input: { query: 'tokens' } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'one result' }] },
      ],
    });
    expect(count).toBeGreaterThan(2 * tokensPerPdfPage);
    expect(count).toBeLessThan(2 * tokensPerPdfPage + 40);
  });

  it('counts reasoning only in the assistant turn still in progress', () => {
    const thinking = 'a long chain of thought '.repeat(50);
    const body = (followUp: unknown) => ({
      model: 'm',
      messages: [
        { role: 'user', content: 'go' },
        { role: 'assistant', content: [{ type: 'thinking', thinking, signature: 's' }, { type: 'tool_use', id: 't', name: 'x', input: {} }] },
        followUp,
      ],
    });
    const inLoop = countAnthropic(body({ role: 'user', content: [{ type: 'tool_result', tool_use_id: 't', content: 'ok' }] }));
    const newTurn = countAnthropic(body({ role: 'user', content: [{ type: 'tool_result', tool_use_id: 't', content: 'ok' }, { type: 'text', text: 'ok' }] }));
    expect(inLoop - newTurn).toBeGreaterThan(countTextTokens(thinking) - 5);
  });
});
