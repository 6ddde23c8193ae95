/** A FIFO ring buffer with a fixed capacity: pushing into a full queue drops the oldest item. O(1) push. */
export class BoundedQueue<T> {
  private readonly items: Array<T | undefined>;
  private head = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    this.items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Adds an item; returns true when the oldest item had to be dropped to make room. */
  push(item: T): boolean {
    const dropped = this.count === this.capacity;
    if (dropped) {
      this.items[this.head] = undefined;
      this.head = (this.head + 1) % this.capacity;
      this.count -= 1;
    }
    this.items[(this.head + this.count) % this.capacity] = item;
    this.count += 1;
    return dropped;
  }

  /** The oldest `limit` items, without removing them. */
  peek(limit: number): T[] {
    const taken: T[] = [];
    for (let index = 0; index < Math.min(limit, this.count); index += 1) {
      taken.push(this.items[(this.head + index) % this.capacity] as T);
    }
    return taken;
  }

  /** Removes up to `amount` of the oldest items. */
  discard(amount: number): void {
    const removed = Math.min(amount, this.count);
    for (let index = 0; index < removed; index += 1) this.items[(this.head + index) % this.capacity] = undefined;
    this.head = (this.head + removed) % this.capacity;
    this.count -= removed;
  }
}
