import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import { parseGeminiRequest } from './parse-gemini-request.js';

describe('parseGeminiRequest', () => {
  it('maps system instruction, text turns and generation config', () => {
    const { request, includeThoughts } = parseGeminiRequest(
      {
        systemInstruction: { parts: [{ text: 'Be brief.' }] },
        contents: [
          { role: 'user', parts: [{ text: 'Hi' }] },
          { role: 'model', parts: [{ text: 'Hello!' }] },
          { role: 'user', parts: [{ text: 'Again' }] },
        ],
        generationConfig: { maxOutputTokens: 100, temperature: 0.2, topP: 0.9, topK: 40, stopSequences: ['END'], thinkingConfig: { thinkingBudget: 2048, includeThoughts: true } },
      },
      'gemini-2.5-pro',
      true,
    );
    expect(request).toMatchObject({
      model: 'gemini-2.5-pro',
      stream: true,
      system: [{ type: 'text', text: 'Be brief.' }],
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
        { role: 'assistant', content: [{ type: 'text', text: 'Hello!' }] },
        { role: 'user', content: [{ type: 'text', text: 'Again' }] },
      ],
      maxOutputTokens: 100,
      temperature: 0.2,
      topP: 0.9,
      topK: 40,
      stopSequences: ['END'],
      reasoning: { mode: 'enabled', budgetTokens: 2048 },
    });
    expect(includeThoughts).toBe(true);
  });

  it('pairs function calls without ids with their responses by name, in order', () => {
    const { request } = parseGeminiRequest(
      {
        contents: [
          { role: 'user', parts: [{ text: 'Weather in Paris and Tokyo?' }] },
          {
            role: 'model',
            parts: [
              { functionCall: { name: 'get_weather', args: { city: 'Paris' } }, thoughtSignature: 'sig' },
              { functionCall: { name: 'get_weather', args: { city: 'Tokyo' } } },
            ],
          },
          {
            role: 'user',
            parts: [
              { functionResponse: { name: 'get_weather', response: { output: 'sunny' } } },
              { functionResponse: { name: 'get_weather', response: { temperature: 21 } } },
            ],
          },
        ],
      },
      'm',
      false,
    );
    const [, model, results] = request.messages;
    expect(model).toEqual({
      role: 'assistant',
      content: [
        { type: 'reasoning', text: '', signature: 'sig' },
        { type: 'tool-call', id: 'call_1_0', name: 'get_weather', input: { city: 'Paris' } },
        { type: 'tool-call', id: 'call_1_1', name: 'get_weather', input: { city: 'Tokyo' } },
      ],
    });
    expect(results).toEqual({
      role: 'user',
      content: [
        { type: 'tool-result', toolCallId: 'call_1_0', content: [{ type: 'text', text: 'sunny' }] },
        { type: 'tool-result', toolCallId: 'call_1_1', content: [{ type: 'text', text: '{"temperature":21}' }] },
      ],
    });
  });

  it('keeps client ids on calls and responses (Gemini CLI sends its own)', () => {
    const { request } = parseGeminiRequest(
      {
        contents: [
          { role: 'user', parts: [{ text: 'List files' }] },
          { role: 'model', parts: [{ functionCall: { id: 'cli-1', name: 'ls', args: {} } }] },
          { role: 'user', parts: [{ functionResponse: { id: 'cli-1', name: 'ls', response: { output: 'a.txt' } } }] },
        ],
      },
      'm',
      false,
    );
    expect(request.messages[1]?.content[0]).toMatchObject({ type: 'tool-call', id: 'cli-1' });
    expect(request.messages[2]?.content[0]).toMatchObject({ type: 'tool-result', toolCallId: 'cli-1' });
  });

  it('converts OpenAPI-subset parameters and takes parametersJsonSchema as is', () => {
    const { request } = parseGeminiRequest(
      {
        contents: [{ role: 'user', parts: [{ text: 'x' }] }],
        tools: [
          {
            functionDeclarations: [
              { name: 'a', description: 'A', parameters: { type: 'OBJECT', properties: { n: { type: 'INTEGER', nullable: true } }, required: ['n'], propertyOrdering: ['n'] } },
              { name: 'b', parametersJsonSchema: { type: 'object', properties: { s: { type: 'string' } } } },
            ],
          },
          { googleSearch: {} },
        ],
        toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['b'] } },
      },
      'm',
      false,
    );
    expect(request.tools).toEqual([{ name: 'b', inputSchema: { type: 'object', properties: { s: { type: 'string' } } } }]);
    expect(request.toolChoice).toEqual({ type: 'tool', name: 'b' });
    const all = parseGeminiRequest(
      { contents: [{ role: 'user', parts: [{ text: 'x' }] }], tools: [{ functionDeclarations: [{ name: 'a', parameters: { type: 'OBJECT', properties: { n: { type: 'INTEGER', nullable: true } } } }] }] },
      'm',
      false,
    );
    expect(all.request.tools[0]?.inputSchema).toEqual({ type: 'object', properties: { n: { type: ['integer', 'null'] } } });
  });

  it('maps structured output and thinking switches', () => {
    const schema = { type: 'object', properties: { answer: { type: 'string' } } };
    const json = parseGeminiRequest({ contents: [{ parts: [{ text: 'x' }] }], generationConfig: { responseMimeType: 'application/json', responseJsonSchema: schema, thinkingConfig: { thinkingBudget: 0 } } }, 'm', false);
    expect(json.request.responseFormat).toEqual({ type: 'json-schema', name: 'response', schema });
    expect(json.request.reasoning).toEqual({ mode: 'disabled' });
    const object = parseGeminiRequest({ contents: [{ parts: [{ text: 'x' }] }], generationConfig: { responseMimeType: 'application/json', thinkingConfig: { thinkingBudget: -1 } } }, 'm', false);
    expect(object.request.responseFormat).toEqual({ type: 'json-object' });
    expect(object.request.reasoning).toEqual({ mode: 'adaptive' });
  });

  it('turns inline images and PDFs into media parts and warns about what it drops', () => {
    const { request, warnings } = parseGeminiRequest(
      {
        contents: [
          {
            role: 'user',
            parts: [
              { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } },
              { inlineData: { mimeType: 'application/pdf', data: 'JVBERi0=' } },
              { inlineData: { mimeType: 'audio/wav', data: 'UklGRg==' } },
              { text: 'What is this?' },
            ],
          },
        ],
        safetySettings: [{ category: 'HARM_CATEGORY_HATE_SPEECH', threshold: 'BLOCK_NONE' }],
      },
      'm',
      false,
    );
    expect(request.messages[0]?.content.map((part) => part.type)).toEqual(['image', 'document', 'text']);
    expect(warnings.map((warning) => warning.feature)).toEqual(['safetySettings', 'inlineData']);
  });

  it('refuses bad bodies with a 400 naming the field', () => {
    expect(() => parseGeminiRequest({ contents: [] }, 'm', false)).toThrow(InvalidRequestError);
    expect(() => parseGeminiRequest({ contents: [{ parts: [{ text: 1 }] }] }, 'm', false)).toThrow(/contents\[0\]\.parts\[0\]\.text/);
    expect(() => parseGeminiRequest({ contents: [{ parts: [{ text: 'x' }] }], generationConfig: { candidateCount: 2 } }, 'm', false)).toThrow(/candidateCount/);
  });
});
