import { describe, expect, it } from 'vitest';
import { clientFormatOf } from './client-format-of.js';

const signals = (path: string, headers: Record<string, string> = {}, query: Record<string, string> = {}) => ({
  path,
  header: (name: string) => headers[name.toLowerCase()],
  query: (name: string) => query[name],
});

describe('clientFormatOf', () => {
  it.each([
    ['an Anthropic client on any path', signals('/v1/models', { 'anthropic-version': '2023-06-01' }), 'anthropic'],
    ['an Anthropic client on an unknown path', signals('/nowhere', { 'anthropic-version': '2023-06-01' }), 'anthropic'],
    ['a Gemini key header', signals('/v1/models', { 'x-goog-api-key': 'k' }), 'gemini'],
    ['a Gemini ?key=', signals('/v1beta/models/gemini-pro:generateContent', {}, { key: 'k' }), 'gemini'],
    ['a Gemini path alone', signals('/v1beta/models'), 'gemini'],
    ['the Messages path alone', signals('/v1/messages'), 'anthropic'],
    ['other /v1 paths', signals('/v1/embeddings', { authorization: 'Bearer k' }), 'openai'],
    ['no signal and no client path', signals('/nowhere'), 'admin'],
    ['admin routes, whatever the headers', signals('/admin/settings', { 'anthropic-version': '2023-06-01' }), 'admin'],
  ] as const)('%s → %s', (_name, request, expected) => {
    expect(clientFormatOf(request)).toBe(expected);
  });
});
