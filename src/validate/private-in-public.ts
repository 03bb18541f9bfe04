/**
 * Contract 1.1 §5: a private value (name, NIP, id_responden, id_pengaduan, saran, uraian)
 * inside a public text — a unit or service name, an indicator, programme or target text, a
 * code, wilayah.json — is an error `private-in-public` naming file, row and column, never the
 * value. Each distinct cell is searched once (the tables keep a column's distinct texts).
 */
import type { Bilingual } from '../contract/fields.ts';
import { INPUTS } from '../contract/inputs/index.ts';
import { issue, type Issue } from '../contract/issues.ts';
import type { RegionData } from './regions.ts';
import { MIN_ANYWHERE, MIN_WORDS, type PrivateSearch } from './private-search.ts';
import { tableKey, type Table } from './table.ts';

export const privateInPublicIssue = (column: string): Bilingual => ({
  id: `teks publik di kolom "${column}" memuat nilai pribadi dari berkas privat (nama atau NIP pegawai, id_responden, id_pengaduan, saran atau uraian); nilainya tidak ditampilkan di sini. Hapus data pribadi itu dari teks ini sebelum ekspor. Dicari: NIP 18 digit dalam bentuk apa pun (dengan spasi, titik atau tanda hubung), teks ${MIN_WORDS}–${MIN_ANYWHERE - 1} karakter sebagai kata utuh, teks ${MIN_ANYWHERE} karakter atau lebih di mana saja (teks tanpa huruf hanya bila sepanjang itu), tanpa membedakan huruf besar/kecil.`,
  en: `the public text in column "${column}" holds a private value of a private file (an employee's name or NIP, an id_responden, id_pengaduan, saran or uraian); the value is not shown here. Remove that personal data from this text before exporting. Looked for: 18-digit NIPs in any written form (with spaces, dots or dashes), texts of ${MIN_WORDS}–${MIN_ANYWHERE - 1} characters as whole words, texts of ${MIN_ANYWHERE} characters or more anywhere (texts without a letter only when that long), ignoring case.`,
});

/** The columns of an input whose text is public, and so searched. */
const publicTextColumns = (input: (typeof INPUTS)[number]) =>
  Object.entries(input.fields)
    .filter(([, f]) => !f.private && (f.kind === 'text' || f.kind === 'code'))
    .map(([name]) => name);

/** Every text checkPrivateInPublic searches: the search need answer for these alone (PrivateSearch.of). */
export function* publicTexts(regions: readonly RegionData[]): Generator<string> {
  for (const region of regions) {
    for (const value of Object.values(region.wilayah)) if (typeof value === 'string') yield value;
    for (const input of INPUTS) {
      const table = region[tableKey(input.file)] as unknown as Table<Record<string, unknown>>;
      for (const name of publicTextColumns(input)) yield* table.dictionary(name);
    }
  }
}

/** Appends an issue for every public text cell (of every region) that holds a private value. */
export function checkPrivateInPublic(regions: readonly RegionData[], search: PrivateSearch, issues: Issue[]): void {
  for (const region of regions) {
    for (const [key, value] of Object.entries(region.wilayah)) {
      if (typeof value === 'string' && search.find(value)) {
        issues.push(issue({ region: region.code, file: 'wilayah.json', column: key }, 'private-in-public', privateInPublicIssue(key)));
      }
    }
    for (const input of INPUTS) {
      const table = region[tableKey(input.file)] as unknown as Table<Record<string, unknown>>;
      const columns = publicTextColumns(input);
      const found: { row: number; col: number }[] = [];
      columns.forEach((name, col) => {
        const leaks = table.dictionary(name).map((v) => search.find(v) !== null);
        if (!leaks.includes(true)) return;
        const { codes } = table.texts(name);
        for (let i = 0; i < table.length; i++) if (codes[i] >= 0 && leaks[codes[i]]) found.push({ row: table.fileRowOf(i), col });
      });
      found.sort((a, b) => a.row - b.row || a.col - b.col);
      for (const { row, col } of found) {
        issues.push(
          issue(
            { region: region.code, file: input.file, row, column: columns[col] },
            'private-in-public',
            privateInPublicIssue(columns[col]),
          ),
        );
      }
    }
  }
}
