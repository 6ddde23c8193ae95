import { describe, expect, it } from 'vitest';
import { UpstreamUnavailableError } from './errors/upstream-unavailable-error.js';
import { renderEventBatches, renderEvents, waiting, type FrameRenderer } from './render-frames.js';
import type { StreamEvent } from './stream-event.js';

const delta = (text: string): StreamEvent => ({ type: 'text-delta', id: 't', delta: text });

/** A renderer like the formats' own: an opening frame before any event, one per delta, errors as frames, a closing frame. */
const render: FrameRenderer = function* (events) {
  yield 'open;';
  try {
    for (const event of events) {
      if (event === waiting) {
        yield waiting;
        continue;
      }
      if (event.type === 'error') {
        yield `error:${(event.error as Error).message};`;
        return;
      }
      if (event.type === 'text-delta') yield `${event.delta};`;
    }
  } catch (error) {
    yield `thrown:${(error as Error).message};`;
    return;
  }
  yield 'close;';
};

function batches(list: StreamEvent[][], failure?: Error) {
  const state = { closed: false, reads: 0 };
  async function* generate(): AsyncGenerator<StreamEvent[]> {
    try {
      for (const batch of list) {
        state.reads += 1;
        yield batch;
      }
      if (failure) throw failure;
    } finally {
      state.closed = true;
    }
  }
  return { state, iterator: generate() };
}

const all = async (frames: AsyncIterable<string>): Promise<string[]> => {
  const out: string[] = [];
  for await (const frame of frames) out.push(frame);
  return out;
};

describe('renderEventBatches', () => {
  // The end of the source is known only at the next read: the closing frames go out on their own.
  it('sends the frames of each batch as one string, the opening frames first', async () => {
    const source = batches([[delta('a'), delta('b')], [delta('c')]]);
    expect(await all(renderEventBatches(source.iterator, render))).toEqual(['open;', 'a;b;', 'c;', 'close;']);
    expect(source.state.closed).toBe(true);
  });

  it('hands a failure of the source to the renderer, after the frames before it', async () => {
    const source = batches([[delta('a')]], new Error('socket closed'));
    expect(await all(renderEventBatches(source.iterator, render))).toEqual(['open;', 'a;', 'thrown:socket closed;']);
  });

  it('closes the source when the renderer ends first (an error event)', async () => {
    const source = batches([[delta('a'), { type: 'error', error: new UpstreamUnavailableError('overloaded') }, delta('never')], [delta('later')]]);
    expect(await all(renderEventBatches(source.iterator, render))).toEqual(['open;', 'a;error:overloaded;']);
    expect(source.state.closed).toBe(true);
    expect(source.state.reads).toBe(1);
  });

  it('closes the source when the reader leaves early', async () => {
    const source = batches([[delta('a')], [delta('b')], [delta('c')]]);
    const frames = renderEventBatches(source.iterator, render);
    await frames.next();
    await frames.next();
    await frames.return(undefined);
    expect(source.state.closed).toBe(true);
    expect(source.state.reads).toBeLessThan(3);
  });

  it('passes a renderer’s own failure on, and closes the source', async () => {
    const broken: FrameRenderer = function* (events) {
      for (const event of events) {
        if (event === waiting) yield waiting;
        else throw new Error('renderer bug');
      }
    };
    const source = batches([[delta('a')], [delta('b')]]);
    await expect(all(renderEventBatches(source.iterator, broken))).rejects.toThrow('renderer bug');
    expect(source.state.closed).toBe(true);
  });

  it('fails, instead of spinning, when a renderer reads on past `waiting`', async () => {
    const spinning: FrameRenderer = function* (events) {
      for (const event of events) if (event !== waiting) yield 'x';
    };
    const source = batches([[delta('a')]]);
    await expect(all(renderEventBatches(source.iterator, spinning))).rejects.toThrow('past `waiting`');
    expect(source.state.reads).toBe(0);
  });
});

describe('renderEvents', () => {
  it('yields one frame at a time from a stream of single events', async () => {
    async function* events(): AsyncGenerator<StreamEvent> {
      yield delta('a');
      yield delta('b');
    }
    expect(await all(renderEvents(events(), render))).toEqual(['open;', 'a;', 'b;', 'close;']);
  });
});
