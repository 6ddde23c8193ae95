import type { GeminiFakePart, GeminiFakeScenario } from './gemini-fake-scenario.js';

type Reply = Extract<GeminiFakeScenario, { kind: 'reply' }>;

/** The fake's thought signature: opaque base64, as the real API sends with a function call. */
export const fakeThoughtSignature = Buffer.from('fake-thought-signature').toString('base64');

const wirePart = (part: GeminiFakePart, first: boolean): Record<string, unknown> => {
  switch (part.type) {
    case 'text':
      return { text: part.text };
    case 'thought':
      return { text: part.text, thought: true };
    case 'call':
      return { functionCall: { name: part.name, args: part.args, ...(part.id ? { id: part.id } : {}) }, ...(first ? { thoughtSignature: fakeThoughtSignature } : {}) };
    default: {
      const unreachable: never = part;
      return unreachable;
    }
  }
};

const usageMetadata = (scenario: Reply, complete: boolean) => {
  const usage = scenario.usage ?? { prompt: 11, candidates: 7 };
  const candidates = complete ? usage.candidates : 0;
  const thoughts = complete ? (usage.thoughts ?? 0) : 0;
  return {
    promptTokenCount: usage.prompt,
    candidatesTokenCount: candidates,
    totalTokenCount: usage.prompt + candidates + thoughts,
    ...(usage.cached ? { cachedContentTokenCount: usage.cached } : {}),
    ...(thoughts ? { thoughtsTokenCount: thoughts } : {}),
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: usage.prompt }],
  };
};

/** One `GenerateContentResponse` per part, as the real API streams (usage repeated, growing; totals last). */
export function geminiChunks(scenario: Reply, model: string, responseId: string): unknown[] {
  const parts = scenario.parts.length > 0 ? scenario.parts : [{ type: 'text' as const, text: '' }];
  let signed = false;
  return parts.map((part, index) => {
    const last = index === parts.length - 1;
    const first = part.type === 'call' && !signed;
    if (part.type === 'call') signed = true;
    return {
      candidates: [
        {
          content: { parts: [wirePart(part, first)], role: 'model' },
          ...(last ? { finishReason: scenario.finishReason ?? 'STOP' } : {}),
          index: 0,
        },
      ],
      usageMetadata: usageMetadata(scenario, last),
      modelVersion: model,
      responseId,
    };
  });
}

/** The whole answer in one `GenerateContentResponse`. */
export function geminiWhole(scenario: Reply, model: string, responseId: string): unknown {
  let signed = false;
  const parts = scenario.parts.map((part) => {
    const first = part.type === 'call' && !signed;
    if (part.type === 'call') signed = true;
    return wirePart(part, first);
  });
  return {
    candidates: [{ content: { parts, role: 'model' }, finishReason: scenario.finishReason ?? 'STOP', index: 0 }],
    usageMetadata: usageMetadata(scenario, true),
    modelVersion: model,
    responseId,
  };
}
