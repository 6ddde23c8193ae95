/** A clock tests move by hand. */
export class FakeClock {
  constructor(private current = 1_700_000_000_000) {}

  readonly now = (): number => this.current;

  advance(milliseconds: number): void {
    this.current += milliseconds;
  }
}
