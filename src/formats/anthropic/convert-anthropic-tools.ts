import type { ToolChoice, ToolDefinition } from '../../core/chat-request.js';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import type { ConversionWarning } from '../../core/warning.js';
import type { AnthropicMessagesRequestBody } from './anthropic-request-schema.js';
import { convertAnthropicCacheControl } from './convert-anthropic-cache-control.js';

/** Custom tools → canonical; server tools (web_search, bash, text_editor, …) are dropped with a warning. */
export function convertAnthropicTools(body: AnthropicMessagesRequestBody, warnings: ConversionWarning[]): ToolDefinition[] {
  const definitions: ToolDefinition[] = [];
  (body.tools ?? []).forEach((tool, index) => {
    const custom = (tool.type === undefined || tool.type === null || tool.type === 'custom') && tool.input_schema;
    if (!custom) {
      warnings.push({ feature: `tool:${tool.type ?? 'unknown'}`, detail: `tools[${index}] "${tool.name}": server tools are not supported; tool dropped` });
      return;
    }
    definitions.push({
      name: tool.name,
      ...(tool.description ? { description: tool.description } : {}),
      inputSchema: tool.input_schema ?? { type: 'object', properties: {} },
      ...convertAnthropicCacheControl(tool.cache_control),
    });
  });
  return definitions;
}

/** `tool_choice` → canonical choice, plus `disable_parallel_tool_use` as `parallelToolCalls: false`. */
export function convertAnthropicToolChoice(body: AnthropicMessagesRequestBody): {
  toolChoice?: ToolChoice;
  parallelToolCalls?: boolean;
} {
  const choice = body.tool_choice;
  if (!choice) return {};
  const parallel = choice.disable_parallel_tool_use ? { parallelToolCalls: false } : {};
  switch (choice.type) {
    case 'auto':
      return { toolChoice: { type: 'auto' }, ...parallel };
    case 'any':
      return { toolChoice: { type: 'required' }, ...parallel };
    case 'none':
      return { toolChoice: { type: 'none' }, ...parallel };
    case 'tool':
      if (!choice.name) throw new InvalidRequestError('tool_choice.name: required when type is "tool"', { field: 'tool_choice.name' });
      return { toolChoice: { type: 'tool', name: choice.name }, ...parallel };
    default: {
      const unreachable: never = choice.type;
      return unreachable;
    }
  }
}
