import type { Insertable, Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { OffThreadWrite } from '../../store/off-thread-writer.js';
import type { Database, RequestLogsTable } from '../../store/schema.js';
import { BoundedQueue } from './bounded-queue.js';
import { SlidingCount } from './sliding-count.js';
import { requestLogBatchJob } from './write-request-log-batch.js';

export interface UsageRecorderOptions {
  db: Kysely<Database>;
  /**
   * Writes the batches there instead of on `db` (see DatabaseHandle) once traffic is sustained: when the
   * rows written in the last 10 s and the batch make at least `offThreadMinRows` (default 2,000).
   */
  offThreadWrite?: OffThreadWrite;
  offThreadMinRows?: number;
  /** The clock the 10 s are read on (tests). */
  now?: () => number;
  logger: Logger;
  /** Flush at least this often (ms). */
  flushIntervalMs?: number;
  /** Flush as soon as this many rows wait, and write at most this many per statement. */
  batchSize?: number;
  /** Rows kept while the database is unreachable; beyond this the oldest are dropped and counted. */
  maxQueuedRows?: number;
  /** Called after each batch is committed (used to mark roll-up buckets dirty). */
  onBatchWritten?: (rows: ReadonlyArray<Insertable<RequestLogsTable>>) => void;
}

/** 2,000 rows in 10 s: more than 200 requests a second, for a while. */
const offThreadMinRows = 2_000;
const offThreadWindowMs = 10_000;

export interface UsageRecorderStats {
  queued: number;
  written: number;
  dropped: number;
  failedFlushes: number;
}

/**
 * Batches request log rows off the hot path. `record` is synchronous and O(1) and never touches the
 * database; a timer (or a full batch) triggers a flush; failed batches stay queued and are retried on
 * the next tick, within a bounded queue.
 */
export class UsageRecorder {
  private readonly queue: BoundedQueue<Insertable<RequestLogsTable>>;
  private readonly batchSize: number;
  private readonly timer: NodeJS.Timeout;
  private running: Promise<void> | null = null;
  private flushScheduled = false;
  private closed = false;
  private readonly counters = { written: 0, dropped: 0, failedFlushes: 0 };
  /** Consecutive failed flushes (0 while the database answers). */
  private failingSince = 0;
  private readonly recentlyWritten = new SlidingCount(offThreadWindowMs);
  private readonly now: () => number;

  constructor(private readonly options: UsageRecorderOptions) {
    this.batchSize = options.batchSize ?? 200;
    this.now = options.now ?? Date.now;
    this.queue = new BoundedQueue(options.maxQueuedRows ?? 50_000);
    this.timer = setInterval(() => void this.flush(), options.flushIntervalMs ?? 1000);
    this.timer.unref();
  }

  record(row: Insertable<RequestLogsTable>): void {
    if (this.queue.push(row)) {
      this.counters.dropped += 1;
      if (this.counters.dropped === 1 || this.counters.dropped % 1000 === 0) {
        this.options.logger.error({ dropped: this.counters.dropped }, 'request log queue full: dropping the oldest rows');
      }
    }
    if (this.queue.size >= this.batchSize && !this.flushScheduled && !this.running) {
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        void this.flush();
      });
    }
  }

  stats(): UsageRecorderStats {
    return { queued: this.queue.size, ...this.counters };
  }

  /** Writes everything queued so far. Never rejects: a database error is logged and the rows stay queued. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    if (this.queue.size === 0) return;
    this.running = this.drain().finally(() => {
      this.running = null;
    });
    await this.running;
  }

  /** Stops the timer and writes what is left (one attempt). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    await this.flush();
    const { queued } = this.stats();
    if (queued > 0) this.options.logger.error({ lost: queued }, 'request log rows could not be written before shutdown');
  }

  private async drain(): Promise<void> {
    while (this.queue.size > 0) {
      const batch = this.queue.peek(this.batchSize);
      try {
        // After a failed flush the same rows come again: the failure may have hidden a commit.
        const options = { retry: this.failingSince > 0 };
        const offThreadWrite = this.sustained(batch.length) ? this.options.offThreadWrite : undefined;
        // Copied to the thread as they are: the rows are plain data, as toRequestLogRow makes them.
        await (offThreadWrite ? offThreadWrite(requestLogBatchJob, batch, options) : requestLogBatchJob.run(this.options.db, batch, options));
      } catch (error) {
        this.counters.failedFlushes += 1;
        this.failingSince += 1;
        // Through an outage the flush fails every tick: say so at the start and then every 30 failures.
        if (this.failingSince === 1 || this.failingSince % 30 === 0) {
          this.options.logger.error({ err: error, queued: this.queue.size, failedFlushes: this.failingSince }, 'request log flush failed; rows stay queued and are retried');
        }
        return;
      }
      if (this.failingSince > 0) {
        this.options.logger.info({ failedFlushes: this.failingSince, queued: this.queue.size }, 'request log writes resumed');
        this.failingSince = 0;
      }
      // Rows dropped for space while the batch was in flight shifted the queue; discard only what is still ours.
      this.queue.discard(this.countStillQueued(batch));
      this.counters.written += batch.length;
      this.recentlyWritten.add(this.now(), batch.length);
      this.options.onBatchWritten?.(batch);
    }
  }

  /**
   * Whether rows have been coming fast for a while: the write thread costs about 20 MB while it runs,
   * and saves the server's thread some 10 µs a row. Worth it under sustained traffic, not for a burst.
   */
  private sustained(rows: number): boolean {
    return this.recentlyWritten.total(this.now()) + rows >= (this.options.offThreadMinRows ?? offThreadMinRows);
  }

  private countStillQueued(batch: ReadonlyArray<Insertable<RequestLogsTable>>): number {
    const head = this.queue.peek(batch.length);
    const first = head[0];
    if (first === undefined) return 0;
    const offset = batch.indexOf(first);
    return offset < 0 ? 0 : batch.length - offset;
  }
}
