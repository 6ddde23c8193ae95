import { describe, expect, it } from 'vitest';
import { claudeCodeRequest, claudeCodeSessionId } from '../../../tests/fixtures/claude-code-request.js';
import { parseAnthropicMessagesRequest } from '../../formats/anthropic/parse-anthropic-messages-request.js';
import type { ConversionWarning } from '../../core/warning.js';
import { amazonQFlavours } from './amazonq-flavour.js';
import { buildAmazonQRequest, maxRequestBodyBytes } from './build-request.js';
import { mapAmazonQModelId } from './map-amazonq-model-id.js';
import { ToolNameMap } from './shorten-tool-name.js';

/** Walks a JSON value and reports every null. */
const hasNull = (value: unknown): boolean =>
  value === null || (typeof value === 'object' && Object.values(value as Record<string, unknown>).some(hasNull));

describe('buildAmazonQRequest with a Claude Code request', () => {
  it('produces a body that follows every history rule', () => {
    const { request } = parseAnthropicMessagesRequest(claudeCodeRequest({ model: 'claude-sonnet-4-5-20250929' }));
    const warnings: ConversionWarning[] = [];
    const body = buildAmazonQRequest(request, {
      flavour: amazonQFlavours.kiro,
      modelId: mapAmazonQModelId(request.model),
      sessionId: claudeCodeSessionId,
      toolNames: new ToolNameMap(),
      warnings,
    });
    const serialized = JSON.stringify(body);
    expect(Buffer.byteLength(serialized)).toBeLessThanOrEqual(maxRequestBodyBytes);
    expect(hasNull(body)).toBe(false);
    expect(body.conversationState.conversationId).toBe(claudeCodeSessionId);

    const history = body.conversationState.history ?? [];
    history.forEach((entry, index) => expect('userInputMessage' in entry).toBe(index % 2 === 0));
    expect(history.length % 2).toBe(0);
    for (const entry of history) {
      if ('userInputMessage' in entry) {
        expect(entry.userInputMessage.content.length).toBeGreaterThan(0);
        expect(entry.userInputMessage.modelId).toBe('claude-sonnet-4.5');
        expect(entry.userInputMessage.userInputMessageContext?.tools).toBeUndefined();
      } else {
        expect(entry.assistantResponseMessage.content.length).toBeGreaterThan(0);
      }
    }

    const current = body.conversationState.currentMessage.userInputMessage;
    const tools = current.userInputMessageContext?.tools ?? [];
    expect(tools.length).toBeGreaterThan(10);
    for (const tool of tools) {
      expect(tool.toolSpecification.name.length).toBeLessThanOrEqual(64);
      expect(tool.toolSpecification.description.length).toBeLessThanOrEqual(10_000);
      expect(tool.toolSpecification.inputSchema.json.type).toBe('object');
      expect(JSON.stringify(tool.toolSpecification.inputSchema.json)).not.toContain('$schema');
    }
    const declared = new Set(tools.map((tool) => tool.toolSpecification.name.toLowerCase()));
    const pending = new Set<string>();
    for (const entry of [...history, body.conversationState.currentMessage]) {
      if ('assistantResponseMessage' in entry) {
        for (const use of entry.assistantResponseMessage.toolUses ?? []) {
          expect(declared.has(use.name.toLowerCase())).toBe(true);
          pending.add(use.toolUseId);
        }
      } else {
        const answered = entry.userInputMessage.userInputMessageContext?.toolResults?.map((result) => result.toolUseId) ?? [];
        expect(new Set(answered)).toEqual(pending);
        pending.clear();
      }
    }
  });
});
