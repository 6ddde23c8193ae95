import type { ToolChoice, ToolDefinition } from '../../core/chat-request.js';
import type { ConversionWarning } from '../../core/warning.js';
import type { OpenAIChatRequestBody } from './openai-request-schema.js';

const emptySchema = (): Record<string, unknown> => ({ type: 'object', properties: {} });

/** `tools` (type function) and the legacy `functions` list → canonical tool definitions. */
export function convertOpenAITools(body: OpenAIChatRequestBody, warnings: ConversionWarning[]): ToolDefinition[] {
  const definitions: ToolDefinition[] = [];
  (body.tools ?? []).forEach((tool, index) => {
    if (tool.type !== 'function' || !tool.function) {
      warnings.push({ feature: `tool:${tool.type}`, detail: `tools[${index}]: only function tools are supported; tool dropped` });
      return;
    }
    const { name, description, parameters } = tool.function;
    definitions.push({ name, ...(description ? { description } : {}), inputSchema: parameters ?? emptySchema() });
  });
  for (const legacy of body.functions ?? []) {
    definitions.push({
      name: legacy.name,
      ...(legacy.description ? { description: legacy.description } : {}),
      inputSchema: legacy.parameters ?? emptySchema(),
    });
  }
  return definitions;
}

/** `tool_choice` (or legacy `function_call`) → canonical tool choice. */
export function convertOpenAIToolChoice(body: OpenAIChatRequestBody, warnings: ConversionWarning[]): ToolChoice | undefined {
  const choice = body.tool_choice ?? body.function_call;
  if (choice === null || choice === undefined) return undefined;
  if (choice === 'auto' || choice === 'none' || choice === 'required') return { type: choice };
  if ('type' in choice) {
    if (choice.type === 'function' && choice.function) return { type: 'tool', name: choice.function.name };
    warnings.push({ feature: 'tool_choice', detail: `tool_choice type "${choice.type}" is not supported; using auto` });
    return { type: 'auto' };
  }
  return { type: 'tool', name: choice.name };
}
