/**
 * One input file, validated as it streams: header, cells, cross-column rules, uniqueness
 * and foreign keys. Every row ends up either in the table or in an issue; none is dropped.
 * It reads a ByteSource, so the CLI (file.ts, from disk) and the browser's checker (a picked
 * File) run the same code.
 */
import type { AnyInputFile } from '../contract/input.ts';
import { issue } from '../contract/issues.ts';
import { readCsv } from '../read/csv.ts';
import { EncodingError } from '../read/decode.ts';
import { RowTooLong } from '../read/lines.ts';
import type { ByteSource } from '../read/source.ts';
import { isFsError, unreadable } from './entry-words.ts';
import { locateIn, type FileContext, type FileResult } from './file-context.ts';
import { emptyFileIssue, encodingIssue, FileRules, Stage, syntaxIssue, tableFor, uniqueIssue, type RowSink } from './rows.ts';

export type { FileContext, FileResult } from './file-context.ts';

type Rec = Record<string, unknown>;

export const rowTooLongIssue = (e: RowTooLong) => {
  const kb = Math.round(e.limit / 1024);
  return e.header
    ? {
        id: `baris judul lebih dari ${kb} ribu karakter: ini bukan judul kolom kontrak. Periksa bahwa baris pertama hanya berisi nama kolom.`,
        en: `the header line is over ${kb} thousand characters: not the contract's column names. Check that the first line holds only the column names.`,
      }
    : {
        id: `baris ini lebih dari ${kb} ribu karakter (mungkin tanda kutip " yang tidak ditutup, atau berkas tanpa akhir baris); berkas tidak dibaca. Perbaiki di Excel lalu simpan ulang sebagai "CSV UTF-8".`,
        en: `this row is over ${kb} thousand characters (perhaps an unclosed quote ", or a file without line ends); the file is not read. Fix it in Excel and save again as "CSV UTF-8".`,
      };
};

export async function validateStream(source: ByteSource, input: AnyInputFile, ctx: FileContext): Promise<FileResult<Rec>> {
  const table = tableFor(input);
  const at = locateIn(ctx, input);
  const seen = input.unique.map(() => new Map<string, number>());
  const codes = new Set<string>();
  let dataRows = 0;

  const sink: RowSink = {
    report: (row, column, value, code, msg) => ctx.issues.push(issue(at(row, column, value), code, msg)),
    privateValue: (v) => ctx.privateValues.add(v),
    code: (v) => codes.add(v),
    unique(keys, row) {
      let ok = true;
      keys.forEach((key, k) => {
        const first = seen[k].get(key);
        if (first === undefined) {
          seen[k].set(key, row);
          return;
        }
        ok = false;
        const u = uniqueIssue(input, k, key, first);
        ctx.issues.push(issue(at(row, u.column, u.value), 'unique-error', u.msg));
      });
      return ok;
    },
    accept: (values, row) => table.pushFrom(values, rules!.slots, row),
  };

  let rules: FileRules | undefined;
  try {
    const { dialect } = await readCsv(source, {
      header: (cells, d, rowNumber) => {
        rules = new FileRules(input, d, ctx.unitCodes, sink);
        rules.header(cells, rowNumber);
      },
      row: (cells, row) => {
        if ((++dataRows & 0x3fff) === 0) ctx.progress?.(dataRows);
        rules!.row(cells, row);
      },
      syntax: (message, row) => sink.report(row, null, null, 'type-error', syntaxIssue(message), Stage.Cells),
    });
    if (dialect === null) sink.report(null, null, null, 'missing-column', emptyFileIssue(input), Stage.Cells);
    ctx.progress?.(dataRows);
    return { rows: dataRows, table, dialect, codes };
  } catch (e) {
    // Nothing of a half-read file is used: its rows are reported by the one file-level issue.
    if (e instanceof EncodingError) sink.report(null, null, null, 'encoding-error', encodingIssue(e.detail), Stage.Cells);
    else if (e instanceof RowTooLong) sink.report(e.row, null, null, 'file-error', rowTooLongIssue(e), Stage.Cells);
    else if (isFsError(e)) sink.report(null, null, null, 'file-error', unreadable(input.file, e), Stage.Cells);
    else throw e;
    return { rows: dataRows, table: tableFor(input), dialect: null, codes: new Set() };
  }
}
