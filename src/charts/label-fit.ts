/**
 * Chart labels that fit their room and tell their rows apart. Plot cuts a label too wide for its
 * `lineWidth` at the end, so three units named "Suku Dinas Dukcapil Kota Administrasi Jakarta …"
 * read alike; here a label is cut before Plot sees it, keeping the part where it differs from its
 * neighbours. No node imports: the browser redraws with it.
 */

/**
 * Width of each character in hundredths of an em: Plot's own table (`defaultWidthMap` in
 * @observablehq/plot/src/marks/text.js, which the package does not export), so that a label
 * measured to fit here is never cut again by Plot. Any other character counts as an `e`.
 */
const WIDTHS: Record<string, number> = Object.fromEntries(
  (
    'a56 b63 c57 d63 e58 f37 g62 h60 i26 j26 k55 l26 m88 n60 o60 p62 q62 r39 s54 t38 u60 v55 w79 x54 y55 z55 ' +
    'A69 B67 C73 D74 E61 F58 G76 H75 I28 J55 K67 L58 M89 N75 O78 P65 Q78 R67 S65 T65 U75 V69 W98 X69 Y67 Z67 ' +
    '064 148 262 364 466 563 665 758 865 965 !32 "49 \'31 (39 )39 ,31 -48 .31 /32 :31 ;31 ?52 ‘31 ’31 “47 ”47 …82'
  )
    .split(' ')
    .map((e) => [e.slice(0, -2), Number(e.slice(-2))]),
);
WIDTHS[' '] = 29;

/** How wide `text` is drawn, in ems, as Plot measures it. */
export const textEms = (text: string): number => [...text].reduce((sum, c) => sum + (WIDTHS[c] ?? WIDTHS.e), 0) / 100;

const ELLIPSIS = '…';

/** The longest start of `text` that fits `ems` with an ellipsis after it, cut at the end: "Suku Dinas Du…". */
function clipEnd(text: string, ems: number): string {
  if (textEms(text) <= ems) return text;
  const chars = [...text];
  let n = chars.length;
  while (n > 0 && textEms(chars.slice(0, n).join('').trimEnd() + ELLIPSIS) > ems) n--;
  return chars.slice(0, n).join('').trimEnd() + ELLIPSIS;
}

/** Index of the first word where `a` and `b` differ (`a`'s length when it is the start of `b`). */
function firstDifference(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return Math.min(i, a.length - 1);
}

/** The words at `kept` indexes, each run of left-out words said by one ellipsis: "Suku Dinas … Pusat". */
function keepWords(words: readonly string[], kept: ReadonlySet<number>): string {
  const out: string[] = [];
  words.forEach((w, i) => {
    if (kept.has(i)) out.push(w);
    else if (out.at(-1) !== ELLIPSIS) out.push(ELLIPSIS);
  });
  return out.join(' ');
}

/**
 * `text` fitted to `ems` keeping the words where it first differs from each of `others`, its
 * first and last words, and as many words from its start as still fit:
 * "Suku Dinas Dukcapil Kota … Pusat", "Penerbitan KTP-el … Pusat".
 */
function keepDifferences(text: string, others: readonly string[], ems: number): string {
  const words = text.split(' ');
  const kept = new Set([0, words.length - 1, ...others.map((o) => firstDifference(words, o.split(' ')))]);
  for (let i = 1; i < words.length; i++) {
    if (kept.has(i)) continue;
    if (textEms(keepWords(words, new Set([...kept, i]))) > ems) break;
    kept.add(i);
  }
  return clipEnd(keepWords(words, kept), ems);
}

/**
 * The labels of one chart, each fitted to `ems`, no two alike. A label that fits stays whole; a
 * cut one keeps its start, and when that start would read like another row's, the words where
 * it differs from those rows. Two rows with the same text are told apart by their key
 * ("Sekretariat (U07)"). `keys[i]` and `texts[i]` belong to one row; keys are unique.
 */
export function distinctLabels(keys: readonly string[], texts: readonly string[], ems: number): string[] {
  const count = new Map<string, number>();
  for (const t of texts) count.set(t, (count.get(t) ?? 0) + 1);
  const whole = texts.map((t, i) => (count.get(t)! > 1 && keys[i] !== t ? `${t} (${keys[i]})` : t));
  const cut = whole.map((t) => clipEnd(t, ems));
  // A row whose cut reads like others' keeps what differs from each of them; a second round
  // for a new label that now reads like a third row's.
  const rivals = whole.map(() => new Set<number>());
  for (let round = 0; round < 2; round++) {
    const alike = new Map<string, number[]>();
    cut.forEach((c, i) => alike.set(c, [...(alike.get(c) ?? []), i]));
    const groups = [...alike.values()].filter((g) => g.length > 1);
    for (const group of groups) for (const i of group) for (const j of group) if (j !== i) rivals[i].add(j);
    for (const i of new Set(groups.flat()))
      cut[i] = keepDifferences(
        whole[i],
        [...rivals[i]].map((j) => whole[j]),
        ems,
      );
  }
  // Whatever still reads alike (names differing only where nothing fits) is numbered.
  const seen = new Map<string, number>();
  return cut.map((c) => {
    const n = (seen.get(c) ?? 0) + 1;
    seen.set(c, n);
    return n === 1 ? c : clipEnd(c, ems - textEms(` (${n})`)) + ` (${n})`;
  });
}
