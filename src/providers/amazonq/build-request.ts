import { randomUUID } from 'node:crypto';
import type { ChatRequest } from '../../core/chat-request.js';
import type { ConversionWarning } from '../../core/warning.js';
import type { AmazonQFlavour } from './amazonq-flavour.js';
import type { AmazonQHistoryEntry, AmazonQUserInputMessage, GenerateAssistantResponseBody } from './amazonq-wire-types.js';
import { buildToolSpecifications } from './build-tool-specifications.js';
import { assistantTurn, userTurn, type ConversationTurn, type UserTurn } from './conversation-turn.js';
import { convertMessage } from './convert-message.js';
import { repairTurns } from './repair-turns.js';
import type { ToolNameMap } from './shorten-tool-name.js';
import { buildThinkingPrefix } from './thinking-prefix.js';

/** Kiro drops the body above about 1 MiB; stay a little under it. */
export const maxRequestBodyBytes = 1_000_000;
export const maxHistoryMessages = 10_000;
export const maxImagesPerRequest = 10;
export const systemAcknowledgement = 'I will follow these instructions.';
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface BuildRequestOptions {
  flavour: AmazonQFlavour;
  /** The upstream model id, already mapped (`claude-sonnet-4.5`). */
  modelId: string;
  profileArn?: string;
  sessionId?: string;
  toolNames: ToolNameMap;
  warnings: ConversionWarning[];
  maxBodyBytes?: number;
}

/**
 * Builds the GenerateAssistantResponse body. The system prompt (with the thinking prefix) is folded
 * as a synthetic first pair `user(system)` + `assistant(acknowledgement)`: it keeps the system text in
 * one fixed place whatever the conversation length (stable for the upstream's prompt cache), the
 * current message stays the user's own words, and history trimming can drop old turns without ever
 * losing the instructions.
 */
export function buildAmazonQRequest(request: ChatRequest, options: BuildRequestOptions): GenerateAssistantResponseBody {
  warnDroppedSettings(request, options.warnings);
  const systemText = [buildThinkingPrefix(request.reasoning, options.modelId), request.system.map((part) => part.text).join('\n')]
    .filter((text) => text.length > 0)
    .join('\n');
  const systemTurns: ConversationTurn[] = systemText.length > 0 ? [userTurn([systemText]), assistantTurn([systemAcknowledgement])] : [];
  const converted = request.messages.map((message) => convertMessage(message, options));
  let conversation = repairTurns(converted);
  const tools = buildToolSpecifications(request.tools, conversation, options.toolNames, options.warnings);
  const conversationId = options.sessionId && uuidPattern.test(options.sessionId) ? options.sessionId : randomUUID();
  const limit = options.maxBodyBytes ?? maxRequestBodyBytes;
  let trimmed = false;
  for (;;) {
    const body = assemble([...systemTurns, ...conversation], tools, conversationId, options);
    const entries = body.conversationState.history ?? [];
    const size = Buffer.byteLength(JSON.stringify(body));
    if ((size <= limit && entries.length <= maxHistoryMessages) || conversation.length <= 1) {
      if (trimmed) options.warnings.push({ feature: 'history', detail: 'The oldest turns were dropped to fit the upstream size limit.' });
      return body;
    }
    const entrySizes = entries.slice(systemTurns.length).map((entry) => Buffer.byteLength(JSON.stringify(entry)) + 1);
    conversation = repairTurns(conversation.slice(turnsToDrop(entrySizes, size - limit, entries.length - maxHistoryMessages)));
    trimmed = true;
  }
}

/** How many leading turns to drop (a whole number of user+assistant pairs, never the current message). */
function turnsToDrop(entrySizes: number[], excessBytes: number, excessEntries: number): number {
  let drop = 0;
  let freed = 0;
  while (drop < entrySizes.length && (freed < excessBytes || drop < excessEntries)) {
    freed += entrySizes[drop] ?? 0;
    drop += 1;
  }
  drop = Math.max(2, drop + (drop % 2));
  return Math.min(drop, entrySizes.length);
}

function assemble(
  turns: ConversationTurn[],
  tools: ReturnType<typeof buildToolSpecifications>,
  conversationId: string,
  options: BuildRequestOptions,
): GenerateAssistantResponseBody {
  limitImages(turns, options.warnings);
  const current = turns.at(-1) as UserTurn;
  const history: AmazonQHistoryEntry[] = turns.slice(0, -1).map((turn) =>
    turn.role === 'user'
      ? { userInputMessage: toUserInputMessage(turn, options) }
      : {
          assistantResponseMessage: {
            content: nonBlank(turn.texts.join('\n\n'), 'OK.'),
            ...(turn.toolUses.length > 0 ? { toolUses: turn.toolUses } : {}),
          },
        },
  );
  const currentMessage = toUserInputMessage(current, options);
  if (tools.length > 0) currentMessage.userInputMessageContext = { ...currentMessage.userInputMessageContext, tools };
  return {
    conversationState: {
      chatTriggerType: 'MANUAL',
      conversationId,
      ...(options.flavour.provider === 'kiro' ? { agentTaskType: 'vibe' as const } : {}),
      currentMessage: { userInputMessage: currentMessage },
      ...(history.length > 0 ? { history } : {}),
    },
    ...(options.profileArn ? { profileArn: options.profileArn } : {}),
  };
}

function toUserInputMessage(turn: UserTurn, options: BuildRequestOptions): AmazonQUserInputMessage {
  const fallback = turn.toolResults.length > 0 ? 'Tool results provided.' : 'Continue.';
  const message: AmazonQUserInputMessage = {
    content: nonBlank(turn.texts.join('\n\n'), fallback),
    modelId: options.modelId,
    origin: options.flavour.origin,
  };
  if (turn.images.length > 0) message.images = turn.images;
  if (turn.toolResults.length > 0) message.userInputMessageContext = { toolResults: turn.toolResults };
  return message;
}

/** Blank content (empty or only whitespace) is not accepted upstream; a neutral text stands in. */
const nonBlank = (text: string, fallback: string): string => (text.trim().length > 0 ? text : fallback);

/** Keeps the newest images when a request carries more than the service accepts. */
function limitImages(turns: ConversationTurn[], warnings: ConversionWarning[]): void {
  let budget = maxImagesPerRequest;
  let dropped = false;
  for (let index = turns.length - 1; index >= 0; index -= 1) {
    const turn = turns[index];
    if (turn?.role !== 'user' || turn.images.length === 0) continue;
    const keep = Math.min(budget, turn.images.length);
    if (keep < turn.images.length) {
      turn.images = turn.images.slice(turn.images.length - keep);
      dropped = true;
    }
    budget -= keep;
  }
  if (dropped) warnings.push({ feature: 'images', detail: `Only the newest ${maxImagesPerRequest} images were sent.` });
}

function warnDroppedSettings(request: ChatRequest, warnings: ConversionWarning[]): void {
  const dropped: Array<[string, unknown]> = [
    ['temperature', request.temperature],
    ['top_p', request.topP],
    ['top_k', request.topK],
    ['max_tokens', request.maxOutputTokens],
    ['stop_sequences', request.stopSequences?.length ? request.stopSequences : undefined],
    ['tool_choice', request.toolChoice && request.toolChoice.type !== 'auto' ? request.toolChoice : undefined],
  ];
  for (const [feature, value] of dropped) {
    if (value !== undefined) warnings.push({ feature, detail: `Amazon Q has no ${feature} setting; it was ignored.` });
  }
}
