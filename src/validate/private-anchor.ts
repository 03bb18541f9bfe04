/**
 * How PrivateSearch (private-search.ts) files a private value: by its last ANCHOR characters,
 * as a bit of a table of 2^24. Apart from the search, so that the slice workers
 * (fast/slice-worker.ts) can work out their values' anchors without loading the contract's
 * vocabulary: the main thread then looks up one bit a value.
 */

/** Shorter values are not looked for inside text ("Ani", "R1" would be found everywhere). */
export const MIN_WORDS = 4;
/** Values at least this long are looked for anywhere; shorter ones as whole words. */
export const MIN_ANYWHERE = 12;
export const NIP_DIGITS = 18;
/** Characters of the window a value is filed under: its last ANCHOR (fewer when it is shorter). */
export const ANCHOR = 8;
export const BITS = 1 << 24;

const BASE = 131;
/** BASE to the power ANCHOR − 1: what the character leaving the window weighed. */
export const DROP = Array.from({ length: ANCHOR - 1 }).reduce<number>((p) => Math.imul(p, BASE), 1);
/** The bit of a rolling hash. */
export const finish = (h: number) => (Math.imul(h, 0x9e3779b1) >>> 8) & (BITS - 1);
/** One more character in a rolling hash. */
export const rollIn = (h: number, c: number) => (Math.imul(h, BASE) + c) | 0;

/** The rolling hash of the `length` (ANCHOR) characters of `text` from `from` (ASCII A–Z lowered, if asked). */
export function anchorHash(text: string, from: number, asciiToLower = false, length = ANCHOR): number {
  let h = 0;
  for (let i = from; i < from + length; i++) {
    const c = text.charCodeAt(i);
    h = rollIn(h, asciiToLower && c >= 0x41 && c <= 0x5a ? c | 0x20 : c);
  }
  return h;
}

/** A value PrivateSearch.add passes over, whatever texts the search is limited to. */
export const PASSED_OVER = -1;
/** A value PrivateSearch.add must see. */
export const TO_SEE = -2;
/** An NIP: 18 digits. */
export const NIP = -3;

/**
 * What PrivateSearch.add makes of the value text[start, end), from its characters alone:
 * PASSED_OVER, TO_SEE, NIP (a plain one), or the bit of its anchor (as add() hashes it: of the
 * value trimmed, its spaces collapsed, lower-cased; a plain value's is read in place): add()
 * passes the value over when the texts the search is limited to have no window with that bit.
 */
export function anchorCode(text: string, start: number, end: number): number {
  let letter = false;
  let digits = true;
  for (let j = start; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c <= 0x20 || c >= 0x7f) return unplainCode(text.slice(start, end));
    if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) letter = true;
    if (c < 0x30 || c > 0x39) digits = false;
  }
  const length = end - start;
  if (length === NIP_DIGITS) return digits ? NIP : TO_SEE;
  if (length < (letter ? MIN_WORDS : MIN_ANYWHERE)) return PASSED_OVER;
  if (length < ANCHOR) return TO_SEE;
  return finish(anchorHash(text, end - ANCHOR, true));
}

/**
 * Every run of whitespace as one space: how values and texts are compared. The same as
 * `replace(/\s+/g, ' ')` without replacing each single space by itself: a page has one every few
 * characters, and replacing them was a third of the gate's time.
 */
export const collapseSpaces = (text: string): string => text.replace(/\s{2,}|[^\S ]/g, ' ');

export const DIGITS = /^[0-9]+$/;
export const LETTER = /\p{L}/u;

/** anchorCode of a value with a space or a character outside printable ASCII: the steps of add(). */
function unplainCode(value: string): number {
  const v = collapseSpaces(value.trim());
  // An NIP once trimmed: add() files the trimmed text.
  if (v.length === NIP_DIGITS && DIGITS.test(v)) return TO_SEE;
  if (v.length < (LETTER.test(v) ? MIN_WORDS : MIN_ANYWHERE)) return PASSED_OVER;
  const lower = v.toLowerCase();
  if (lower.length < ANCHOR) return TO_SEE;
  return finish(anchorHash(lower, lower.length - ANCHOR));
}

/** anchorCode of each string of a pack (fast/packed.ts: its text, and where each string ends). */
export function anchorCodes(text: string, ends: Int32Array): Int32Array {
  const out = new Int32Array(ends.length);
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    out[i] = anchorCode(text, start, ends[i]);
    start = ends[i];
  }
  return out;
}
