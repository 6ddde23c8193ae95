/**
 * Holds `count` slow streaming requests open at once against one base URL (127.0.0.1 only) and samples
 * the server's resident memory while they run: the memory a server needs per open stream.
 */
import { Agent, request } from 'undici';

const rampBatch = 50;
const rampPauseMs = 100;

export interface SlowStreamResult {
  completed: number;
  failed: number;
  /** Largest number of streams that had their response headers at the same time. */
  peakOpen: number;
  peakResidentBytes: number | undefined;
  firstError?: string;
}

export async function measureSlowStreams(options: {
  url: string;
  headers: Record<string, string>;
  body: object;
  count: number;
  timeoutMs: number;
  residentBytes: () => number | undefined;
}): Promise<SlowStreamResult> {
  const agent = new Agent({ connections: options.count, pipelining: 0, connect: { timeout: options.timeoutMs }, headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs });
  let open = 0;
  let peakOpen = 0;
  let peakResidentBytes: number | undefined;
  const sampler = setInterval(() => {
    const current = options.residentBytes();
    if (current !== undefined && (peakResidentBytes === undefined || current > peakResidentBytes)) peakResidentBytes = current;
  }, 200);
  let firstError: string | undefined;
  const payload = JSON.stringify(options.body);
  const one = async (): Promise<boolean> => {
    try {
      const answer = await request(options.url, { method: 'POST', dispatcher: agent, headers: { 'content-type': 'application/json', ...options.headers }, body: payload });
      open += 1;
      peakOpen = Math.max(peakOpen, open);
      const text = await answer.body.text();
      open -= 1;
      if (answer.statusCode !== 200) {
        firstError ??= `${answer.statusCode} ${text.slice(0, 200)}`;
        return false;
      }
      return text.includes('message_stop') || text.includes('[DONE]');
    } catch (error) {
      firstError ??= (error as Error).message;
      return false;
    }
  };
  try {
    // Opened in small batches, so that the listen backlogs of this single box are not the bottleneck;
    // every stream lasts far longer than the ramp, so all of them are open together.
    const running: Array<Promise<boolean>> = [];
    for (let index = 0; index < options.count; index += rampBatch) {
      for (let inBatch = index; inBatch < Math.min(options.count, index + rampBatch); inBatch += 1) running.push(one());
      await new Promise((resolve) => setTimeout(resolve, rampPauseMs));
    }
    const outcomes = await Promise.all(running);
    const completed = outcomes.filter(Boolean).length;
    return { completed, failed: options.count - completed, peakOpen, peakResidentBytes, ...(firstError ? { firstError } : {}) };
  } finally {
    clearInterval(sampler);
    await agent.close();
  }
}
