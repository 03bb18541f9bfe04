/**
 * Arrow record batches from DuckDB-WASM into the plain QueryResult that the node runner also
 * returns, so one renderer serves both. Part of the lazy chunk. Only types come from
 * apache-arrow (DuckDB-WASM's own dependency, not ours): the column type is read from its name.
 */
import type { Field, RecordBatch } from 'apache-arrow';
import { toCell, type Cell, type QueryResult } from '../queries/result.ts';

/** Arrow names its types `Date32<DAY>`, `Date64<MILLISECOND>`, `Timestamp<MICROSECOND>`… */
const isDate = (field: Field) => String(field.type).startsWith('Date');
const isTimestamp = (field: Field) => String(field.type).startsWith('Timestamp');

function cellOf(value: unknown, field: Field): Cell {
  if (value === null || value === undefined) return null;
  // Arrow hands DATE and (cast) TIMESTAMP values as epoch milliseconds.
  if ((isDate(field) || isTimestamp(field)) && typeof value === 'number') {
    // castTimestampToDate turns TIMESTAMP into a millisecond date: keep the time when there is one.
    const iso = new Date(value).toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('T', ' ').replace(/(\.000)?Z$/, '');
  }
  if (typeof value === 'object' && value !== null && 'toJSON' in value && typeof value.toJSON === 'function') return toCell(value.toJSON());
  return toCell(value);
}

export async function collectBatches(batches: AsyncIterable<RecordBatch>, fields: readonly Field[]): Promise<QueryResult> {
  const rows: Cell[][] = [];
  for await (const batch of batches) {
    const columns = batch.schema.fields.map((_, i) => batch.getChildAt(i));
    for (let r = 0; r < batch.numRows; r++) {
      rows.push(columns.map((col, i) => cellOf(col?.get(r), batch.schema.fields[i])));
    }
  }
  return { columns: fields.map((f) => f.name), rows };
}
