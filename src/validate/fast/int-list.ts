import { grown } from '../table.ts';

/** Integers in a growing Int32Array: no list of numbers to grow, then copy into one. */
export class IntList {
  private values: Int32Array;
  private n = 0;
  constructor(capacity: number) {
    this.values = new Int32Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.n === this.values.length) this.values = grown(this.values, this.n * 2);
    this.values[this.n++] = v;
  }
  finish(): Int32Array {
    return this.values.subarray(0, this.n);
  }
}
