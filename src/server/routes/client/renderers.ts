import { renderAnthropicResponse } from '../../../formats/anthropic/render-anthropic-response.js';
import { renderAnthropicStream } from '../../../formats/anthropic/render-anthropic-stream.js';
import { renderOpenAIResponse } from '../../../formats/openai/render-openai-response.js';
import { renderOpenAIStream } from '../../../formats/openai/render-openai-stream.js';
import type { ClientRenderer } from '../../../gateway/client-renderer.js';

export const openAIRenderer: ClientRenderer = {
  format: 'openai',
  renderStream: renderOpenAIStream,
  renderResult: (result, model) => renderOpenAIResponse(result, model),
};

export const anthropicRenderer: ClientRenderer = {
  format: 'anthropic',
  renderStream: (events, options) => renderAnthropicStream(events, { model: options.model }),
  renderResult: renderAnthropicResponse,
};
