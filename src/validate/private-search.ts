/**
 * Private values looked for *inside* text (contract 1.1 §5): the validator asks it of every
 * public text cell (`private-in-public`), the privacy gate of every staged file. One pass over
 * the text finds any of a million values: each value is filed under its last few characters,
 * and the text's windows of that size are checked against a bit table before any string is made.
 * Values are kept as hashes on shared memory (private-hashes.ts): the gate's threads share one search.
 *
 * Which values are looked for, and how (a value's form decides, not its column: once merged,
 * the values no longer say where they came from):
 * - 18 digits (an NIP): in any written form, digits with single spaces, dots or dashes between;
 * - text of MIN_WORDS to MIN_ANYWHERE − 1 characters (most names, short ids): as whole words,
 *   ignoring case, so that "Budi" is not found in "Budiman";
 * - text of MIN_ANYWHERE characters or more (long names, ids, saran, uraian): anywhere, ignoring case;
 * - shorter text, text without a letter shorter than MIN_ANYWHERE (counts, dates, short
 *   numeric ids) and the contract's own words ("Sangat Baik", "waktu") are not looked for:
 *   they would be found in every page.
 */
import { INPUTS } from '../contract/inputs/index.ts';
import { TABLES } from '../contract/published.ts';
import type { PackedStrings } from './fast/packed.ts';
import {
  ANCHOR,
  anchorCodes,
  anchorHash,
  BITS,
  collapseSpaces,
  DIGITS,
  DROP,
  finish,
  LETTER,
  MIN_ANYWHERE,
  MIN_WORDS,
  NIP,
  NIP_DIGITS,
  rollIn,
  TO_SEE,
} from './private-anchor.ts';
import { BackHash, HashedStrings, RowCollector, sharedMemory, someRow, type HashRows } from './private-hashes.ts';

export { MIN_ANYWHERE, MIN_WORDS } from './private-anchor.ts';

/**
 * Any NIP-like number, known or not: birth date (any year 19xx or 20xx), appointment
 * year-month, sex, sequence; a space, dot or dash allowed between the groups as printed.
 */
export const NIP_LIKE =
  /(?<![0-9])(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])[0-3][0-9][ .-]?(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])[ .-]?[12][ .-]?[0-9]{3}(?![0-9])/;

/**
 * The contract's own words: enum values and labels of the inputs and of the published tables.
 * A respondent whose saran is just "Sangat Baik", or a complaint whose uraian is "waktu", says
 * nothing about anyone, and would otherwise match the published `kinerja` or `kategori` cells.
 */
export const VOCABULARY: ReadonlySet<string> = new Set([
  ...INPUTS.flatMap((i) => Object.values(i.fields).flatMap((f) => (f.options ?? []).flatMap((o) => [o.value, o.label.id, o.label.en]))),
  ...TABLES.flatMap((t) => t.columns.flatMap((c) => ('enum' in c && c.enum ? [...c.enum] : []))),
]);
const VOCABULARY_LOWER: ReadonlySet<string> = new Set([...VOCABULARY].map((v) => v.toLowerCase()));

/** Where a private value was found: an offset in the text, never the value. */
export interface Found {
  kind: 'nip' | 'text';
  at: number;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Whether each UTF-16 code beyond ASCII is a letter or a digit, asked of WORD_CHAR once (0: not yet asked). */
const WIDE_WORD = new Uint8Array(0x10000);

/**
 * Whether a UTF-16 code is a letter or a digit (a lone surrogate is neither), as WORD_CHAR says.
 * Asked at every character of every page the gate reads: ASCII by its code, the rest from a table.
 */
function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  if (!(c <= 0xffff)) return false; // NaN: past either end of the text
  const known = WIDE_WORD[c];
  if (known !== 0) return known === 1;
  const is = WORD_CHAR.test(String.fromCharCode(c));
  WIDE_WORD[c] = is ? 1 : 2;
  return is;
}

