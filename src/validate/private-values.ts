/**
 * Every private value of the inputs (contract §5), for the privacy gate. A Set in every
 * respect, but values arrive as lists (a worker's million respondent ids) and are hashed into
 * the Set only when a question needs it. The gate asks none: it reads every value once
 * (forEachValue) into its hashed tables (src/publish/privacy-gate.ts, shareLookup).
 */
import { packedLength, unpack, type PackedStrings } from './fast/packed.ts';

type List = string[] | PackedStrings;
/** One list of values as a PrivateValues holds it, with its values' anchorCodes when known: what crosses to another process (lists, fromLists). */
export interface ValueList {
  values: List;
  codes?: Int32Array;
}
const listLength = (l: List) => (Array.isArray(l) ? l.length : packedLength(l));

export class PrivateValues extends Set<string> {
  /** Values not yet in the Set, in the order they were added. */
  #pending: List[] = [];
  /** The anchorCodes of a pack's values (private-anchor.ts), when the thread that read them gave them. */
  #codes = new Map<PackedStrings, Int32Array>();
  #loose: string[] | null = null;

  /** Empty at first: values come by add() and addAll(). */
  constructor() {
    super();
  }

  /** Adds a list of values at once; the list is kept, not copied. With a pack, maybe its values' anchorCodes. */
  addAll(values: List, codes?: Int32Array): this {
    if (listLength(values) > 0) {
      this.#loose = null;
      this.#pending.push(values);
      if (codes && !Array.isArray(values)) this.#codes.set(values, codes);
    }
    return this;
  }

  /** Takes over another collection's values, after this one's; the other is left empty. */
  absorb(other: PrivateValues): this {
    const settled = [...Set.prototype.values.call(other)];
    if (settled.length > 0) this.addAll(settled);
    for (const list of other.#pending) this.addAll(list, Array.isArray(list) ? undefined : other.#codes.get(list));
    other.clear();
    return this;
  }

  /**
   * Takes another collection's values too, and leaves it as it is: their lists are shared, not
   * copied (a region's values, kept by region, are also the export's). Call it once `other` is complete.
   */
  include(other: PrivateValues): this {
    const settled = [...Set.prototype.values.call(other)];
    if (settled.length > 0) this.addAll(settled);
    for (const list of other.#pending) this.addAll(list, Array.isArray(list) ? undefined : other.#codes.get(list));
    return this;
  }

  /**
   * Its values as the lists it holds, none copied or hashed (the Set's own values as one list):
   * plain data for v8.serialize, taken back by fromLists in the process that reads them.
   */
  lists(): ValueList[] {
    const settled = [...Set.prototype.values.call(this)];
    const out: ValueList[] = settled.length > 0 ? [{ values: settled }] : [];
    for (const values of this.#pending) {
      const codes = Array.isArray(values) ? undefined : this.#codes.get(values);
      if (listLength(values) > 0) out.push(codes ? { values, codes } : { values });
    }
    return out;
  }

  /** The values of lists(), as they were held. */
  static fromLists(lists: readonly ValueList[]): PrivateValues {
    const pv = new PrivateValues();
    for (const l of lists) pv.addAll(l.values, l.codes);
    return pv;
  }

  override add(value: string): this {
    if (this.#loose === null) this.#pending.push((this.#loose = []));
    this.#loose.push(value);
    return this;
  }

  #settle(): void {
    if (this.#pending.length === 0) return;
    const lists = this.#pending;
    this.#pending = [];
    this.#codes.clear();
    this.#loose = null;
    for (const list of lists) for (const v of Array.isArray(list) ? list : unpack(list)) super.add(v);
  }

  /** Whether any value was added, without hashing the pending ones. */
  hasAny(): boolean {
    return super.size > 0 || this.#pending.some((l) => listLength(l) > 0);
  }

  /**
   * Calls `fn` with every value added (a value added twice, maybe twice), none hashed into the
   * Set; with `packed`, a list that came packed is handed to it whole (with its values'
   * anchorCodes, when known), none of its values cut out.
   */
  forEachValue(fn: (value: string) => void, packed?: (list: PackedStrings, codes?: Int32Array) => void): void {
    for (const v of Set.prototype.values.call(this)) fn(v);
    for (const list of this.#pending) {
      if (Array.isArray(list)) for (const v of list) fn(v);
      else if (packed) packed(list, this.#codes.get(list));
      else for (const v of unpack(list)) fn(v);
    }
  }

  override has(value: string): boolean {
    this.#settle();
    return super.has(value);
  }

  override delete(value: string): boolean {
    this.#settle();
    return super.delete(value);
  }

  override clear(): void {
    this.#pending = [];
    this.#codes.clear();
    this.#loose = null;
    super.clear();
  }

  override get size(): number {
    this.#settle();
    return super.size;
  }

  override forEach(fn: (value: string, key: string, set: Set<string>) => void, thisArg?: unknown): void {
    this.#settle();
    super.forEach(fn, thisArg);
  }

  override entries(): SetIterator<[string, string]> {
    this.#settle();
    return super.entries();
  }

  override keys(): SetIterator<string> {
    this.#settle();
    return super.keys();
  }

  override values(): SetIterator<string> {
    this.#settle();
    return super.values();
  }

  override [Symbol.iterator](): SetIterator<string> {
    this.#settle();
    return super[Symbol.iterator]();
  }
}
