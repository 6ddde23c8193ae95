import { describe, expect, it } from 'vitest';
import type { AssistantContentPart, ChatMessage, ChatRequest, ToolDefinition, UserContentPart } from '../../core/chat-request.js';
import { amazonQFlavours } from './amazonq-flavour.js';
import type { GenerateAssistantResponseBody } from './amazonq-wire-types.js';
import { buildAmazonQRequest } from './build-request.js';
import { ToolNameMap } from './shorten-tool-name.js';

/** A small seeded generator, so a failing case can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const toolNamePool = ['Bash', 'Read', 'web_search', `mcp__server__${'long_name_'.repeat(8)}`, 'Edit'];

function randomConversation(next: () => number): { messages: ChatMessage[]; tools: ToolDefinition[]; system: string } {
  const pick = <T,>(items: T[]): T => items[Math.floor(next() * items.length)] as T;
  const ids = ['t1', 't2', 't3', 't4'];
  const messages: ChatMessage[] = [];
  const length = 1 + Math.floor(next() * 9);
  for (let index = 0; index < length; index += 1) {
    const roll = next();
    if (roll < 0.45) {
      const content: UserContentPart[] = [];
      if (next() < 0.6) content.push({ type: 'text', text: pick(['hi', '', 'run it', '  ']) });
      const results = Math.floor(next() * 3);
      for (let result = 0; result < results; result += 1) {
        content.push({ type: 'tool-result', toolCallId: pick(ids), content: next() < 0.2 ? [] : [{ type: 'text', text: 'out' }], isError: next() < 0.2 });
      }
      if (next() < 0.1) content.push({ type: 'image', source: { kind: 'base64', mediaType: 'image/png', data: 'AAAA' } });
      messages.push({ role: 'user', content });
    } else if (roll < 0.9) {
      const content: AssistantContentPart[] = [];
      if (next() < 0.5) content.push({ type: 'text', text: pick(['ok', '', 'let me look']) });
      if (next() < 0.2) content.push({ type: 'reasoning', text: 'hmm' });
      const calls = Math.floor(next() * 3);
      for (let call = 0; call < calls; call += 1) {
        content.push({ type: 'tool-call', id: pick(ids), name: pick(toolNamePool), input: next() < 0.2 ? 'not json' : { command: 'ls' } });
      }
      messages.push({ role: 'assistant', content });
    } else {
      messages.push({ role: 'system', content: [{ type: 'text', text: 'be brief' }] });
    }
  }
  const tools: ToolDefinition[] = toolNamePool
    .filter(() => next() < 0.5)
    .map((name) => ({ name, description: next() < 0.3 ? '' : `the ${name} tool`, inputSchema: next() < 0.3 ? { type: 'object', required: null, properties: null } : { type: 'object', properties: { command: { type: 'string' } }, required: ['command', 'missing'] } }));
  return { messages, tools, system: next() < 0.5 ? 'You are helpful.' : '' };
}

/** Every rule of §2.5 of the protocol notes that the service answers with 400 "Improperly formed request". */
function expectWellFormed(body: GenerateAssistantResponseBody): void {
  const text = JSON.stringify(body);
  expect(text).not.toContain('null');
  expect(text).not.toMatch(/:\[\]/);
  const history = body.conversationState.history ?? [];
  const entries = [...history, body.conversationState.currentMessage];
  entries.forEach((entry, index) => {
    const isUser = 'userInputMessage' in entry;
    expect(isUser, `entry ${index} role`).toBe(index % 2 === 0);
    expect(Object.keys(entry)).toHaveLength(1);
  });
  const current = body.conversationState.currentMessage.userInputMessage;
  const declared = new Set((current.userInputMessageContext?.tools ?? []).map((tool) => tool.toolSpecification.name));
  const seenToolUseIds = new Set<string>();
  let expectedIds: string[] = [];
  entries.forEach((entry, index) => {
    if ('assistantResponseMessage' in entry) {
      const message = entry.assistantResponseMessage;
      expect(message.content.trim().length, `assistant ${index} content`).toBeGreaterThan(0);
      expectedIds = (message.toolUses ?? []).map((toolUse) => toolUse.toolUseId);
      for (const toolUse of message.toolUses ?? []) {
        expect(seenToolUseIds.has(toolUse.toolUseId), `duplicate ${toolUse.toolUseId}`).toBe(false);
        seenToolUseIds.add(toolUse.toolUseId);
        expect(declared.has(toolUse.name), `undeclared ${toolUse.name}`).toBe(true);
        expect(toolUse.name.length).toBeLessThanOrEqual(64);
        expect(typeof toolUse.input === 'object' && !Array.isArray(toolUse.input)).toBe(true);
      }
      return;
    }
    const message = entry.userInputMessage;
    expect(message.content.trim().length, `user ${index} content`).toBeGreaterThan(0);
    if (index < entries.length - 1) expect(message.userInputMessageContext?.tools, 'tools only on the current message').toBeUndefined();
    const resultIds = (message.userInputMessageContext?.toolResults ?? []).map((result) => result.toolUseId);
    expect([...resultIds].sort(), `results of entry ${index}`).toEqual([...expectedIds].sort());
    for (const result of message.userInputMessageContext?.toolResults ?? []) {
      expect(result.content.length).toBeGreaterThan(0);
      expect(result.content.every((block) => block.text.trim().length > 0)).toBe(true);
    }
    expectedIds = [];
  });
  for (const tool of current.userInputMessageContext?.tools ?? []) {
    const specification = tool.toolSpecification;
    expect(specification.name.length).toBeLessThanOrEqual(64);
    expect(specification.description.trim().length).toBeGreaterThan(0);
    expect(specification.inputSchema.json).toMatchObject({ type: 'object', properties: expect.any(Object) });
    const required = specification.inputSchema.json.required;
    if (required !== undefined) {
      expect(Array.isArray(required) && required.length > 0).toBe(true);
      for (const name of required as string[]) expect(Object.hasOwn(specification.inputSchema.json.properties as object, name)).toBe(true);
    }
  }
}

describe('buildAmazonQRequest on random conversations (every §2.5 rule)', () => {
  it.each(Array.from({ length: 400 }, (_, seed) => seed))('seed %i builds a well-formed body', (seed) => {
    const next = random(seed);
    const { messages, tools, system } = randomConversation(next);
    const request: ChatRequest = { model: 'claude-sonnet-4.5', system: system ? [{ type: 'text', text: system }] : [], messages, tools, stream: true };
    const body = buildAmazonQRequest(request, {
      flavour: next() < 0.5 ? amazonQFlavours.kiro : amazonQFlavours.amazonq,
      modelId: 'claude-sonnet-4.5',
      toolNames: new ToolNameMap(),
      warnings: [],
      maxBodyBytes: next() < 0.3 ? 1500 : undefined,
    });
    expectWellFormed(body);
  });
});
