import type { ToolChoice, ToolDefinition } from '../../core/chat-request.js';
import type { ConversionWarning } from '../../core/warning.js';
import { geminiSchemaToJsonSchema } from './convert-gemini-schema.js';
import type { GeminiRequestBody } from './gemini-request-schema.js';

const emptySchema = (): Record<string, unknown> => ({ type: 'object', properties: {} });

/** `tools[].functionDeclarations` → canonical tools. Built-in tools (search, code execution…) are dropped with a warning. */
export function convertGeminiTools(body: GeminiRequestBody, warnings: ConversionWarning[]): ToolDefinition[] {
  const definitions: ToolDefinition[] = [];
  (body.tools ?? []).forEach((tool, index) => {
    for (const declaration of tool.functionDeclarations ?? []) {
      const schema = declaration.parametersJsonSchema ?? (declaration.parameters ? geminiSchemaToJsonSchema(declaration.parameters) : emptySchema());
      definitions.push({
        name: declaration.name,
        ...(declaration.description ? { description: declaration.description } : {}),
        inputSchema: schema,
      });
    }
    const others = Object.keys(tool).filter((key) => key !== 'functionDeclarations');
    if (others.length > 0) {
      warnings.push({ feature: `tool:${others.join(',')}`, detail: `tools[${index}]: only function declarations can be served here; built-in tools dropped` });
    }
  });
  return definitions;
}

/**
 * `toolConfig.functionCallingConfig` → canonical tool choice. `allowedFunctionNames` narrows the tool
 * list (one name with ANY forces that tool); VALIDATED is served as AUTO.
 */
export function convertGeminiToolChoice(
  body: GeminiRequestBody,
  tools: ToolDefinition[],
  warnings: ConversionWarning[],
): { toolChoice?: ToolChoice; tools: ToolDefinition[] } {
  const config = body.toolConfig?.functionCallingConfig;
  if (!config) return { tools };
  const allowed = config.allowedFunctionNames ?? [];
  const narrowed = allowed.length > 0 ? tools.filter((tool) => allowed.includes(tool.name)) : tools;
  switch (config.mode ?? 'AUTO') {
    case 'NONE':
      return { toolChoice: { type: 'none' }, tools };
    case 'ANY':
      if (narrowed.length === 1) return { toolChoice: { type: 'tool', name: narrowed[0]!.name }, tools: narrowed };
      return { toolChoice: { type: 'required' }, tools: narrowed };
    case 'VALIDATED':
      warnings.push({ feature: 'functionCallingConfig.mode', detail: 'VALIDATED is served as AUTO' });
      return { toolChoice: { type: 'auto' }, tools: narrowed };
    case 'AUTO':
    case 'MODE_UNSPECIFIED':
      return { toolChoice: { type: 'auto' }, tools: narrowed };
    default: {
      const unreachable: never = config.mode as never;
      return unreachable;
    }
  }
}
