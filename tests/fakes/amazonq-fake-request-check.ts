/**
 * What the fake Amazon Q checks in a GenerateAssistantResponse call before answering, so a malformed
 * request fails the test that sent it the way the real service fails it: `400 {"message":"Improperly
 * formed request.","reason":null}`. Encodes the history rules of §2.5 of the protocol notes, the
 * content type of each flavour (§0) and the union shape of every history entry.
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const arrayOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Returns why the request would be refused, or undefined when it is well formed. */
export function findMalformedChatRequest(kind: 'chat-awsjson' | 'chat-restjson', contentType: string, body: unknown): string | undefined {
  const expectedType = kind === 'chat-awsjson' ? 'application/x-amz-json-1.0' : 'application/json';
  if (!contentType.startsWith(expectedType)) return `content-type ${contentType} instead of ${expectedType}`;
  if (!isObject(body) || !isObject(body.conversationState)) return 'no conversationState';
  // Tool inputs and input schemas are JSON documents: nulls and empty arrays inside them are data.
  const text = JSON.stringify(body, (key, value: unknown) => (key === 'input' || key === 'json' ? {} : value));
  if (text.includes(':null')) return 'a null field';
  if (text.includes(':[]')) return 'an empty array';
  const state = body.conversationState;
  if (state.chatTriggerType !== 'MANUAL') return `chatTriggerType ${String(state.chatTriggerType)}`;
  if (!isObject(state.currentMessage) || !isObject(state.currentMessage.userInputMessage)) return 'currentMessage is not a userInputMessage';
  const history = arrayOf(state.history);
  const entries = [...history, state.currentMessage];
  const current = state.currentMessage.userInputMessage;
  // Declared names match case-insensitively, as kiro.rs matches them when it adds placeholder specs.
  const declared = new Set(
    arrayOf(isObject(current.userInputMessageContext) ? current.userInputMessageContext.tools : undefined).map((tool) =>
      isObject(tool) && isObject(tool.toolSpecification) ? String(tool.toolSpecification.name).toLowerCase() : undefined,
    ),
  );
  const seenToolUseIds = new Set<unknown>();
  let expectedIds: unknown[] = [];
  for (const [index, entry] of entries.entries()) {
    if (!isObject(entry) || Object.keys(entry).length !== 1) return `history entry ${index} is not a one-member union`;
    const isLast = index === entries.length - 1;
    if (index % 2 === 0) {
      const message = entry.userInputMessage;
      if (!isObject(message)) return `entry ${index} should be a userInputMessage (strict alternation, user first)`;
      if (typeof message.content !== 'string' || message.content.trim() === '') return `entry ${index} has empty content`;
      const context = isObject(message.userInputMessageContext) ? message.userInputMessageContext : {};
      if (!isLast && context.tools !== undefined) return `entry ${index} declares tools outside the current message`;
      const resultIds = arrayOf(context.toolResults).map((result) => (isObject(result) ? result.toolUseId : undefined));
      if (new Set(resultIds).size !== resultIds.length) return `entry ${index} answers a tool use twice`;
      const sortedResults = [...resultIds].map(String).sort();
      const sortedUses = [...expectedIds].map(String).sort();
      if (sortedResults.join('\n') !== sortedUses.join('\n')) return `entry ${index} tool results do not match the tool uses before it`;
      expectedIds = [];
      continue;
    }
    const message = entry.assistantResponseMessage;
    if (!isObject(message)) return `entry ${index} should be an assistantResponseMessage (strict alternation)`;
    if (typeof message.content !== 'string') return `entry ${index} has no content`;
    expectedIds = [];
    for (const toolUse of arrayOf(message.toolUses)) {
      if (!isObject(toolUse) || !isObject(toolUse.input)) return `entry ${index} has a tool use whose input is not an object`;
      if (seenToolUseIds.has(toolUse.toolUseId)) return `duplicate toolUseId ${String(toolUse.toolUseId)}`;
      seenToolUseIds.add(toolUse.toolUseId);
      if (!declared.has(String(toolUse.name).toLowerCase())) return `tool ${String(toolUse.name)} used in history but not declared`;
      expectedIds.push(toolUse.toolUseId);
    }
  }
  return undefined;
}
