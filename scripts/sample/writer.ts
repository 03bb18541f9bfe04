/**
 * Streaming CSV writer. Rows come from any iterable — an array for the small committed
 * sample, a generator for the scale mode — and leave in ~1 MB chunks through a write
 * stream that is allowed to drain, so a million rows never sit in memory as strings.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { COLUMNS, type FileName, type Row } from './columns.ts';
import { formatCell, formatLine, type Dialect } from './format.ts';
import type { Wilayah } from '../../src/contract/wilayah.ts';

const CHUNK_CHARS = 1 << 20;

export interface WriteOptions {
  /**
   * Lines of nothing but delimiters appended at the end, as Excel leaves them when a
   * formatted range extends past the data (the contract skips such lines).
   */
  trailingEmptyLines?: number;
}

export interface Written {
  file: string;
  rows: number;
  bytes: number;
}

async function put(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

export async function writeCsv<F extends FileName>(
  dir: string,
  file: F,
  dialect: Dialect,
  rows: Iterable<Row<F>>,
  options: WriteOptions = {},
): Promise<Written> {
  const columns = COLUMNS[file];
  const path = join(dir, `${file}.csv`);
  const stream = createWriteStream(path, { encoding: 'utf8' });
  const names = columns.map((c) => c.name);
  let chunk = (dialect.bom ? '\uFEFF' : '') + formatLine(names, dialect);
  let count = 0;
  for (const row of rows) {
    const record = row as Record<string, string | number | undefined>;
    const cells = columns.map((c) => formatCell(record[c.name], c, dialect));
    chunk += formatLine(cells, dialect);
    count++;
    if (chunk.length >= CHUNK_CHARS) {
      await put(stream, chunk);
      chunk = '';
    }
  }
  const empty = formatLine(new Array<string>(columns.length).fill(''), dialect);
  chunk += empty.repeat(options.trailingEmptyLines ?? 0);
  await put(stream, chunk);
  stream.end();
  await once(stream, 'finish');
  return { file: `${file}.csv`, rows: count, bytes: stream.bytesWritten };
}

export async function writeWilayah(dir: string, wilayah: Wilayah): Promise<Written> {
  await mkdir(dir, { recursive: true });
  const text = JSON.stringify(wilayah, null, 2) + '\n';
  await writeFile(join(dir, 'wilayah.json'), text, 'utf8');
  return { file: 'wilayah.json', rows: 0, bytes: Buffer.byteLength(text) };
}
