import type { AmazonQToolResult } from './amazonq-wire-types.js';
import { userTurn, type AssistantTurn, type ConversationTurn, type UserTurn } from './conversation-turn.js';

export const cancelledToolUseText = 'Tool use was cancelled by the user';
const openingUserText = 'Hello.';
const continueUserText = 'Continue.';

/**
 * Enforces the history rules of the Q service (§2.5): strict user/assistant alternation (same-role
 * neighbours merged), a user turn first and last, every tool use answered in the next user turn
 * (unanswered ones get an error result), results without a matching tool use moved into the text,
 * and no duplicate tool use or result ids. Idempotent.
 */
export function repairTurns(input: ConversationTurn[]): ConversationTurn[] {
  const turns = mergeSameRole(input);
  if (turns[0]?.role !== 'user') turns.unshift(userTurn([openingUserText]));
  foldTrailingAssistantAfterToolResults(turns);
  if (turns.at(-1)?.role !== 'user') turns.push(userTurn([continueUserText]));
  const seenToolUseIds = new Set<string>();
  let previousToolUseIds = new Set<string>();
  for (const turn of turns) {
    if (turn.role === 'assistant') {
      turn.toolUses = turn.toolUses.filter((toolUse) => !seenToolUseIds.has(toolUse.toolUseId) && seenToolUseIds.add(toolUse.toolUseId));
      previousToolUseIds = new Set(turn.toolUses.map((toolUse) => toolUse.toolUseId));
      continue;
    }
    pairResults(turn, previousToolUseIds);
    previousToolUseIds = new Set();
  }
  return turns;
}

/**
 * `[…, assistant{tool uses}, user{tool results}, assistant "Working on it."]` (Codex): the results are
 * the last thing the user side said and must stay in the current message, or the model never sees
 * them. The trailing text (no tool uses of its own) joins the assistant turn that made the calls.
 */
function foldTrailingAssistantAfterToolResults(turns: ConversationTurn[]): void {
  const last = turns.at(-1);
  const results = turns.at(-2);
  const caller = turns.at(-3);
  if (last?.role !== 'assistant' || last.toolUses.length > 0 || results?.role !== 'user' || results.toolResults.length === 0) return;
  if (caller?.role !== 'assistant') return;
  caller.texts.push(...last.texts.filter((text) => text.trim().length > 0));
  turns.pop();
}

function pairResults(turn: UserTurn, expectedIds: Set<string>): void {
  const kept: AmazonQToolResult[] = [];
  const answered = new Set<string>();
  const orphanTexts: string[] = [];
  for (const result of turn.toolResults) {
    if (expectedIds.has(result.toolUseId) && !answered.has(result.toolUseId)) {
      kept.push(result);
      answered.add(result.toolUseId);
    } else if (!answered.has(result.toolUseId)) {
      const text = result.content.map((block) => block.text).join('\n');
      orphanTexts.push(`[Result of tool call ${result.toolUseId}${result.status === 'error' ? ' (error)' : ''}]\n${text}`);
    }
  }
  for (const id of expectedIds) {
    if (!answered.has(id)) kept.push({ toolUseId: id, content: [{ text: cancelledToolUseText }], status: 'error' });
  }
  turn.toolResults = kept;
  if (orphanTexts.length > 0) turn.texts = [...orphanTexts, ...turn.texts];
}

function mergeSameRole(input: ConversationTurn[]): ConversationTurn[] {
  const merged: ConversationTurn[] = [];
  for (const turn of input) {
    const last = merged.at(-1);
    if (last?.role === 'user' && turn.role === 'user') {
      last.texts.push(...turn.texts);
      last.images.push(...turn.images);
      last.toolResults.push(...turn.toolResults);
    } else if (last?.role === 'assistant' && turn.role === 'assistant') {
      last.texts.push(...turn.texts);
      last.toolUses.push(...turn.toolUses);
    } else {
      merged.push(cloneTurn(turn));
    }
  }
  return merged;
}

function cloneTurn(turn: ConversationTurn): ConversationTurn {
  if (turn.role === 'user') {
    return { role: 'user', texts: [...turn.texts], images: [...turn.images], toolResults: [...turn.toolResults] };
  }
  const copy: AssistantTurn = { role: 'assistant', texts: [...turn.texts], toolUses: [...turn.toolUses] };
  return copy;
}
