import type { ChatRequest, ResponseFormat, ToolChoice, ToolDefinition } from '../../core/chat-request.js';

/** The JSON formats a target may or may not enforce natively. */
export type JsonResponseFormat = Exclude<ResponseFormat, { type: 'text' }>;

export interface ResponseToolPlan {
  /** The request to send: the response format replaced by one extra tool and an instruction. */
  request: ChatRequest;
  /** The name of the added tool; its input is the answer. */
  toolName: string;
}

const baseToolName = 'structured_output';

/** A name no client tool uses (`structured_output`, else `structured_output_2`, …). */
function freeToolName(tools: readonly ToolDefinition[]): string {
  const taken = new Set(tools.map((tool) => tool.name));
  if (!taken.has(baseToolName)) return baseToolName;
  let suffix = 2;
  while (taken.has(`${baseToolName}_${suffix}`)) suffix += 1;
  return `${baseToolName}_${suffix}`;
}

const toolSchema = (format: JsonResponseFormat): Record<string, unknown> =>
  format.type === 'json-schema' ? format.schema : { type: 'object', additionalProperties: true };

/**
 * With client tools on offer the answer may be a call to one of them or the structured answer, so
 * some tool call is required; without them the response tool itself is forced. A client that forced
 * a tool of its own keeps that choice.
 */
function toolChoiceFor(request: ChatRequest, toolName: string): ToolChoice {
  const choice = request.toolChoice;
  if (choice?.type === 'tool') return choice;
  if (request.tools.length === 0 || choice?.type === 'none') return { type: 'tool', name: toolName };
  return { type: 'required' };
}

/**
 * The forced-single-tool technique for targets with no native structured output: the requested
 * schema becomes the input schema of one added tool that the model is told (and, where the target
 * can express it, forced) to call with its final answer. `renderResponseToolAsText` turns that call
 * back into the answer text. Pure: the given request is not changed.
 */
export function answerWithResponseTool(request: ChatRequest, format: JsonResponseFormat): ResponseToolPlan {
  const toolName = freeToolName(request.tools);
  const described = format.type === 'json-schema' ? `the JSON schema "${format.name}"` : 'a JSON object';
  const tool: ToolDefinition = {
    name: toolName,
    description:
      format.type === 'json-schema' && format.description
        ? `Give the final answer as ${described}: ${format.description}`
        : `Give the final answer as ${described}.`,
    inputSchema: toolSchema(format),
  };
  const instruction =
    request.tools.length > 0
      ? `When you give your final answer, give it only by calling the tool "${toolName}" once, with the answer as its input; do not write the answer as text.`
      : `Answer only by calling the tool "${toolName}" once, with the answer as its input; do not write the answer as text.`;
  const { responseFormat: _dropped, ...rest } = request;
  return {
    toolName,
    request: {
      ...rest,
      system: [...request.system, { type: 'text', text: instruction }],
      tools: [...request.tools, tool],
      toolChoice: toolChoiceFor(request, toolName),
      ...(request.tools.length === 0 ? { parallelToolCalls: false } : {}),
    },
  };
}
