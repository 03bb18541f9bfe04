/**
 * The report a data officer reads: grouped by region, file and error code, every issue
 * listed (none hidden), Indonesian first with English under it.
 */
import type { Issue } from '../contract/issues.ts';
import type { ExportReport } from './regions.ts';
import { groupBy } from '../group.ts';

function section(title: string, issues: Issue[]): string[] {
  const out: string[] = [];
  if (issues.length === 0) return out;
  out.push(`${title}: ${issues.length}`);
  for (const [where, inFile] of groupBy(issues, (i) => `${i.region ? i.region + '/' : ''}${i.file}`)) {
    out.push(`\n  ${where}`);
    for (const [code, same] of groupBy(inFile, (i) => i.code)) {
      out.push(`    [${code}] × ${same.length}`);
      for (const i of same) {
        const loc = [
          i.row === null ? 'berkas/file' : `baris/row ${i.row}`,
          i.column ? `kolom/column ${i.column}` : null,
          i.value !== null && i.value !== '' ? `nilai/value "${i.value}"` : null,
        ]
          .filter(Boolean)
          .join(', ');
        out.push(`      - ${loc}: ${i.message_id}`);
        out.push(`        (${i.message_en})`);
      }
    }
  }
  return out;
}

export function formatReport(report: ExportReport): string {
  const lines: string[] = [];
  if (report.ok) lines.push(`✓ Data sah — valid export. ${report.warnings.length} peringatan/warnings.`);
  else
    lines.push(
      `✗ Data TIDAK sah: ${report.errors.length} kesalahan — export is INVALID: ${report.errors.length} errors. Situs tidak dibangun; dist/ lama tidak diubah.`,
    );
  // Not push(...section): a report of a million errors would overflow the call's arguments.
  return lines.concat(section('\nKesalahan / Errors', report.errors), section('\nPeringatan / Warnings', report.warnings)).join('\n');
}

/**
 * The --json form: the contract's fields, plus the two message languages separately, and each
 * file's rows read and used (every row read is used or named by an issue).
 */
export const reportJson = (r: ExportReport) => ({ ok: r.ok, errors: r.errors, warnings: r.warnings, files: r.files });

/**
 * The --json form as text, a piece at a time: a report of millions of issues is larger than
 * one string may be. The same JSON as reportJson, one issue per line.
 */
export function* reportJsonText(r: ExportReport): Generator<string> {
  const json = reportJson(r);
  yield `{\n  "ok": ${json.ok},\n`;
  for (const key of ['errors', 'warnings', 'files'] as const) {
    const items: readonly unknown[] = json[key];
    yield `  "${key}": [`;
    for (let i = 0; i < items.length; i++) yield `${i ? ',' : ''}\n    ${JSON.stringify(items[i])}`;
    yield `${items.length ? '\n  ' : ''}]${key === 'files' ? '' : ','}\n`;
  }
  yield '}\n';
}
