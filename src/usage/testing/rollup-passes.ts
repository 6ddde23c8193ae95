import type { UsageMetrics } from '../metrics/usage-metrics.js';

/** The roll-up passes counted so far and their summed seconds, as GET /metrics shows them. */
export async function rollupPasses(metrics: UsageMetrics): Promise<{ count: number; seconds: number }> {
  const text = await metrics.render();
  const figure = (name: string) => Number(new RegExp(`^sluice_usage_rollup_duration_seconds_${name} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  return { count: figure('count'), seconds: figure('sum') };
}
