import type { ToolChoice, ToolDefinition } from '../../core/chat-request.js';
import type { ConversionWarning } from '../../core/warning.js';
import { parseRequestBody } from '../parse-request-body.js';
import { customToolInputSchema } from './custom-tool-input.js';
import { customToolSchema, functionToolSchema, type ResponsesRequestBody } from './responses-request-schema.js';

export interface ConvertedTools {
  tools: ToolDefinition[];
  /** Names of custom (free-form) tools: their calls are rendered back as `custom_tool_call`. */
  customToolNames: Set<string>;
}

const emptySchema = (): Record<string, unknown> => ({ type: 'object', properties: {} });

/**
 * `tools` → canonical definitions: function tools as they are, custom tools as a function taking
 * one string `input` (see custom-tool-input.ts). Built-in tools (web_search, file_search, mcp,
 * namespaces, …) have no canonical form: they only work on accounts that take Responses unchanged,
 * and are dropped with a warning elsewhere.
 */
export function convertResponsesTools(body: ResponsesRequestBody, warnings: ConversionWarning[]): ConvertedTools {
  const tools: ToolDefinition[] = [];
  const customToolNames = new Set<string>();
  (body.tools ?? []).forEach((tool, index) => {
    const path = ['tools', index];
    if (tool.type === 'function') {
      const definition = parseRequestBody(functionToolSchema, tool, path);
      tools.push({ name: definition.name, ...(definition.description ? { description: definition.description } : {}), inputSchema: definition.parameters ?? emptySchema() });
      return;
    }
    if (tool.type === 'custom') {
      const definition = parseRequestBody(customToolSchema, tool, path);
      customToolNames.add(definition.name);
      tools.push({
        name: definition.name,
        ...(definition.description ? { description: definition.description } : {}),
        inputSchema: customToolInputSchema(definition.format),
      });
      return;
    }
    warnings.push({ feature: `tool:${tool.type}`, detail: `tools[${index}]: built-in "${tool.type}" tools only work on accounts that speak Responses natively; tool dropped` });
  });
  return { tools, customToolNames };
}

/** `tool_choice` → canonical. Built-in tool choices and allowed-tool lists fall back to auto/required with a warning. */
export function convertResponsesToolChoice(choice: ResponsesRequestBody['tool_choice'], warnings: ConversionWarning[]): ToolChoice | undefined {
  if (choice === null || choice === undefined) return undefined;
  if (typeof choice === 'string') {
    if (choice === 'auto' || choice === 'none' || choice === 'required') return { type: choice };
    warnings.push({ feature: 'tool_choice', detail: `tool_choice "${choice}" is not supported; using auto` });
    return { type: 'auto' };
  }
  if ((choice.type === 'function' || choice.type === 'custom') && typeof choice.name === 'string') return { type: 'tool', name: choice.name };
  if (choice.type === 'allowed_tools') {
    warnings.push({ feature: 'tool_choice', detail: 'allowed_tools is not enforced; all tools are offered' });
    return { type: choice.mode === 'required' ? 'required' : 'auto' };
  }
  warnings.push({ feature: 'tool_choice', detail: `tool_choice type "${choice.type}" is not supported; using auto` });
  return { type: 'auto' };
}
