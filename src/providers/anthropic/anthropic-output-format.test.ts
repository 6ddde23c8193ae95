import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '../../core/chat-request.js';
import type { ConversionWarning } from '../../core/warning.js';
import { anthropicSupportsResponseFormat } from './anthropic-output-format.js';
import { buildAnthropicRequest } from './build-anthropic-request.js';
import { narrowAnthropicOutputSchema } from './narrow-anthropic-output-schema.js';

const request = (responseFormat: ChatRequest['responseFormat']): ChatRequest => ({
  model: 'client-model',
  system: [],
  messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
  tools: [],
  stream: false,
  responseFormat,
});

describe('Anthropic structured outputs', () => {
  const schema = { type: 'object', properties: { answer: { type: 'integer' } }, required: ['answer'], additionalProperties: false };

  it('sends a JSON schema as output_config.format, with no beta header needed', () => {
    const warnings: ConversionWarning[] = [];
    const body = buildAnthropicRequest(request({ type: 'json-schema', name: 'math', schema, strict: true }), 'claude-sonnet-4-5', warnings);
    expect(body.output_config).toEqual({ format: { type: 'json_schema', schema } });
    expect(warnings).toEqual([]);
    expect(buildAnthropicRequest(request(undefined), 'claude-sonnet-4-5', []).output_config).toBeUndefined();
    expect(buildAnthropicRequest(request({ type: 'text' }), 'claude-sonnet-4-5', []).output_config).toBeUndefined();
  });

  it.each([
    ['json-schema', 'claude-sonnet-4-5', true],
    ['json-schema', 'claude-opus-4-5-20251101', true],
    ['json-schema', 'claude-haiku-4-5', true],
    ['json-schema', 'claude-sonnet-4-6', true],
    ['json-schema', 'claude-sonnet-4-20250514', false],
    ['json-schema', 'claude-opus-4-1', false],
    ['json-schema', 'claude-3-7-sonnet-20250219', false],
    ['json-object', 'claude-sonnet-4-5', false],
  ] as const)('%s on %s: native %s', (format, model, native) => {
    expect(anthropicSupportsResponseFormat(format, model)).toBe(native);
  });

  it('closes every object and moves constraints Anthropic does not enforce into descriptions', () => {
    const warnings: ConversionWarning[] = [];
    const narrowed = narrowAnthropicOutputSchema(
      {
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        properties: {
          age: { type: 'integer', minimum: 0, maximum: 150, description: 'Age in years' },
          tags: { type: 'array', items: { type: 'string', maxLength: 20 }, minItems: 2 },
          when: { type: 'string', format: 'date-time' },
          color: { type: 'string', format: 'hex-color' },
          kind: { oneOf: [{ type: 'string', enum: ['a', 'b'] }, { type: 'object', properties: { x: { type: 'number' } } }] },
        },
        required: ['age'],
        additionalProperties: true,
      },
      warnings,
    );
    expect(narrowed).toEqual({
      type: 'object',
      properties: {
        age: { type: 'integer', description: 'Age in years\n\n{minimum: 0, maximum: 150}' },
        tags: { type: 'array', items: { type: 'string', description: '{maxLength: 20}' }, description: '{minItems: 2}' },
        when: { type: 'string', format: 'date-time' },
        color: { type: 'string', description: '{format: "hex-color"}' },
        kind: { anyOf: [{ type: 'string', enum: ['a', 'b'] }, { type: 'object', properties: { x: { type: 'number' } }, additionalProperties: false }] },
      },
      required: ['age'],
      additionalProperties: false,
    });
    expect(warnings).toEqual([{ feature: 'response_format', detail: expect.stringContaining('minimum, maximum, maxLength, minItems, format') }]);
  });

  it('narrows $defs and keeps references', () => {
    const narrowed = narrowAnthropicOutputSchema(
      { type: 'object', properties: { item: { $ref: '#/$defs/item' } }, $defs: { item: { type: 'object', properties: { id: { type: 'string' } } } } },
      [],
    );
    expect(narrowed.$defs).toEqual({ item: { type: 'object', properties: { id: { type: 'string' } }, additionalProperties: false } });
    expect(narrowed.properties).toEqual({ item: { $ref: '#/$defs/item' } });
  });
});
