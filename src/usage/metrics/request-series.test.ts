import { Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { RequestSeries, type SeriesObservation } from './request-series.js';

/** The same metrics made with prom-client's own counters and histograms, as they were before: the reference. */
function referenceMetrics(registry: Registry) {
  const registers = [registry];
  const requests = new Counter({ name: 'sluice_requests_total', help: 'Client requests by provider, model and outcome.', labelNames: ['provider', 'model', 'status'], registers });
  const tokens = new Counter({ name: 'sluice_tokens_total', help: 'Tokens by kind: input (uncached), output, cache_read, cache_write.', labelNames: ['provider', 'model', 'kind'], registers });
  const cost = new Counter({ name: 'sluice_cost_usd_total', help: 'Estimated cost in USD from the price table.', labelNames: ['provider', 'model'], registers });
  const duration = new Histogram({ name: 'sluice_request_duration_seconds', help: 'Time from request to last byte.', labelNames: ['provider', 'model'], buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300], registers });
  const firstToken = new Histogram({ name: 'sluice_time_to_first_token_seconds', help: 'Time from request to the first streamed token.', labelNames: ['provider', 'model'], buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60], registers });
  return (provider: string, model: string, observation: SeriesObservation) => {
    requests.inc({ provider, model, status: observation.status });
    const kinds = [
      ['input', observation.inputTokens],
      ['output', observation.outputTokens],
      ['cache_read', observation.cacheReadTokens],
      ['cache_write', observation.cacheWriteTokens],
    ] as const;
    for (const [kind, amount] of kinds) if (amount > 0) tokens.inc({ provider, model, kind }, amount);
    if (observation.cost > 0) cost.inc({ provider, model }, observation.cost);
    duration.observe({ provider, model }, observation.latencyMs / 1000);
    if (observation.ttftMs !== null) firstToken.observe({ provider, model }, observation.ttftMs / 1000);
  };
}

const sortedLines = (text: string) => text.split('\n').sort();

describe('RequestSeries', () => {
  it('prints the same series and values as prom-client counters and histograms fed the same requests', async () => {
    const ours = new Registry();
    const theirs = new Registry();
    const series = new RequestSeries(ours);
    const reference = referenceMetrics(theirs);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    // Label values that need escaping, bucket edges exactly, and values past the last bucket.
    const models = ['claude-sonnet-4.5', 'gpt-4o', 'a"b\\c\nd'];
    const latencies = [100, 250, 300_000, 300_001, 0];
    for (let index = 0; index < 600; index += 1) {
      const observation: SeriesObservation = {
        status: random() < 0.2 ? 'error' : 'success',
        inputTokens: Math.floor(random() * 100),
        outputTokens: index % 5 === 0 ? 0 : Math.floor(random() * 50),
        cacheReadTokens: index % 3 === 0 ? 7 : 0,
        cacheWriteTokens: index % 11 === 0 ? 3 : 0,
        cost: index % 4 === 0 ? 0 : random() / 10,
        latencyMs: index < latencies.length ? latencies[index]! : random() * 400_000,
        ttftMs: index % 2 ? null : index === 4 ? 50 : random() * 70_000,
      };
      const provider = index % 7 === 0 ? 'none' : ['anthropic', 'kiro'][index % 2]!;
      series.observe(provider, models[index % 3]!, observation);
      reference(provider, models[index % 3]!, observation);
    }
    const printed = await ours.metrics();
    expect(printed).toContain('sluice_request_duration_seconds_bucket{le="0.1",provider="none",model="claude-sonnet-4.5"} 1');
    expect(sortedLines(printed)).toEqual(sortedLines(await theirs.metrics()));
  });

  it('prints only the help and type of each metric before the first request', async () => {
    const ours = new Registry();
    new RequestSeries(ours);
    const theirs = new Registry();
    referenceMetrics(theirs);
    expect(await ours.metrics()).toBe(await theirs.metrics());
  });
});
