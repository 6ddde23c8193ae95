import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AccountRecord } from '../../accounts/account-record.js';
import { deriveAccountStatus } from '../../accounts/derive-account-status.js';
import { RequestSeries, type SeriesObservation } from './request-series.js';

/** What one finished request contributes to the metrics: its series' counts, and which series. */
export interface RequestObservation extends SeriesObservation {
  provider: string | null;
  model: string;
}

const maxModelLabels = 200;

/**
 * Prometheus metrics owned by the usage module, in a registry of their own. Model labels are bounded:
 * after `maxModelLabels` distinct names, further ones are reported as "other" (clients choose names).
 */
export class UsageMetrics {
  readonly registry = new Registry();
  private readonly knownModels = new Set<string>();
  private accountSource: (() => readonly AccountRecord[]) | null = null;

  private readonly requestSeries = new RequestSeries(this.registry);
  private readonly rollupDuration = new Histogram({ name: 'sluice_usage_rollup_duration_seconds', help: 'Time each usage roll-up pass took, failed passes included: it reads the open hour of request logs again.', buckets: [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300], registers: [this.registry] });
  private readonly limiterRejections = new Counter({ name: 'sluice_limiter_rejections_total', help: 'Requests refused by a rate limiter or budget, by scope.', labelNames: ['scope'], registers: [this.registry] });

  constructor() {
    const metrics = this;
    new Gauge({
      name: 'sluice_account_state',
      help: '1 for the current status of each pooled account.',
      labelNames: ['account', 'provider', 'status'],
      registers: [this.registry],
      collect() {
        this.reset();
        const now = Date.now();
        for (const account of metrics.accountSource?.() ?? []) {
          // As of now: a cooldown that has passed reads as active.
          const { status } = deriveAccountStatus(account, now);
          this.set({ account: account.id, provider: account.provider, status: account.enabled ? status : 'disabled' }, 1);
        }
      },
    });
  }

  /** Where the account gauge reads from at scrape time (the in-memory account cache). */
  setAccountSource(source: (() => readonly AccountRecord[]) | null): void {
    this.accountSource = source;
  }

  observeRequest(observation: RequestObservation): void {
    this.requestSeries.observe(observation.provider ?? 'none', this.modelLabel(observation.model), observation);
  }

  /** One roll-up pass of `seconds`, wherever its reads ran (the server's connection or the reader thread). */
  observeRollup(seconds: number): void {
    this.rollupDuration.observe(seconds);
  }

  recordLimiterRejection(scope: string): void {
    this.limiterRejections.inc({ scope });
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private modelLabel(model: string): string {
    if (this.knownModels.has(model)) return model;
    if (this.knownModels.size >= maxModelLabels) return 'other';
    this.knownModels.add(model);
    return model;
  }
}

/** The process-wide metrics the server exposes on GET /metrics. */
export const usageMetrics = new UsageMetrics();

/** For the limiters: count a rejected request under its scope (e.g. "key_rpm", "account_concurrency"). */
export const recordLimiterRejection = (scope: string): void => usageMetrics.recordLimiterRejection(scope);
