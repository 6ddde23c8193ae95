/**
 * A guard against gross performance regressions, not a benchmark (`npm run bench` has the figures).
 * Throughput is only ever compared with the floor proxy measured in the same run, on the same busy
 * machine: Sluice must keep at least 15% of the floor's requests per second, for a whole answer and for a
 * stream, on the median of three short rounds (the goal is 70%; this only fails when something is badly
 * wrong). Idle memory is compared with a generous bound well above the goal of 120 MB and well below what
 * an eagerly loaded tokenizer costs. The bench's lean gateway, a reference beside the floor, is checked to
 * answer as the upstream does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureLoad, median } from '../../bench/measure-load.js';
import { startBenchProcesses, type BenchProcesses } from '../../bench/start-bench-processes.js';

const minimumShareOfFloor = 0.15;
const idleResidentLimitBytes = 150 * 1024 * 1024;

let processes: BenchProcesses;
beforeAll(async () => {
  processes = await startBenchProcesses({ lean: true });
}, 120_000);
afterAll(async () => {
  await processes?.stop();
}, 30_000);

describe('performance smoke (ratios against the floor proxy, same run)', { timeout: 120_000 }, () => {
  it('stays lean at idle: the tokenizer, PostgreSQL and Redis clients are not loaded until needed', () => {
    const resident = processes.residentBytes('sluice');
    if (resident === undefined) return; // no /proc: nothing to read on this platform
    expect(resident / 1024 / 1024).toBeLessThan(idleResidentLimitBytes / 1024 / 1024);
  });

  it('runs the lean reference gateway: an unknown key is refused, a whole answer and a stream are relayed', async () => {
    const url = `${processes.lean}/v1/messages`;
    const post = (key: string, body: object) =>
      fetch(url, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const request = { model: 'claude-bench', messages: [{ role: 'user', content: 'Say fifty words.' }], max_tokens: 100 };
    expect((await post('amq-not-a-key', request)).status).toBe(401);
    const whole = await post(processes.adminKey, request);
    expect(whole.status).toBe(200);
    expect(((await whole.json()) as { usage: { output_tokens: number } }).usage.output_tokens).toBe(50);
    const stream = await post(processes.adminKey, { ...request, stream: true });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const events = await stream.text();
    expect(events).toContain('word49 ');
    expect(events.trimEnd().endsWith('data: {"type":"message_stop"}')).toBe(true);
  });

  it.each([
    { answer: 'a whole answer', stream: false },
    { answer: 'a 50-chunk stream', stream: true },
  ])('passes an Anthropic request through at no less than 15 per cent of the floor proxy’s rate: $answer', async ({ stream }) => {
    const body = { model: 'claude-bench', messages: [{ role: 'user', content: 'Say fifty words.' }], max_tokens: 100, stream };
    const anthropicHeaders = { 'x-api-key': 'sk-ant-bench', 'anthropic-version': '2023-06-01' };
    // Warm up (JIT, connection pools) before measuring.
    await measureLoad(`${processes.sluice}/v1/messages`, { authorization: `Bearer ${processes.adminKey}` }, body, 10, 1);
    const ratios: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      const floor = await measureLoad(`${processes.floor}/v1/messages`, anthropicHeaders, body, 10, 1);
      const sluice = await measureLoad(`${processes.sluice}/v1/messages`, { authorization: `Bearer ${processes.adminKey}` }, body, 10, 1);
      expect(sluice.errors, 'Sluice answered with errors').toBe(0);
      ratios.push(sluice.rps / floor.rps);
    }
    expect(median(ratios), `ratios per round: ${ratios.map((ratio) => ratio.toFixed(2)).join(', ')}`).toBeGreaterThanOrEqual(minimumShareOfFloor);
  });
});
