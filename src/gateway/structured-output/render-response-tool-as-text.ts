import type { StreamEvent } from '../../core/stream-event.js';

/** Text held back before the response tool may be sent at most this long (then it goes out as is). */
const maxHeldTextChars = 64 * 1024;

/**
 * The stream half of the forced-single-tool technique: the call to the response tool becomes the
 * answer text (its input JSON, streamed as text deltas) and the finish reason `stop`, so the client
 * sees plain JSON text. Text the model wrote before that call (a preamble such as "Here it is:") is
 * held and dropped when the call comes; if none comes, or another tool or reasoning block starts
 * first, the held text goes out unchanged. Calls to the client's own tools pass through; a second
 * call to the response tool is dropped (the answer must stay one JSON document).
 */
export async function* renderResponseToolAsText(events: AsyncIterable<StreamEvent>, toolName: string): AsyncGenerator<StreamEvent> {
  let held: StreamEvent[] = [];
  let heldChars = 0;
  let holding = true;
  let answered = false;
  let otherToolCalled = false;
  /** Block ids of the response tool's call(s): `text` for the one rendered, `drop` for later ones. */
  const rendered = new Map<string, 'text' | 'drop'>();
  let answerChars = 0;

  const release = function* (): Generator<StreamEvent> {
    yield* held;
    held = [];
    holding = false;
  };

  for await (const event of events) {
    switch (event.type) {
      case 'text-start':
      case 'text-delta':
      case 'text-end':
        if (holding) {
          held.push(event);
          if (event.type === 'text-delta') heldChars += event.delta.length;
          if (heldChars > maxHeldTextChars) yield* release();
        } else if (!answered) {
          yield event;
        }
        continue;
      case 'tool-input-start':
        if (event.name === toolName) {
          const first = !answered;
          rendered.set(event.id, first ? 'text' : 'drop');
          if (first) {
            // The answer replaces any preamble (usage seen meanwhile still counts).
            for (const kept of held) if (kept.type === 'usage') yield kept;
            held = [];
            holding = false;
            answered = true;
            yield { type: 'text-start', id: event.id };
          }
          continue;
        }
        otherToolCalled = true;
        yield* release();
        yield event;
        continue;
      case 'tool-input-delta': {
        const mode = rendered.get(event.id);
        if (mode === 'text') {
          answerChars += event.delta.length;
          yield { type: 'text-delta', id: event.id, delta: event.delta };
        } else if (mode === undefined) yield event;
        continue;
      }
      case 'tool-input-end': {
        const mode = rendered.get(event.id);
        if (mode === 'text') {
          // A call with no input at all still answers with a JSON document.
          if (answerChars === 0) yield { type: 'text-delta', id: event.id, delta: '{}' };
          yield { type: 'text-end', id: event.id };
        } else if (mode === undefined) yield event;
        continue;
      }
      case 'reasoning-start':
      case 'redacted-reasoning':
        if (holding) yield* release();
        yield event;
        continue;
      case 'finish':
        yield* release();
        yield answered && !otherToolCalled && event.reason === 'tool-calls' ? { type: 'finish', reason: 'stop' } : event;
        continue;
      case 'error':
        yield* release();
        yield event;
        continue;
      case 'usage':
        // Kept in place behind held text, so the order of events does not change.
        if (holding && held.length > 0) held.push(event);
        else yield event;
        continue;
      case 'message-start':
      case 'reasoning-delta':
      case 'reasoning-signature':
      case 'reasoning-end':
        yield event;
        continue;
      default: {
        const unreachable: never = event;
        return unreachable;
      }
    }
  }
  // A stream cut without finish or error: what was held still belongs to the answer.
  yield* release();
}
