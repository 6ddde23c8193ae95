/** Request shapes of GenerateAssistantResponse (Smithy model of the CodeWhisperer streaming service). */

export type AmazonQImageFormat = 'png' | 'jpeg' | 'gif' | 'webp';

export interface AmazonQImage {
  format: AmazonQImageFormat;
  source: { bytes: string };
}

export interface AmazonQToolResult {
  toolUseId: string;
  content: Array<{ text: string }>;
  status: 'success' | 'error';
}

export interface AmazonQToolSpecification {
  toolSpecification: {
    name: string;
    description: string;
    inputSchema: { json: Record<string, unknown> };
  };
}

export interface AmazonQToolUse {
  toolUseId: string;
  name: string;
  input: Record<string, unknown>;
}

export interface AmazonQUserInputMessage {
  content: string;
  modelId: string;
  origin: string;
  images?: AmazonQImage[];
  userInputMessageContext?: {
    toolResults?: AmazonQToolResult[];
    tools?: AmazonQToolSpecification[];
  };
}

export interface AmazonQAssistantResponseMessage {
  content: string;
  toolUses?: AmazonQToolUse[];
}

export type AmazonQHistoryEntry =
  | { userInputMessage: AmazonQUserInputMessage }
  | { assistantResponseMessage: AmazonQAssistantResponseMessage };

export interface GenerateAssistantResponseBody {
  conversationState: {
    chatTriggerType: 'MANUAL';
    conversationId: string;
    agentTaskType?: 'vibe';
    currentMessage: { userInputMessage: AmazonQUserInputMessage };
    history?: AmazonQHistoryEntry[];
  };
  profileArn?: string;
}
