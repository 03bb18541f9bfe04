/**
 * The sheets of an .xlsx as rows of values, whoever wrote them: rows and cells with or without
 * their place (`r`), texts shared or inline, numbers as numbers, an empty or missing cell as null.
 * ExcelJS's own reader needs `r` on every row, which the site's workbooks leave out (src/publish/xlsx.ts).
 * Also each cell's number format, by the workbook's styles. For tests: the whole file in memory.
 */
import { strFromU8, unzipSync } from 'fflate';

export type Cell = string | number | null;

export interface Sheet {
  name: string;
  /** Row 1 first; each row as long as its last cell. */
  rows: Cell[][];
  /** The number format of each cell that has one (`yyyy-mm-dd`, `0`), by "row,column" from 1. */
  formats: Map<string, string>;
}

const decode = (xml: string): string =>
  xml
    .replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);

const attr = (attrs: string, name: string): string | undefined => new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1];

/** The text of every `<t>` inside, joined (a shared string may be rich text in runs). */
const texts = (xml: string): string =>
  [...xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>|<t(?:\s[^>]*)?\/>/g)].map((m) => decode(m[1] ?? '')).join('');

/** A column's number from its letters (A → 1). */
const column = (ref: string): number => [...ref.replace(/\d+$/, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

const BUILT_IN: Record<string, string> = { '0': 'General', '1': '0', '14': 'mm-dd-yy' };

export function xlsxSheets(bytes: Uint8Array): Sheet[] {
  const zip = unzipSync(bytes);
  const text = (name: string) => (zip[name] ? strFromU8(zip[name]) : '');
  const shared = [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]));
  const styles = text('xl/styles.xml');
  const numFmts = new Map(
    [...styles.matchAll(/<numFmt\s([^>]*)\/>/g)].map((m) => [attr(m[1], 'numFmtId')!, decode(attr(m[1], 'formatCode')!)]),
  );
  const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf\s([^>]*?)\/?>/g)].map((m) => {
    const id = attr(m[1], 'numFmtId') ?? '0';
    return numFmts.get(id) ?? BUILT_IN[id] ?? 'General';
  });
  const targets = new Map(
    [...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\s([^>]*)\/>/g)].map((m) => [attr(m[1], 'Id')!, attr(m[1], 'Target')!]),
  );
  return [...text('xl/workbook.xml').matchAll(/<sheet\s([^>]*)\/>/g)].map((m) => {
    const target = targets.get(attr(m[1], 'r:id')!)!.replace(/^\/?(xl\/)?/, '');
    const rows: Cell[][] = [];
    const formats = new Map<string, string>();
    let r = 0;
    for (const row of text(`xl/${target}`).matchAll(/<row(\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
      r = Number(attr(row[1] ?? '', 'r') ?? r + 1);
      const cells: Cell[] = [];
      let c = 0;
      for (const cell of (row[2] ?? '').matchAll(/<c(\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const attrs = cell[1] ?? '';
        const ref = attr(attrs, 'r');
        c = ref ? column(ref) : c + 1;
        const body = cell[2] ?? '';
        const type = attr(attrs, 't');
        const v = /<v>([^<]*)<\/v>/.exec(body)?.[1];
        const value: Cell =
          type === 'inlineStr'
            ? texts(body)
            : type === 's'
              ? shared[Number(v)]
              : type === 'str'
                ? decode(v ?? '')
                : v === undefined
                  ? null
                  : Number(v);
        while (cells.length < c - 1) cells.push(null);
        cells[c - 1] = value;
        const format = xfs[Number(attr(attrs, 's') ?? 0)];
        if (format && format !== 'General') formats.set(`${r},${c}`, format);
      }
      while (rows.length < r - 1) rows.push([]);
      rows[r - 1] = cells;
    }
    return { name: decode(attr(m[1], 'name')!), rows, formats };
  });
}
