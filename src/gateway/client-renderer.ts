import type { ChatResult } from '../core/chat-result.js';
import type { FrameRenderer } from '../core/render-frames.js';

export interface StreamRenderOptions {
  model: string;
  includeUsage: boolean;
}

/** How one client format writes answers; each client format provides one. */
export interface ClientRenderer {
  format: 'openai' | 'anthropic' | 'responses' | 'gemini';
  /** The content type of a streamed answer, when it is not server-sent events. */
  streamContentType?: string;
  /**
   * A streamed answer's frames, as a frame renderer: the gateway renders each batch of events in
   * one step, without a promise per event or frame (see core/render-frames.ts).
   */
  frames(options: StreamRenderOptions): FrameRenderer;
  renderResult(result: ChatResult, model: string): unknown;
}
