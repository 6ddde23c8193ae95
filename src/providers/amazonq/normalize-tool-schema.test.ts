import { describe, expect, it } from 'vitest';
import { normalizeToolSchema } from './normalize-tool-schema.js';

describe('normalizeToolSchema', () => {
  it('turns an empty or missing schema into an empty object schema', () => {
    expect(normalizeToolSchema({})).toEqual({ type: 'object', properties: {} });
    expect(normalizeToolSchema(undefined)).toEqual({ type: 'object', properties: {} });
  });

  it('removes null required/properties and $schema', () => {
    expect(
      normalizeToolSchema({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: null, required: null }),
    ).toEqual({ type: 'object', properties: {} });
  });

  it('keeps only required names that are declared, without duplicates', () => {
    expect(
      normalizeToolSchema({ properties: { path: { type: 'string' } }, required: ['path', 'missing', 'path'] }),
    ).toEqual({ type: 'object', properties: { path: { type: 'string' } }, required: ['path'] });
  });

  it('does not take inherited object keys for declared properties', () => {
    expect(normalizeToolSchema({ properties: { path: { type: 'string' } }, required: ['toString', 'constructor', 'path'] })).toEqual({
      type: 'object',
      properties: { path: { type: 'string' } },
      required: ['path'],
    });
  });

  it('cleans nested schemas too', () => {
    expect(
      normalizeToolSchema({
        type: 'object',
        properties: { options: { type: 'object', properties: { a: { type: 'string', default: null } }, required: [] } },
      }),
    ).toEqual({ type: 'object', properties: { options: { type: 'object', properties: { a: { type: 'string' } } } } });
  });
});

describe('normalizeToolSchema, shapes Q rejects', () => {
  it('inlines local $refs (zod / pydantic $defs and definitions) and drops the definitions', () => {
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'urn:x',
      type: 'object',
      properties: { file: { $ref: '#/$defs/File', description: 'the file' }, mode: { $ref: '#/definitions/Mode' } },
      required: ['file'],
      $defs: { File: { type: 'object', properties: { path: { type: 'string' } }, required: ['path', 'gone'] } },
      definitions: { Mode: { type: 'string', enum: ['r', 'w'] } },
    };
    expect(normalizeToolSchema(schema)).toEqual({
      type: 'object',
      properties: {
        file: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'], description: 'the file' },
        mode: { type: 'string', enum: ['r', 'w'] },
      },
      required: ['file'],
    });
  });

  it('cuts recursive references and turns boolean property schemas into {}', () => {
    const schema = {
      type: 'object',
      properties: { node: { $ref: '#/$defs/Node' }, anything: true },
      $defs: { Node: { type: 'object', properties: { child: { $ref: '#/$defs/Node' } } } },
    };
    expect(normalizeToolSchema(schema)).toEqual({
      type: 'object',
      properties: { node: { type: 'object', properties: { child: {} } }, anything: {} },
    });
  });
});