/** Bits of the first MIN_WORDS characters of the short patterns (a table of 2^16 bits: 8 KB), hashed as anchors are. */
const HEAD_BITS = 1 << 16;
const headBit = (text: string, at: number): number => finish(anchorHash(text, at, false, MIN_WORDS)) & (HEAD_BITS - 1);

/** Whether a UTF-16 code may be a word's edge that runs on: a letter or a digit (NaN, past an end of the text: no). */
const runsOn = (lower: string, at: number) => isWordCode(lower.charCodeAt(at));

/** A search's tables, on shared memory: what a thread is sent to make the same search (PrivateSearch.from). */
export interface SharedSearch {
  longest: number;
  /** NIPs: the first nine digits and the last nine, as numbers. */
  nips: HashRows;
  /** Patterns of ANCHOR characters or more: key the rolling hash of their last ANCHOR, then length × 2 + whole words, and their hashes. */
  long: HashRows;
  /** One bit per finish() of an anchor: most windows of a text are passed over on it. */
  bits: Uint32Array;
  /** Shorter patterns (whole words, all of them) and a bit per hash of their first MIN_WORDS characters. */
  short: HashRows;
  heads: Uint32Array;
  /** Bit k set: some short pattern has k characters. */
  shortLengths: number;
}

/** Digits text[from, from + 9) as a number (the caller knows they are digits). */
function nineDigits(text: string, from: number): number {
  let n = 0;
  for (let i = from; i < from + 9; i++) n = n * 10 + text.charCodeAt(i) - 0x30;
  return n;
}

const sharedBits = (bits: number) => new Uint32Array(sharedMemory(bits / 8));

/**
 * Collects the values looked for (see the header for which), as hashes: built once, then
 * read by any thread (PrivateSearch.from(search.share())).
 */
class SearchBuilder {
  readonly #nips = new RowCollector();
  readonly #long = new RowCollector();
  readonly #short = HashedStrings.collect();
  readonly #bits = sharedBits(BITS);
  readonly #heads = sharedBits(HEAD_BITS);
  readonly #hash = new BackHash();
  #shortLengths = 0;
  #longest = NIP_DIGITS;
  /** The windows of the texts this search is limited to (PrivateSearch.of(values, within)), as bits like #bits. */
  readonly #within: Uint32Array | null;

  constructor(within?: Iterable<string>) {
    this.#within = null;
    if (within) {
      this.#within = new Uint32Array(BITS / 32);
      for (const text of within) markWindows(collapseSpaces(text.toLowerCase()), this.#within);
    }
  }

  /**
   * add() for each value of a pack, deciding by its anchorCode (private-anchor.ts; worked out
   * already by the thread that read the values, when `codes` is given) what add() would pass
   * over: a million respondent ids cost a bit looked up each, no string.
   */
  addPacked({ text, ends }: PackedStrings, codes = anchorCodes(text, ends)): void {
    const within = this.#within;
    let start = 0;
    for (let i = 0; i < ends.length; i++) {
      const end = ends[i];
      const code = codes[i];
      if (code === NIP) this.#nip(text, start);
      else if (code === TO_SEE || (code >= 0 && (within === null || (within[code >>> 5] & (1 << (code & 31))) !== 0))) {
        this.add(text.slice(start, end));
      }
      start = end;
    }
  }

  #nip(digits: string, from: number): void {
    this.#nips.push(nineDigits(digits, from), nineDigits(digits, from + 9), 0, 0);
  }

