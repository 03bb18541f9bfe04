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
 * - shorter text, digits only (counts, years) and the contract's own words ("Sangat Baik",
 *   "waktu") are not looked for: they would be found in every page.
 */
import { INPUTS } from '../contract/inputs/index.ts';
import { TABLES } from '../contract/published.ts';

/** Shorter values are not looked for inside text ("Ani", "R1" would be found everywhere). */
export const MIN_WORDS = 4;
/** Values at least this long are looked for anywhere; shorter ones as whole words. */
export const MIN_ANYWHERE = 12;
/** Digits-only values shorter than this are counts or years as much as ids: not looked for. */
export const MIN_DIGITS = 12;

/**
 * Any NIP-like number, known or not: birth date (any year 19xx or 20xx), appointment
 * year-month, sex, sequence; a space, dot or dash allowed between the groups as printed.
 */
export const NIP_LIKE = /(?<![0-9])(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])[0-3][0-9][ .-]?(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])[ .-]?[12][ .-]?[0-9]{3}(?![0-9])/;

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

const DIGITS = /^[0-9]+$/;
const NIP_DIGITS = 18;
/** Characters of the window a value is filed under: its last ANCHOR (fewer when it is shorter). */
const ANCHOR = 8;
const BITS = 1 << 24;

/** Where a private value was found: an offset in the text, never the value. */
export interface Found {
  kind: 'nip' | 'text';
  at: number;
}

interface Pattern {
  text: string;
  words: boolean;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

export class PrivateSearch {
  readonly #nips = new Set<string>();
  /** Patterns by (anchor length, anchor text). */
  readonly #patterns = new Map<string, Pattern[]>();
  /** One bit per hash of (anchor length, anchor text): most windows are passed over on it. */
  readonly #bits = new Uint32Array(BITS / 32);
  /** The anchor lengths in use. */
  #lengths: number[] = [];

  /** From every private value of the inputs (see the header for which are looked for). */
  static of(values: { forEachValue(fn: (v: string) => void): void } | Iterable<string>): PrivateSearch {
    const s = new PrivateSearch();
    if (Symbol.iterator in values) for (const v of values) s.add(v);
    else values.forEachValue((v) => s.add(v));
    return s;
  }

  get empty(): boolean {
    return this.#nips.size === 0 && this.#patterns.size === 0;
  }

  add(value: string): void {
    const v = value.trim();
    if (DIGITS.test(v)) {
      if (v.length === NIP_DIGITS) this.#nips.add(v);
      else if (v.length >= MIN_DIGITS) this.#addText(v.toLowerCase(), false);
      return;
    }
    if (v.length < MIN_WORDS) return;
    const lower = v.toLowerCase();
    if (VOCABULARY_LOWER.has(lower)) return;
    this.#addText(lower, v.length < MIN_ANYWHERE);
  }

  #addText(text: string, words: boolean): void {
    const k = Math.min(ANCHOR, text.length);
    const key = `${k}:${text.slice(text.length - k)}`;
    const list = this.#patterns.get(key);
    if (list) {
      if (!list.some((p) => p.text === text && p.words === words)) list.push({ text, words });
      return;
    }
    this.#patterns.set(key, [{ text, words }]);
    const h = windowHash(text, text.length - 1, k);
    this.#bits[h >>> 5] |= 1 << (h & 31);
    if (!this.#lengths.includes(k)) this.#lengths = [...this.#lengths, k].sort((a, b) => a - b);
  }

  /** The first private value in `text` (or an NIP-like number, known or not), or null. */
  find(text: string): Found | null {
    const like = NIP_LIKE.exec(text);
    if (like) return { kind: 'nip', at: like.index };
    return this.#findNip(text) ?? this.#findText(text);
  }

  #findNip(text: string): Found | null {
    if (this.#nips.size === 0) return null;
    // Runs of digits with at most one space, dot or dash between two of them.
    const runs = /[0-9](?:[ .-]?[0-9]){17,}/g;
    for (let m = runs.exec(text); m; m = runs.exec(text)) {
      const digits = m[0].replace(/[^0-9]/g, '');
      for (let i = 0; i + NIP_DIGITS <= digits.length; i++) if (this.#nips.has(digits.slice(i, i + NIP_DIGITS))) return { kind: 'nip', at: m.index };
    }
    return null;
  }

  #findText(text: string): Found | null {
    const lengths = this.#lengths;
    if (lengths.length === 0) return null;
    const lower = text.toLowerCase();
    const bits = this.#bits;
    const longest = lengths[lengths.length - 1];
    for (let end = lengths[0] - 1; end < lower.length; end++) {
      // The hashes of the windows ending here, of every anchor length, one character further back each time.
      let h = 0;
      let li = 0;
      for (let k = 1; k <= longest && k <= end + 1; k++) {
        h = mixStep(h, lower.charCodeAt(end - k + 1), k);
        if (k !== lengths[li]) continue;
        li++;
        const b = finish(h, k);
        if ((bits[b >>> 5] & (1 << (b & 31))) === 0) continue;
        const list = this.#patterns.get(`${k}:${lower.slice(end - k + 1, end + 1)}`);
        if (list) for (const p of list) if (this.#matches(lower, p, end)) return { kind: 'text', at: end + 1 - p.text.length };
      }
    }
    return null;
  }

  #matches(lower: string, p: Pattern, end: number): boolean {
    const start = end + 1 - p.text.length;
    if (start < 0 || !lower.startsWith(p.text, start)) return false;
    if (!p.words) return true;
    // Whole words: no letter or digit runs on across either end of the value (where it ends in one).
    if (isWordChar(p.text[0]) && isWordChar(lower[start - 1])) return false;
    if (isWordChar(p.text[p.text.length - 1]) && isWordChar(lower[end + 1])) return false;
    return true;
  }
}

// A window's hash, built from its last character backwards: the hash of each shorter window
// ending at the same place comes on the way.
const mixStep = (h: number, c: number, k: number) => (h + Math.imul(c, POWERS[k - 1])) | 0;
const finish = (h: number, k: number) => (Math.imul(h ^ (k * 0x9e3779b1), 0x85ebca6b) >>> 8) & (BITS - 1);
const POWERS = Array.from({ length: ANCHOR }, (_, i) => {
  let p = 1;
  for (let j = 0; j < i; j++) p = Math.imul(p, 131);
  return p;
});

function windowHash(text: string, end: number, k: number): number {
  let h = 0;
  for (let j = 1; j <= k; j++) h = mixStep(h, text.charCodeAt(end - j + 1), j);
  return finish(h, k);
}
