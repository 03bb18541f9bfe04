/**
 * Private values looked for *inside* text (contract 1.1 §5): the validator asks it of every
 * public text cell (`private-in-public`), the privacy gate of every staged file. One pass over
 * the text finds any of a million values: each value is filed under its last few characters,
 * and the text's windows of that size are checked against a bit table before any string is made.
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

const isWordChar = (c: string | undefined) => c !== undefined && isWordCode(c.charCodeAt(0));

/** Bits of the first MIN_WORDS characters of the short patterns (a table of 2^16 bits: 8 KB), hashed as anchors are. */
const HEAD_BITS = 1 << 16;
const headBit = (text: string, at: number): number => finish(anchorHash(text, at, false, MIN_WORDS)) & (HEAD_BITS - 1);

/** A pattern is kept as its lower-case text after one flag character: whole words, or anywhere. */
const WORDS = '\u0001';
const ANYWHERE = '\u0002';

export class PrivateSearch {
  readonly #nips = new Set<string>();
  /**
   * Packs with NIPs (anchorCode NIP) not yet in #nips: filed only when a text has a run of 18
   * digits or more to look up, which few have (an NIP-like one is found without them).
   */
  #nipPacks: { text: string; ends: Int32Array; codes: Int32Array }[] = [];
  /** Patterns of ANCHOR characters or more, by their last ANCHOR characters. */
  readonly #long = new Map<string, string | string[]>();
  /** One bit per hash of an anchor: most windows of the text are passed over on it. */
  readonly #bits = new Uint32Array(BITS / 32);
  /** Shorter patterns (whole words, all of them), and their lengths. */
  readonly #short = new Set<string>();
  readonly #shortLengths = new Set<number>();
  /** One bit per hash of a short pattern's first MIN_WORDS characters: most word starts are passed over on it. */
  readonly #shortHeads = new Uint32Array(HEAD_BITS / 32);
  /** The windows of the texts this search is limited to (of(values, within)), as bits like #bits. */
  #within: Uint32Array | null = null;
  /** The longest value looked for, in characters: how far a piece of a long text must overlap the next. */
  #longest = NIP_DIGITS;

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
    const s = new PrivateSearch();
    if (within) {
      s.#within = new Uint32Array(BITS / 32);
      for (const text of within) markWindows(collapseSpaces(text.toLowerCase()), s.#within);
    }
    // forEachValue first: PrivateValues is iterable too, but iterating it hashes a million values into its Set.
    if ('forEachValue' in values)
      values.forEachValue(
        (v) => s.add(v),
        (p, codes) => s.addPacked(p, codes),
      );
    else for (const v of values) s.add(v);
    return s;
  }

  /**
   * add() for each value of a pack, deciding by its anchorCode (private-anchor.ts; worked out
   * already by the thread that read the values, when `codes` is given) what add() would pass
   * over: a million respondent ids cost a bit looked up each, no string.
   */
  addPacked({ text, ends }: PackedStrings, codes = anchorCodes(text, ends)): void {
    const within = this.#within;
    let nips = false;
    let start = 0;
    for (let i = 0; i < ends.length; i++) {
      const end = ends[i];
      const code = codes[i];
      if (code === NIP) nips = true;
      else if (code === TO_SEE || (code >= 0 && (within === null || (within[code >>> 5] & (1 << (code & 31))) !== 0))) {
        this.add(text.slice(start, end));
      }
      start = end;
    }
    if (nips) this.#nipPacks.push({ text, ends, codes });
  }