  add(value: string): void {
    // Most values (ids, codes) are printable ASCII without a space: nothing to trim or collapse,
    // and a letter is A–Z or a–z. Told apart in one pass, without a regular expression.
    let plain = true;
    let letter = false;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        plain = false;
        break;
      }
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) letter = true;
    }
    const v = plain ? value : collapseSpaces(value.trim());
    if (v.length === NIP_DIGITS && DIGITS.test(v)) return this.#nip(v, 0);
    // Without a letter, a short value is a number, a date or a count as much as anyone's.
    if (v.length < ((plain ? letter : LETTER.test(v)) ? MIN_WORDS : MIN_ANYWHERE)) return;
    // Printable ASCII lowers A–Z alone: its anchor is hashed before any lower-case copy is made.
    if (plain && !this.#mayBeWithin(v, true)) return;
    const lower = v.toLowerCase();
    if (!plain && !this.#mayBeWithin(lower, false)) return;
    if (VOCABULARY_LOWER.has(lower)) return;
    if (lower.length > this.#longest) this.#longest = lower.length;
    if (lower.length < ANCHOR) {
      this.#short.add(lower);
      this.#shortLengths |= 1 << lower.length;
      const head = headBit(lower, 0);
      this.#heads[head >>> 5] |= 1 << (head & 31);
      return;
    }
    const h = this.#hash.at(lower, lower.length);
    h.of(lower.length);
    const anchor = anchorHash(lower, lower.length - ANCHOR);
    this.#long.push(anchor, 2 * lower.length + (lower.length < MIN_ANYWHERE ? 1 : 0), h.a, h.b);
    const b = finish(anchor);
    this.#bits[b >>> 5] |= 1 << (b & 31);
  }

  /** Whether a value, as lower-case text (or ASCII to lower), can be in the texts this search is limited to. */
  #mayBeWithin(text: string, asciiToLower: boolean): boolean {
    if (!this.#within || text.length < ANCHOR) return true;
    const b = finish(anchorHash(text, text.length - ANCHOR, asciiToLower));
    return (this.#within[b >>> 5] & (1 << (b & 31))) !== 0;
  }

  build(): PrivateSearch {
    return PrivateSearch.from({
      longest: this.#longest,
      nips: this.#nips.table(),
      long: this.#long.table(),
      bits: this.#bits,
      short: this.#short.finish().table,
      heads: this.#heads,
      shortLengths: this.#shortLengths,
    });
  }
}

export class PrivateSearch {
  readonly #t: SharedSearch;
  readonly #hash = new BackHash();
  readonly #short: HashedStrings;

  private constructor(tables: SharedSearch) {
    this.#t = tables;
    this.#short = new HashedStrings(tables.short);
  }

  /**
   * From every private value of the inputs (see the header for which are looked for). With
   * `within`, a search that answers only for those texts: a long value is kept only when its
   * last ANCHOR characters are a window of one of them, so the validator's check of a few
   * thousand public texts does not file a million respondent ids it cannot find there.
   */
  static of(
    values: { forEachValue(fn: (v: string) => void, packed?: (p: PackedStrings, codes?: Int32Array) => void): void } | Iterable<string>,
    within?: Iterable<string>,
  ): PrivateSearch {
    const s = new SearchBuilder(within);
    // forEachValue first: PrivateValues is iterable too, but iterating it hashes a million values into its Set.
    if ('forEachValue' in values)
      values.forEachValue(
        (v) => s.add(v),
        (p, codes) => s.addPacked(p, codes),
      );
    else for (const v of values) s.add(v);
    return s.build();
  }

  /** The search whose tables another made (share()): nothing copied, in any thread. */
  static from(tables: SharedSearch): PrivateSearch {
    return new PrivateSearch(tables);
  }

  /** Its tables, to send to another thread (structured clone keeps shared memory shared). */
  share(): SharedSearch {
    return this.#t;
  }

  /** The longest value this search looks for, in characters (at least an NIP's 18 digits). */
  get longest(): number {
    return this.#t.longest;
  }

  get empty(): boolean {
    const t = this.#t;
    return t.nips.rows.length === 0 && t.long.rows.length === 0 && t.short.rows.length === 0;
  }

  /** The first private value in `text` (or an NIP-like number, known or not), or null. */
  find(text: string): Found | null {
    const like = NIP_LIKE.exec(text);
    if (like) return { kind: 'nip', at: like.index };
    if (this.empty) return null;
    const lower = collapseSpaces(text.toLowerCase());
    return this.#findNip(text) ?? this.#findLong(lower) ?? this.#findShort(lower);
  }

  #findNip(text: string): Found | null {
    const nips = this.#t.nips;
    if (nips.rows.length === 0) return null;
    // Runs of digits with at most one space, dot or dash between two of them.
    const runs = /[0-9](?:[ .-]?[0-9]){17,}/g;
    for (let m = runs.exec(text); m; m = runs.exec(text)) {
      const digits = m[0].replace(/[^0-9]/g, '');
      for (let i = 0; i + NIP_DIGITS <= digits.length; i++) {
        const last = nineDigits(digits, i + 9);
        if (someRow(nips, nineDigits(digits, i), (r) => nips.rows[r + 1] === last)) return { kind: 'nip', at: m.index };
      }
    }
    return null;
  }

  /** Every window of ANCHOR characters, by a rolling hash: one multiplication a character. */
  #findLong(lower: string): Found | null {
    const { long, bits } = this.#t;
    if (long.rows.length === 0 || lower.length < ANCHOR) return null;
    const rows = long.rows;
    const hash = this.#hash;
    let at = -1;
    // A pattern with this anchor ends where the window does: its hashes are those of the text back from there.
    const stands = (r: number) => {
      const length = rows[r + 1] >>> 1;
      if (!hash.of(length) || hash.a !== rows[r + 2] || hash.b !== rows[r + 3]) return false;
      at = hash.to - length;
      // As whole words: no letter or digit runs on across an end that is one.
      if (
        (rows[r + 1] & 1) === 1 &&
        ((runsOn(lower, at) && runsOn(lower, at - 1)) || (runsOn(lower, hash.to - 1) && runsOn(lower, hash.to)))
      )
        return false;
      return true;
    };
    let h = 0;
    for (let i = 0; i < ANCHOR - 1; i++) h = rollIn(h, lower.charCodeAt(i));
    for (let end = ANCHOR - 1; end < lower.length; end++) {
      h = rollIn(h, lower.charCodeAt(end));
      const b = finish(h);
      if ((bits[b >>> 5] & (1 << (b & 31))) !== 0) {
        hash.at(lower, end + 1);
        if (someRow(long, h, stands)) return { kind: 'text', at };
      }
      h = (h - Math.imul(lower.charCodeAt(end + 1 - ANCHOR), DROP)) | 0;
    }
    return null;
  }

  /** Short patterns are whole words: looked up where a word starts. */
  #findShort(lower: string): Found | null {
    const { heads, shortLengths } = this.#t;
    if (this.#short.empty) return null;
    // Every short pattern has MIN_WORDS characters or more: a word start whose first ones no pattern has is passed over.
    for (let at = 0; at + MIN_WORDS <= lower.length; at++) {
      if (at > 0 && isWordCode(lower.charCodeAt(at - 1))) continue;
      const h = headBit(lower, at);
      if ((heads[h >>> 5] & (1 << (h & 31))) === 0) continue;
      for (let k = MIN_WORDS; k < ANCHOR; k++) {
        if ((shortLengths & (1 << k)) === 0 || at + k > lower.length) continue;
        if (this.#short.has(lower, at, at + k) && !(runsOn(lower, at + k - 1) && runsOn(lower, at + k))) return { kind: 'text', at };
      }
    }
    return null;
  }
}

/** Sets the bit of every window of ANCHOR characters of `lower` (as #findLong hashes them). */
function markWindows(lower: string, bits: Uint32Array): void {
  for (let end = ANCHOR - 1; end < lower.length; end++) {
    const b = finish(anchorHash(lower, end + 1 - ANCHOR));
    bits[b >>> 5] |= 1 << (b & 31);
  }
}
