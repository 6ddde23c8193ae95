import { describe, expect, it } from 'vitest';
import { renameTopLevelField } from './rename-top-level-field.js';

const rename = (text: string, from = 'claude-x', to = 'my-alias') => renameTopLevelField(Buffer.from(text), 'model', from, to)?.toString('utf8');

describe('renameTopLevelField', () => {
  it('splices the new value over the top-level field, leaving every other byte as it was', () => {
    const text = '{"id":"msg_1","type":"message","model":"claude-x","content":[{"type":"text","text":"日本 \\"model\\":\\"claude-x\\""}],"usage":{"input_tokens":3}}';
    const renamed = rename(text);
    expect(renamed).toBe(text.replace('"model":"claude-x"', '"model":"my-alias"'));
    expect(JSON.parse(renamed!)).toEqual({ ...JSON.parse(text), model: 'my-alias' });
  });

  it('escapes the new value as JSON', () => {
    expect(JSON.parse(rename('{"model":"claude-x"}', 'claude-x', 'a"b\\c\u00e9')!)).toEqual({ model: 'a"b\\c\u00e9' });
  });

  it.each([
    ['a nested field of the same name and value comes first', '{"content":[{"type":"tool_use","input":{"model":"claude-x"}}],"model":"claude-x"}'],
    ['a string before it holds a brace', '{"id":"{x}","model":"claude-x"}'],
    ['the field is spaced', '{"id":"1", "model": "claude-x"}'],
    ['only a key ending in the name matches', '{"\\"model":"claude-x","model":"other"}'],
    ['the value differs', '{"model":"claude-y"}'],
  ])('gives up (the caller serialises) when %s', (_case, text) => {
    expect(rename(text)).toBeUndefined();
  });

  it('takes a Uint8Array that is not a Buffer', () => {
    const bytes = new TextEncoder().encode('{"model":"claude-x","n":1}');
    expect(renameTopLevelField(bytes, 'model', 'claude-x', 'z')?.toString()).toBe('{"model":"z","n":1}');
  });
});
