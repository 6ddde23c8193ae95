export interface SettingsIntervalJobOptions {
  /** Read from the live settings; 0 turns the job off. */
  intervalSeconds: () => number;
  run: () => Promise<unknown>;
  onError: (error: unknown) => void;
  now?: () => number;
  /** How often the setting is looked at between rounds (a cheap in-memory read). */
  watchMs?: number;
}

/**
 * Runs a job every `intervalSeconds()` and follows a change of that setting at once: the next round
 * is due one new interval after the last round (or the start), not when a timer set for the old
 * interval fires. Settings are per instance and reloaded on change, so each instance sees the change.
 */
export class SettingsIntervalJob {
  private timer: NodeJS.Timeout | undefined;
  private watch: NodeJS.Timeout | undefined;
  private scheduledSeconds = 0;
  private lastRoundAt = 0;
  private running = false;
  private readonly now: () => number;

  constructor(private readonly options: SettingsIntervalJobOptions) {
    this.now = options.now ?? Date.now;
  }

  start(): void {
    if (this.watch) return;
    this.lastRoundAt = this.now();
    this.schedule();
    this.watch = setInterval(() => {
      if (!this.running && this.options.intervalSeconds() !== this.scheduledSeconds) this.schedule();
    }, this.options.watchMs ?? 1_000);
    this.watch.unref();
  }

  stop(): void {
    clearInterval(this.watch);
    clearTimeout(this.timer);
    this.watch = undefined;
    this.timer = undefined;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const seconds = this.options.intervalSeconds();
    this.scheduledSeconds = seconds;
    // Off: the watch notices when it is turned on again.
    if (seconds <= 0) return;
    const delayMs = Math.max(0, this.lastRoundAt + seconds * 1000 - this.now());
    this.timer = setTimeout(() => void this.round(), delayMs);
    this.timer.unref();
  }

  private async round(): Promise<void> {
    this.running = true;
    this.lastRoundAt = this.now();
    try {
      await this.options.run();
    } catch (error) {
      this.options.onError(error);
    } finally {
      this.running = false;
      if (this.watch) this.schedule();
    }
  }
}