  /** #nips, with the NIPs of the packs added. */
  #allNips(): Set<string> {
    for (const { text, ends, codes } of this.#nipPacks) {
      for (let i = 0; i < ends.length; i++) if (codes[i] === NIP) this.#nips.add(text.slice(i === 0 ? 0 : ends[i - 1], ends[i]));
    }
    this.#nipPacks = [];
    return this.#nips;
  }

  /** The longest value this search looks for, in characters (at least an NIP's 18 digits). */
  get longest(): number {
    return this.#longest;
  }

  get empty(): boolean {
    return this.#nips.size === 0 && this.#nipPacks.length === 0 && this.#long.size === 0 && this.#short.size === 0;
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
    if (v.length === NIP_DIGITS && DIGITS.test(v)) {
      this.#nips.add(v);
      return;
    }
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
      this.#shortLengths.add(lower.length);
      const h = headBit(lower, 0);
      this.#shortHeads[h >>> 5] |= 1 << (h & 31);
      return;
    }
    const pattern = (lower.length < MIN_ANYWHERE ? WORDS : ANYWHERE) + lower;
    const anchor = lower.slice(lower.length - ANCHOR);
    const had = this.#long.get(anchor);
    if (had === undefined) {
      this.#long.set(anchor, pattern);
      const h = finish(anchorHash(anchor, 0));
      this.#bits[h >>> 5] |= 1 << (h & 31);
    } else if (typeof had === 'string') {
      if (had !== pattern) this.#long.set(anchor, [had, pattern]);
    } else if (!had.includes(pattern)) had.push(pattern);
  }

  /** Whether a value, as lower-case text (or ASCII to lower), can be in the texts this search is limited to. */
  #mayBeWithin(text: string, asciiToLower: boolean): boolean {
    if (!this.#within || text.length < ANCHOR) return true;
    const b = finish(anchorHash(text, text.length - ANCHOR, asciiToLower));
    return (this.#within[b >>> 5] & (1 << (b & 31))) !== 0;
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
    if (this.#nips.size === 0 && this.#nipPacks.length === 0) return null;
    // Runs of digits with at most one space, dot or dash between two of them.
    const runs = /[0-9](?:[ .-]?[0-9]){17,}/g;
    for (let m = runs.exec(text); m; m = runs.exec(text)) {
      const digits = m[0].replace(/[^0-9]/g, '');
      for (let i = 0; i + NIP_DIGITS <= digits.length; i++)
        if (this.#allNips().has(digits.slice(i, i + NIP_DIGITS))) return { kind: 'nip', at: m.index };
    }
    return null;
  }

  /** Every window of ANCHOR characters, by a rolling hash: one multiplication a character. */
  #findLong(lower: string): Found | null {
    if (this.#long.size === 0 || lower.length < ANCHOR) return null;
    const bits = this.#bits;
    let h = 0;
    for (let i = 0; i < ANCHOR - 1; i++) h = rollIn(h, lower.charCodeAt(i));
    for (let end = ANCHOR - 1; end < lower.length; end++) {
      h = rollIn(h, lower.charCodeAt(end));
      const b = finish(h);
      if ((bits[b >>> 5] & (1 << (b & 31))) !== 0) {
        const had = this.#long.get(lower.slice(end + 1 - ANCHOR, end + 1));
        if (had !== undefined) {
          for (const p of typeof had === 'string' ? [had] : had) {
            const at = end + 2 - p.length;
            if (matches(lower, p.slice(1), at, p[0] === WORDS)) return { kind: 'text', at };
          }
        }
      }
      h = (h - Math.imul(lower.charCodeAt(end + 1 - ANCHOR), DROP)) | 0;
    }
    return null;
  }

  /** Short patterns are whole words: looked up where a word starts. */
  #findShort(lower: string): Found | null {
    if (this.#short.size === 0) return null;
    const heads = this.#shortHeads;
    // Every short pattern has MIN_WORDS characters or more: a word start whose first ones no pattern has is passed over.
    for (let at = 0; at + MIN_WORDS <= lower.length; at++) {
      if (at > 0 && isWordCode(lower.charCodeAt(at - 1))) continue;
      const h = headBit(lower, at);
      if ((heads[h >>> 5] & (1 << (h & 31))) === 0) continue;
      for (const k of this.#shortLengths) {
        const word = lower.slice(at, at + k);
        if (word.length === k && this.#short.has(word) && matches(lower, word, at, true)) return { kind: 'text', at };
      }
    }
    return null;
  }
}

/** Whether `p` stands at `at` of `lower`; as whole words: no letter or digit runs on across an end of it that is one. */
function matches(lower: string, p: string, at: number, words: boolean): boolean {
  if (at < 0 || !lower.startsWith(p, at)) return false;
  if (!words) return true;
  if (isWordChar(p[0]) && isWordChar(lower[at - 1])) return false;
  if (isWordChar(p[p.length - 1]) && isWordChar(lower[at + p.length])) return false;
  return true;
}

/** Sets the bit of every window of ANCHOR characters of `lower` (as #findLong hashes them). */
function markWindows(lower: string, bits: Uint32Array): void {
  for (let end = ANCHOR - 1; end < lower.length; end++) {
    const b = finish(anchorHash(lower, end + 1 - ANCHOR));
    bits[b >>> 5] |= 1 << (b & 31);
  }
}
