import { createResponseId } from '../create-response-id.js';

/** Output items of a Response, as OpenAI's API reference and the `openai` SDK's types define them. */

export type ItemStatus = 'in_progress' | 'completed' | 'incomplete';

export interface OutputTextPart {
  type: 'output_text';
  text: string;
  annotations: unknown[];
  logprobs: unknown[];
}

export interface MessageItem {
  type: 'message';
  id: string;
  role: 'assistant';
  status: ItemStatus;
  content: OutputTextPart[];
}

export interface ReasoningItem {
  type: 'reasoning';
  id: string;
  summary: Array<{ type: 'summary_text'; text: string }>;
  encrypted_content?: string;
  status?: ItemStatus;
}

export interface FunctionCallItem {
  type: 'function_call';
  id: string;
  call_id: string;
  name: string;
  arguments: string;
  status: ItemStatus;
}

export interface CustomToolCallItem {
  type: 'custom_tool_call';
  id: string;
  call_id: string;
  name: string;
  input: string;
  status?: ItemStatus;
}

export type OutputItem = MessageItem | ReasoningItem | FunctionCallItem | CustomToolCallItem;

export const outputTextPart = (text: string): OutputTextPart => ({ type: 'output_text', text, annotations: [], logprobs: [] });

export const messageItem = (text: string | undefined, status: ItemStatus, id = createResponseId('msg_')): MessageItem => ({
  type: 'message',
  id,
  role: 'assistant',
  status,
  content: text === undefined ? [] : [outputTextPart(text)],
});

export const reasoningItem = (summary: string | undefined, encryptedContent: string | undefined, id = createResponseId('rs_')): ReasoningItem => ({
  type: 'reasoning',
  id,
  summary: summary === undefined || summary === '' ? [] : [{ type: 'summary_text', text: summary }],
  ...(encryptedContent === undefined ? {} : { encrypted_content: encryptedContent }),
});

export const functionCallItem = (callId: string, name: string, args: string, status: ItemStatus, id = createResponseId('fc_')): FunctionCallItem => ({
  type: 'function_call',
  id,
  call_id: callId,
  name,
  arguments: args,
  status,
});

export const customToolCallItem = (callId: string, name: string, input: string, id = createResponseId('ctc_')): CustomToolCallItem => ({
  type: 'custom_tool_call',
  id,
  call_id: callId,
  name,
  input,
});
