import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const script = path.join(import.meta.dirname, '__fixtures__', 'report-hot-path-shapes.ts');

describe('objects made on every request share one V8 shape', () => {
  it('holds for the attempt context, the checked answer, the passthrough observer, merged usage and a request forwarded as bytes', () => {
    const output = execFileSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', script], { encoding: 'utf8', timeout: 30_000 });
    expect(JSON.parse(output)).toEqual({
      attemptCallContext: true,
      checkedJsonAnswer: true,
      checkedEventStream: true,
      wholeAnswerObserver: true,
      eventStreamObserver: true,
      mergedUsageWithCredits: true,
      forwardedBytesRequest: true,
    });
  });
});
