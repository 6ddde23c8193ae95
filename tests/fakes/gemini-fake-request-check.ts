/**
 * The request rules of the real Gemini API that a converter can break, checked by the fake so that
 * every test through it checks the request shape: a 400 INVALID_ARGUMENT in Google's words otherwise.
 */

interface WireContent {
  role?: string;
  parts?: Array<Record<string, unknown>>;
}

const knownPartFields = new Set(['text', 'thought', 'thoughtSignature', 'inlineData', 'fileData', 'functionCall', 'functionResponse', 'executableCode', 'codeExecutionResult', 'videoMetadata']);
const knownBodyFields = new Set(['contents', 'systemInstruction', 'tools', 'toolConfig', 'generationConfig', 'safetySettings', 'cachedContent', 'labels']);

export function checkGeminiRequest(body: unknown, model: string): string | undefined {
  if (typeof body !== 'object' || body === null) return 'Invalid JSON payload received.';
  const record = body as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!knownBodyFields.has(key)) return `Invalid JSON payload received. Unknown name "${key}": Cannot find field.`;
  const contents = record.contents as WireContent[] | undefined;
  if (!Array.isArray(contents) || contents.length === 0) return '* GenerateContentRequest.contents: contents is not specified';
  for (const [index, content] of contents.entries()) {
    if (content.role !== undefined && content.role !== 'user' && content.role !== 'model') return `Please use a valid role: user, model.`;
    if (!Array.isArray(content.parts) || content.parts.length === 0) return `* GenerateContentRequest.contents[${index}].parts: contents.parts must not be empty.`;
    for (const part of content.parts) {
      for (const key of Object.keys(part)) if (!knownPartFields.has(key)) return `Invalid JSON payload received. Unknown name "${key}" at 'contents[${index}].parts[0]': Cannot find field.`;
      const call = part.functionCall as { name?: unknown } | undefined;
      if (call && content.role !== 'model') return `contents[${index}]: a functionCall may only come from the model.`;
      if (call && typeof call.name !== 'string') return `contents[${index}]: functionCall.name is required.`;
    }
    // Gemini 3: the first function call of each model turn must carry its thought signature.
    if (model.startsWith('gemini-3') && content.role === 'model') {
      const firstCall = content.parts.find((part) => part.functionCall);
      if (firstCall && typeof firstCall.thoughtSignature !== 'string') {
        return `Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly, and missing thought_signature may lead to degraded model performance. Additional data, function call \`default_api:${String((firstCall.functionCall as { name?: unknown }).name)}\` , position ${index + 1}.`;
      }
    }
  }
  const tools = record.tools as Array<{ functionDeclarations?: Array<Record<string, unknown>> }> | undefined;
  for (const tool of tools ?? []) {
    for (const declaration of tool.functionDeclarations ?? []) {
      if (declaration.parameters && declaration.parametersJsonSchema) return 'parameters and parametersJsonSchema are mutually exclusive.';
    }
  }
  return undefined;
}
