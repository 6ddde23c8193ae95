import type { AmazonQImage, AmazonQToolResult, AmazonQToolUse } from './amazonq-wire-types.js';

/** A conversation turn on its way to the Q wire format, before alternation and pairing are enforced. */
export interface UserTurn {
  role: 'user';
  texts: string[];
  images: AmazonQImage[];
  toolResults: AmazonQToolResult[];
}

export interface AssistantTurn {
  role: 'assistant';
  texts: string[];
  toolUses: AmazonQToolUse[];
}

export type ConversationTurn = UserTurn | AssistantTurn;

export const userTurn = (texts: string[] = []): UserTurn => ({ role: 'user', texts, images: [], toolResults: [] });
export const assistantTurn = (texts: string[] = []): AssistantTurn => ({ role: 'assistant', texts, toolUses: [] });
