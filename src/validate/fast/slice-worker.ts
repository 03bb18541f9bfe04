/**
 * One slice of a file (parallel.ts), in a worker thread or on the main thread: strict UTF-8,
 * its plain rows read where they lie by FastRows (fast-rows.ts), any other row split as
 * PapaParse reads it (read/split.ts) and checked by the file's rules (rows.ts). Uniqueness is
 * left to the merge, which sees every slice: here each row that reaches it only records its keys.
 */
import { isUtf8 } from 'node:buffer';
import { parentPort } from 'node:worker_threads';
import { INPUTS } from '../../contract/inputs/index.ts';
import { issue, type Issue } from '../../contract/issues.ts';
import { isBlank } from '../../read/csv.ts';
import { SliceText, splitRows } from '../../read/split.ts';
import type { SliceJob, SliceMessage, SliceResult, SliceTask } from './types.ts';
import { FileRules, tableFor, type RowSink } from '../rows.ts';
import { pack, PackBuilder } from './packed.ts';
import { FastRows, type SliceStores } from './fast-rows.ts';
import { IntList } from './int-list.ts';
import { anchorCodes } from '../private-anchor.ts';

/**
 * About as many rows as the slice has, or a few more: its lines counted in its first 64 KiB,
 * scaled to its size, and a tenth added. Room for them is made at once: columns regrown (and
 * copied) as they fill, or every line counted first, cost more.
 */
function expectedRows(bytes: Uint8Array): number {
  const sample = bytes.subarray(0, 1 << 16);
  let lines = 1;
  for (let p = sample.indexOf(10); p >= 0; p = sample.indexOf(10, p + 1)) lines++;
  return Math.ceil(((lines * bytes.length) / Math.max(1, sample.length)) * 1.1);
}

export function readSlice(task: SliceTask, fast = true): SliceResult {
  const input = INPUTS.find((i) => i.file === task.file);
  if (!input) throw new Error(`unknown input ${task.file}`);
  const empty: SliceResult = {
    encodingError: false,
    lines: 0,
    dataRows: 0,
    fastRows: 0,
    issues: [],
    stages: new Uint8Array(0),
    privateValues: pack([]),
    privateCodes: new Int32Array(0),
    keyRows: new Int32Array(0),
    keys: input.unique.map(() => pack([])),
    keyHashes: input.unique.map(() => new Int32Array(0)),
    codes: [],
    table: tableFor(input, 0).toPart(),
  };
  const bytes = Buffer.from(task.buffer, task.start, task.end - task.start);
  if (!isUtf8(bytes)) return { ...empty, encodingError: true };
  const rows = expectedRows(bytes);
  const stores: SliceStores = {
    table: tableFor(input, rows),
    privateValues: new PackBuilder(),
    keyRows: new IntList(rows),
    keys: input.unique.map(() => new PackBuilder()),
    keyHashes: input.unique.map(() => new IntList(rows)),
    codes: new Set<string>(),
  };
  const issues: Issue[] = [];
  const stages: number[] = [];
  const sink: RowSink = {
    report(row, column, value, code, msg, stage) {
      issues.push(issue({ region: task.region, file: task.file, row, column, value }, code, msg));
      stages.push(stage);
    },
    privateValue: (v) => stores.privateValues.push(v),
    code: (v) => stores.codes.add(v),
    unique(ks, row) {
      stores.keyRows.push(row);
      for (let k = 0; k < ks.length; k++) {
        stores.keys[k].push(ks[k]);
        stores.keyHashes[k].push(stores.keys[k].lastHash());
      }
      return true;
    },
    accept: (values, row) => stores.table.pushFrom(values, rules!.slots, row),
  };
  const rules = new FileRules(input, task.dialect, task.unitCodes ? new Set(task.unitCodes) : undefined, sink);
  rules.header(task.header, task.headerRow, true);

  const src = new SliceText(bytes);
  // No syntax issue can arise: parallel.ts slices only files whose quotes all open and close cleanly.
  const reader = fast ? FastRows.for(rules, stores) : null;
  let lines = 0;
  let dataRows = 0;
  if (reader) ({ lines, dataRows } = reader.read(src, task.newline));
  else {
    splitRows(src.whole(), src.units, task.dialect.delimiter, task.newline, (cells) => {
      lines++;
      if (isBlank(cells)) return;
      dataRows++;
      rules.row(cells, lines);
    });
  }
  const privateValues = stores.privateValues.finish();
  return {
    encodingError: false,
    // An empty slice is still one (blank) line of the file.
    lines: Math.max(lines, 1),
    dataRows,
    fastRows: reader?.count ?? 0,
    issues,
    stages: Uint8Array.from(stages),
    privateValues,
    privateCodes: anchorCodes(privateValues.text, privateValues.ends),
    keyRows: stores.keyRows.finish(),
    keys: stores.keys.map((k) => k.finish()),
    keyHashes: stores.keyHashes.map((h) => h.finish()),
    codes: [...stores.codes],
    table: stores.table.toPart(),
  };
}

// A file's slices: this thread takes the next one not yet taken, until none is left.
parentPort?.on('message', (job: SliceJob) => {
  for (let s = Atomics.add(job.next, 0, 1); s < job.tasks.length; s = Atomics.add(job.next, 0, 1)) {
    let result: SliceResult;
    try {
      result = readSlice(job.tasks[s]);
    } catch (e) {
      const message: SliceMessage = { id: job.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
      parentPort!.postMessage(message);
      return;
    }
    const transfer: ArrayBuffer[] = [
      result.stages.buffer as ArrayBuffer,
      result.privateCodes.buffer as ArrayBuffer,
      result.keyRows.buffer as ArrayBuffer,
      result.table.rows.buffer as ArrayBuffer,
    ];
    for (const h of result.keyHashes) transfer.push(h.buffer as ArrayBuffer);
    for (const p of [result.privateValues, ...result.keys]) transfer.push(p.ends.buffer as ArrayBuffer);
    for (const c of result.table.columns) {
      if (c.kind === 'number') transfer.push(c.values.buffer as ArrayBuffer);
      else if (c.kind === 'text') transfer.push(c.codes.buffer as ArrayBuffer);
    }
    const message: SliceMessage = { id: job.id, s, result };
    parentPort!.postMessage(message, transfer);
  }
});
