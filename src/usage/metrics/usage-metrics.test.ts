import { describe, expect, it } from 'vitest';
import type { AccountRecord } from '../../accounts/account-record.js';
import { UsageMetrics } from './usage-metrics.js';

describe('UsageMetrics', () => {
  it('exposes request, token, cost, latency, limiter and account metrics in Prometheus format', async () => {
    const metrics = new UsageMetrics();
    metrics.setAccountSource(() => [
      { id: 'account-1', provider: 'anthropic', enabled: true, status: 'cooling', cooldownUntil: Date.now() + 60_000 } as AccountRecord,
      { id: 'account-2', provider: 'kiro', enabled: false, status: 'active' } as AccountRecord,
      { id: 'account-3', provider: 'openai', enabled: true, status: 'cooling', cooldownUntil: Date.now() - 600_000 } as AccountRecord,
    ]);
    metrics.observeRequest({ provider: 'anthropic', model: 'claude-sonnet-4.5', status: 'success', inputTokens: 100, outputTokens: 50, cacheReadTokens: 7, cacheWriteTokens: 0, cost: 0.25, latencyMs: 1500, ttftMs: 200 });
    metrics.observeRequest({ provider: null, model: 'claude-sonnet-4.5', status: 'error', inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, cost: 0, latencyMs: 5, ttftMs: null });
    metrics.recordLimiterRejection('key_rpm');

    const text = await metrics.render();
    expect(text).toContain('sluice_requests_total{provider="anthropic",model="claude-sonnet-4.5",status="success"} 1');
    expect(text).toContain('sluice_requests_total{provider="none",model="claude-sonnet-4.5",status="error"} 1');
    expect(text).toContain('sluice_tokens_total{provider="anthropic",model="claude-sonnet-4.5",kind="input"} 100');
    expect(text).toContain('sluice_tokens_total{provider="anthropic",model="claude-sonnet-4.5",kind="cache_read"} 7');
    expect(text).toContain('sluice_cost_usd_total{provider="anthropic",model="claude-sonnet-4.5"} 0.25');
    expect(text).toContain('sluice_request_duration_seconds_bucket{le="2.5",provider="anthropic",model="claude-sonnet-4.5"} 1');
    expect(text).toContain('sluice_time_to_first_token_seconds_count{provider="anthropic",model="claude-sonnet-4.5"} 1');
    expect(text).toContain('sluice_limiter_rejections_total{scope="key_rpm"} 1');
    expect(text).toContain('sluice_account_state{account="account-1",provider="anthropic",status="cooling"} 1');
    expect(text).toContain('sluice_account_state{account="account-2",provider="kiro",status="disabled"} 1');
    // Its cooldown ended ten minutes ago: it is back in rotation, and says so.
    expect(text).toContain('sluice_account_state{account="account-3",provider="openai",status="active"} 1');
  });

  it('exposes how long the usage roll-up passes took', async () => {
    const metrics = new UsageMetrics();
    metrics.observeRollup(0.02);
    metrics.observeRollup(3);
    const text = await metrics.render();
    expect(text).toContain('sluice_usage_rollup_duration_seconds_count 2');
    expect(text).toContain('sluice_usage_rollup_duration_seconds_sum 3.02');
    expect(text).toContain('sluice_usage_rollup_duration_seconds_bucket{le="0.05"} 1');
    expect(text).toContain('sluice_usage_rollup_duration_seconds_bucket{le="5"} 2');
  });

  it('bounds the number of model labels', async () => {
    const metrics = new UsageMetrics();
    for (let index = 0; index < 250; index += 1) {
      metrics.observeRequest({ provider: 'openai', model: `model-${index}`, status: 'success', inputTokens: 1, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0, cost: 0, latencyMs: 1, ttftMs: null });
    }
    const text = await metrics.render();
    expect(text).toContain('sluice_requests_total{provider="openai",model="other",status="success"} 50');
  });
});
