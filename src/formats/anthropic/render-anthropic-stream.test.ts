import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../core/stream-event.js';
import {
  cachedUsageEvents,
  errorMidStreamEvents,
  replayEvents,
  replayThenThrow,
  textOnlyEvents,
  thinkingTextToolsEvents,
} from '../__fixtures__/canonical-stream-fixtures.js';
import { collectFrames } from '../__fixtures__/fetch-returning.js';
import { renderAnthropicStream } from './render-anthropic-stream.js';

const options = { model: 'claude-test', id: 'msg_fixed' };
const summarise = (frames: string[]) =>
  frames.map((frame) => {
    const [eventLine, dataLine] = frame.trimEnd().split('\n');
    return `${eventLine?.slice('event: '.length)} ${dataLine?.slice('data: '.length)}`;
  });

describe('renderAnthropicStream', () => {
  it('renders a text stream exactly as Anthropic frames it', async () => {
    const frames = await collectFrames(renderAnthropicStream(replayEvents(textOnlyEvents), options));
    expect(frames.join('')).toMatchInlineSnapshot(`
      "event: message_start
      data: {"type":"message_start","message":{"id":"msg_fixed","type":"message","role":"assistant","model":"claude-test","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":12,"output_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0}}}

      event: content_block_start
      data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

      event: content_block_delta
      data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}}

      event: content_block_delta
      data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":", world!"}}

      event: content_block_stop
      data: {"type":"content_block_stop","index":0}

      event: message_delta
      data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"input_tokens":12,"output_tokens":5}}

      event: message_stop
      data: {"type":"message_stop"}

      "
    `);
  });

  it('gives thinking, text and tool blocks contiguous indices in order', async () => {
    const frames = await collectFrames(renderAnthropicStream(replayEvents(thinkingTextToolsEvents), options));
    expect(summarise(frames)).toMatchInlineSnapshot(`
      [
        "message_start {"type":"message_start","message":{"id":"msg_fixed","type":"message","role":"assistant","model":"claude-test","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":120,"output_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0}}}",
        "content_block_start {"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}}",
        "content_block_delta {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"The user wants the weather "}}",
        "content_block_delta {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"in two cities."}}",
        "content_block_delta {"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"c2lnbmF0dXJl"}}",
        "content_block_stop {"type":"content_block_stop","index":0}",
        "content_block_start {"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}",
        "content_block_delta {"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Let me check both."}}",
        "content_block_stop {"type":"content_block_stop","index":1}",
        "content_block_start {"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"toolu_paris","name":"get_weather","input":{}}}",
        "content_block_delta {"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"{\\"city\\":\\"Paris\\"}"}}",
        "content_block_stop {"type":"content_block_stop","index":2}",
        "content_block_start {"type":"content_block_start","index":3,"content_block":{"type":"tool_use","id":"toolu_tokyo","name":"get_weather","input":{}}}",
        "content_block_delta {"type":"content_block_delta","index":3,"delta":{"type":"input_json_delta","partial_json":"{\\"city\\":\\"Tokyo\\"}"}}",
        "content_block_stop {"type":"content_block_stop","index":3}",
        "message_delta {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"input_tokens":120,"output_tokens":64}}",
        "message_stop {"type":"message_stop"}",
      ]
    `);
  });

  it('reports cache usage in message_start and message_delta', async () => {
    const frames = await collectFrames(renderAnthropicStream(replayEvents(cachedUsageEvents), options));
    expect(summarise(frames).filter((line) => line.startsWith('message_'))).toMatchInlineSnapshot(`
      [
        "message_start {"type":"message_start","message":{"id":"msg_fixed","type":"message","role":"assistant","model":"claude-test","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":10,"output_tokens":0,"cache_creation_input_tokens":300,"cache_read_input_tokens":2000}}}",
        "message_delta {"type":"message_delta","delta":{"stop_reason":"max_tokens","stop_sequence":null},"usage":{"input_tokens":10,"cache_creation_input_tokens":300,"cache_read_input_tokens":2000,"output_tokens":4}}",
        "message_stop {"type":"message_stop"}",
      ]
    `);
  });

  it('closes blocks left open and opens blocks for deltas without a start', async () => {
    const events: StreamEvent[] = [
      { type: 'text-delta', id: 'late', delta: 'no start event' },
      { type: 'tool-input-start', id: 'toolu_open', name: 'lookup' },
      { type: 'tool-input-delta', id: 'toolu_open', delta: '{}' },
      { type: 'redacted-reasoning', id: 'redacted', data: 'opaque' },
    ];
    const frames = await collectFrames(renderAnthropicStream(replayEvents(events), options));
    expect(summarise(frames)).toMatchInlineSnapshot(`
      [
        "message_start {"type":"message_start","message":{"id":"msg_fixed","type":"message","role":"assistant","model":"claude-test","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":0,"output_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0}}}",
        "content_block_start {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}",
        "content_block_delta {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"no start event"}}",
        "content_block_start {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_open","name":"lookup","input":{}}}",
        "content_block_delta {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{}"}}",
        "content_block_start {"type":"content_block_start","index":2,"content_block":{"type":"redacted_thinking","data":"opaque"}}",
        "content_block_stop {"type":"content_block_stop","index":2}",
        "content_block_stop {"type":"content_block_stop","index":0}",
        "content_block_stop {"type":"content_block_stop","index":1}",
        "message_delta {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":0}}",
        "message_stop {"type":"message_stop"}",
      ]
    `);
  });

  it('ends with an error event on an error', async () => {
    const frames = await collectFrames(renderAnthropicStream(replayEvents(errorMidStreamEvents), options));
    expect(summarise(frames).slice(-2)).toMatchInlineSnapshot(`
      [
        "content_block_delta {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Partial"}}",
        "error {"type":"error","error":{"type":"overloaded_error","message":"Upstream overloaded."}}",
      ]
    `);
  });

  it('ends with an error event when the source throws, hiding the internal message', async () => {
    const source = replayThenThrow(textOnlyEvents.slice(0, 2), new Error('secret internal detail'));
    const frames = await collectFrames(renderAnthropicStream(source, options));
    expect(frames.join('')).not.toContain('secret internal detail');
    expect(summarise(frames).at(-1)).toMatchInlineSnapshot(`"error {"type":"error","error":{"type":"api_error","message":"The upstream stream failed unexpectedly."}}"`);
  });
});
