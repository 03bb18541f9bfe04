/**
 * One slice of a file (parallel.ts), in a worker thread or on the main thread: strict UTF-8,
 * parsed by PapaParse and checked by the file's rules (rows.ts). Uniqueness is left to the
 * merge, which sees every slice: here each row that reaches it only records its keys.
 */
import { isUtf8 } from 'node:buffer';
import { parentPort } from 'node:worker_threads';
import Papa from 'papaparse';
import { INPUTS } from '../contract/inputs/index.ts';
import { issue, type Issue } from '../contract/issues.ts';
import { isBlank } from '../read/csv.ts';
import type { SliceResult, SliceTask } from './parallel.ts';
import { FileRules, Stage, syntaxIssue, tableFor, type RowSink } from './rows.ts';
import { pack, PackBuilder } from './packed.ts';
import { hashKey } from './unique.ts';

// Read once: loaded as CommonJS, every use of an imported name would be a getter call.
const hash = hashKey;

export function readSlice(task: SliceTask): SliceResult {
  const input = INPUTS.find((i) => i.file === task.file);
  if (!input) throw new Error(`unknown input ${task.file}`);
  const empty: SliceResult = {
    encodingError: false,
    lines: 0,
    dataRows: 0,
    issues: [],
    stages: new Uint8Array(0),
    privateValues: pack([]),
    keyRows: new Int32Array(0),
    keys: input.unique.map(() => pack([])),
    keyHashes: input.unique.map(() => new Int32Array(0)),
    codes: [],
    table: tableFor(input, 0).toPart(),
  };
  const bytes = Buffer.from(task.buffer, task.start, task.end - task.start);
  if (!isUtf8(bytes)) return { ...empty, encodingError: true };
  const text = bytes.toString('utf8');
  // Room for every line at once: the columns are not regrown (and copied) as they fill.
  let lines = 1;
  for (let p = bytes.indexOf(10); p >= 0; p = bytes.indexOf(10, p + 1)) lines++;
  const table = tableFor(input, lines);

  const issues: Issue[] = [];
  const stages: number[] = [];
  const privateValues = new PackBuilder();
  const keyRows: number[] = [];
  const keys = input.unique.map(() => new PackBuilder());
  const keyHashes: number[][] = input.unique.map(() => []);
  const codes = new Set<string>();
  const sink: RowSink = {
    report(row, column, value, code, msg, stage) {
      issues.push(issue({ region: task.region, file: task.file, row, column, value }, code, msg));
      stages.push(stage);
    },
    privateValue: (v) => privateValues.push(v),
    code: (v) => codes.add(v),
    unique(ks, row) {
      keyRows.push(row);
      for (let k = 0; k < ks.length; k++) {
        keys[k].push(ks[k]);
        keyHashes[k].push(hash(ks[k]));
      }
      return true;
    },
    accept: (values, row) => table.pushFrom(values, rules!.slots, row),
  };
  const rules = new FileRules(input, task.dialect, task.unitCodes ? new Set(task.unitCodes) : undefined, sink);
  rules.header(task.header, task.headerRow, true);

  let line = 0;
  let dataRows = 0;
  Papa.parse<string[]>(text, {
    delimiter: task.dialect.delimiter,
    newline: task.newline,
    header: false,
    skipEmptyLines: false,
    step(result) {
      line++;
      for (const e of result.errors) sink.report(line, null, null, 'type-error', syntaxIssue(e.message), Stage.Cells);
      const cells = result.data;
      if (isBlank(cells)) return;
      dataRows++;
      rules.row(cells, line);
    },
  });
  return {
    encodingError: false,
    // An empty slice is still one (blank) line of the file.
    lines: Math.max(line, 1),
    dataRows,
    issues,
    stages: Uint8Array.from(stages),
    privateValues: privateValues.finish(),
    keyRows: Int32Array.from(keyRows),
    keys: keys.map((k) => k.finish()),
    keyHashes: keyHashes.map((h) => Int32Array.from(h)),
    codes: [...codes],
    table: table.toPart(),
  };
}

parentPort?.on('message', (task: SliceTask) => {
  try {
    const result = readSlice(task);
    const transfer: ArrayBuffer[] = [result.stages.buffer as ArrayBuffer, result.keyRows.buffer as ArrayBuffer, result.table.rows.buffer as ArrayBuffer];
    for (const h of result.keyHashes) transfer.push(h.buffer as ArrayBuffer);
    for (const p of [result.privateValues, ...result.keys]) transfer.push(p.ends.buffer as ArrayBuffer);
    for (const c of result.table.columns) {
      if (c.kind === 'number') transfer.push(c.values.buffer as ArrayBuffer);
      else if (c.kind === 'text') transfer.push(c.codes.buffer as ArrayBuffer);
    }
    parentPort!.postMessage({ result }, transfer);
  } catch (e) {
    parentPort!.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
