import { Writable } from 'node:stream';

export interface CapturedLogLines {
  /** A stream to hand to pino (`pino(options, sink)`, `createLogger(level, sink)`). */
  sink: Writable;
  /** Each line written so far, parsed. */
  lines: Array<Record<string, unknown>>;
  /** Everything written so far, as written (to check that a value appears nowhere). */
  text(): string;
}

/** Collects what a logger writes, line by line. */
export function captureLogLines(): CapturedLogLines {
  const lines: Array<Record<string, unknown>> = [];
  let written = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const text = chunk.toString();
      written += text;
      for (const line of text.split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { sink, lines, text: () => written };
}
