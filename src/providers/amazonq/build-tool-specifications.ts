import type { ToolDefinition } from '../../core/chat-request.js';
import type { ConversionWarning } from '../../core/warning.js';
import type { AmazonQToolSpecification } from './amazonq-wire-types.js';
import type { ConversationTurn } from './conversation-turn.js';
import { normalizeToolSchema } from './normalize-tool-schema.js';
import type { ToolNameMap } from './shorten-tool-name.js';

/** The smallest limit proxies use (AIClient; kiro.rs cuts at 10 000); the service limit itself is unpublished (§8.5). */
export const maxToolDescriptionLength = 9_216;
const placeholderDescription = 'A tool used earlier in this conversation.';
const unsupportedToolNames = new Set(['web_search', 'websearch']);

/**
 * The `tools` of the current message: the client's declared tools (names shortened, schemas
 * normalised, descriptions cut) plus a placeholder for every tool the history uses but the request
 * no longer declares, since Q rejects references to undeclared tools.
 */
export function buildToolSpecifications(
  tools: ToolDefinition[],
  turns: ConversationTurn[],
  toolNames: ToolNameMap,
  warnings: ConversionWarning[],
): AmazonQToolSpecification[] {
  const specifications: AmazonQToolSpecification[] = [];
  const declared = new Set<string>();
  for (const tool of tools) {
    if (unsupportedToolNames.has(tool.name.toLowerCase())) {
      warnings.push({ feature: 'tool', detail: `The server tool ${tool.name} is not available on Amazon Q and was dropped.` });
      continue;
    }
    const name = toolNames.toUpstream(tool.name);
    if (declared.has(name.toLowerCase())) continue;
    declared.add(name.toLowerCase());
    let description = tool.description?.trim() || tool.name;
    if (description.length > maxToolDescriptionLength) {
      description = `${description.slice(0, maxToolDescriptionLength - 1)}…`;
      warnings.push({ feature: 'tool-description', detail: `The description of ${tool.name} was cut to ${maxToolDescriptionLength} characters.` });
    }
    specifications.push({ toolSpecification: { name, description, inputSchema: { json: normalizeToolSchema(tool.inputSchema) } } });
  }
  for (const turn of turns) {
    if (turn.role !== 'assistant') continue;
    for (const toolUse of turn.toolUses) {
      if (declared.has(toolUse.name.toLowerCase())) continue;
      declared.add(toolUse.name.toLowerCase());
      specifications.push({
        toolSpecification: { name: toolUse.name, description: placeholderDescription, inputSchema: { json: { type: 'object', properties: {} } } },
      });
    }
  }
  return specifications;
}
