import { renderAnthropicResponse } from '../../../formats/anthropic/render-anthropic-response.js';
import { anthropicFrames } from '../../../formats/anthropic/render-anthropic-stream.js';
import { renderOpenAIResponse } from '../../../formats/openai/render-openai-response.js';
import { openAIFrames } from '../../../formats/openai/render-openai-stream.js';
import type { ClientRenderer } from '../../../gateway/client-renderer.js';

export const openAIRenderer: ClientRenderer = {
  format: 'openai',
  frames: (options) => (events) => openAIFrames(events, options),
  renderResult: (result, model) => renderOpenAIResponse(result, model),
};

export const anthropicRenderer: ClientRenderer = {
  format: 'anthropic',
  frames: (options) => (events) => anthropicFrames(events, { model: options.model }),
  renderResult: renderAnthropicResponse,
};
