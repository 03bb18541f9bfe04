/** A query result as CSV for download, with the published files' rules (charts/csv-text.ts). */
import { csvCell } from '../charts/csv-text.ts';
import type { QueryResult } from '../queries/result.ts';

export function resultToCsv(result: QueryResult): string {
  const lines = [result.columns.map(csvCell).join(','), ...result.rows.map((row) => row.map(csvCell).join(','))];
  return lines.join('\r\n') + '\r\n';
}
