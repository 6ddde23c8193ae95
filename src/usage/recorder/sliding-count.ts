/** A count over a sliding window of time: how many rows were written in the last `windowMs`. */
export class SlidingCount {
  private readonly entries: Array<{ at: number; count: number }> = [];
  private sum = 0;

  constructor(private readonly windowMs: number) {}

  add(at: number, count: number): void {
    this.entries.push({ at, count });
    this.sum += count;
  }

  /** The count of the window that ends at `at`. */
  total(at: number): number {
    while (this.entries.length > 0 && this.entries[0]!.at <= at - this.windowMs) this.sum -= this.entries.shift()!.count;
    return this.sum;
  }
}
