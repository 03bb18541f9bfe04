/**
 * The published tables inside DuckDB-WASM, and queries that can be stopped. Tables are fetched
 * the first time a query names them (a reader asking about ikm_unit does not wait for the
 * survey microdata); each becomes a view over its CSV with the schema's types. A table split by
 * region (the explorer) is a view over its region files, of which only those the question's
 * plan reads are fetched (partition-plan.ts); the rest stay empty until a question needs them.
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { collectBatches } from './arrow-result.ts';
import { openDuckDb } from './duckdb.ts';
import type { EarlyWorker } from './engine-files.ts';
import { namesAnyTable, tablesNamedIn } from './table-names.ts';
import { duckdbMessage } from './query-message.ts';
import { isPlainRead } from './plain-read.ts';
import { EngineError, QueryCancelled, type EngineProgress, type TableSource } from '../queries/engine-types.ts';
import { csvReads, regionsToLoad } from './partition-plan.ts';
import { sqlList } from '../queries/sql.ts';
import { partitionGlob } from '../queries/partitions.ts';
import type { QueryResult } from '../queries/result.ts';

export interface RunningQuery {
  result: Promise<QueryResult>;
  /** Stops the query; its result promise then rejects with a QueryCancelled. */
  cancel: () => void;
}

/** DuckDB's own (internal): a macro the reader made, say a scalar `glob`, must not hide the table function. */
const TABLE_FUNCTIONS_SQL = `SELECT DISTINCT function_name AS name FROM duckdb_functions() WHERE internal AND function_type IN ('table', 'table_macro')
  EXCEPT SELECT function_name FROM duckdb_functions() WHERE internal AND function_type NOT IN ('table', 'table_macro')`;

/** Region files fetched at once: what a browser opens to one host over HTTP/1.1. */
const PARALLEL_FETCHES = 6;

/** How long cancelSent() may take before the worker is stopped outright. */
const CANCEL_GRACE_MS = 1500;

export class BrowserEngine {
  private loaded = new Set<string>();
  /** Region files fetched so far, by their DuckDB names. */
  private fetchedParts = new Set<string>();
  /** One query at a time on the connection: DuckDB-WASM polls a single pending query. */
  private queue: Promise<unknown> = Promise.resolve();
  private dead = false;
  /** Functions that only a FROM can call (read_csv, glob…), as this DuckDB has them; asked once, when needed. */
  private tableFunctions?: Promise<ReadonlySet<string>>;

  private constructor(
    private db: AsyncDuckDB,
    private conn: AsyncDuckDBConnection,
    private tables: readonly TableSource[],
  ) {}

  static async open(tables: readonly TableSource[], onProgress: (p: EngineProgress) => void, early?: EarlyWorker): Promise<BrowserEngine> {
    const { db, conn } = await openDuckDb(
      // A split table's view reads its pattern (partitionGlob), which must be allowed as a name too.
      tables.flatMap((t) => (t.parts ? [...t.parts.map((p) => p.file), partitionGlob(t)] : [t.file])),
      onProgress,
      early,
    );
    return new BrowserEngine(db, conn, tables);
  }

  /** Whether a link's SQL may run before its reader has seen it (plain-read.ts). */
  async isPlainRead(sql: string): Promise<boolean> {
    // Only shared links ask, so a reader's own first question does not wait for this list.
    if (!this.tableFunctions) {
      const listed = this.queue.then(() => this.conn.query(TABLE_FUNCTIONS_SQL)); // in turn with queries
      this.queue = listed.catch(() => undefined);
      this.tableFunctions = listed.then((t) => new Set(t.toArray().map((r) => String((r as { name: unknown }).name))));
      this.tableFunctions.catch(() => (this.tableFunctions = undefined)); // the next link asks again
    }
    return isPlainRead(sql, await this.db.tokenize(sql), await this.tableFunctions);
  }

  /** False after a cancel had to kill the worker; engine.ts then opens a fresh one. */
  get alive(): boolean {
    return !this.dead;
  }

  private async load(table: TableSource, onProgress: (p: EngineProgress) => void): Promise<void> {
    if (this.loaded.has(table.name)) return;
    if (table.parts) {
      // Every region file exists for DuckDB from the start, empty until fetched: the view's pattern
      // reads the files registered (one left out would be rows missing, not an error), and a plan
      // that would read an empty one fetches it first (loadRegions).
      // Sent at once: the worker takes them in order, without a round trip each (500 regions).
      await Promise.all(table.parts.map((p) => this.db.registerFileBuffer(p.file, new Uint8Array(0))));
      await this.conn.query(table.createSql);
      this.loaded.add(table.name);
      return;
    }
    const response = await fetch(table.url);
    if (!response.ok) throw new EngineError('missing', `${table.url}: HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    onProgress({ step: 'table', table: table.name, bytes: bytes.byteLength });
    await this.db.registerFileBuffer(table.file, bytes);
    await this.conn.query(table.createSql);
    this.loaded.add(table.name);
  }

  /** The regions a question reads, from DuckDB's plan of it; null = all (or the plan is not understood). */
  private async regionsRead(sql: string, split: readonly TableSource[]): Promise<Set<string> | null> {
    let planJson: string;
    try {
      // Prepared, so that a second statement of the text is refused, never run while planning.
      const statement = await this.conn.prepare(`EXPLAIN (FORMAT json) ${sql}`);
      try {
        const plan = await statement.query();
        planJson = String((plan.toArray()[0] as { explain_value: unknown }).explain_value);
      } finally {
        await statement.close();
      }
    } catch {
      return null; // several statements, or not a query: read everything it names
    }
    const reads = csvReads(planJson);
    // A plan reading no file of a table the question names is not understood (SUMMARIZE…).
    if (reads.length === 0 && namesAnyTable(sql, split)) return null;
    const codes = [...new Set(split.flatMap((t) => t.parts!.map((p) => p.kode)))];
    const values = codes.map((c) => `(${sqlList([c])})`).join(', ');
    return regionsToLoad(reads, async (filter) => {
      const kept = await this.conn.query(`SELECT kode_wilayah FROM (VALUES ${values}) AS r(kode_wilayah) WHERE ${filter}`);
      return kept.toArray().map((r) => String((r as { kode_wilayah: unknown }).kode_wilayah));
    });
  }

  /** Fetches the region files a question needs of each split table, saying first how much. */
  private async loadRegions(
    sql: string,
    split: readonly TableSource[],
    isCancelled: () => boolean,
    onProgress: (p: EngineProgress) => void,
  ): Promise<void> {
    const regions = await this.regionsRead(sql, split);
    for (const table of split) {
      const parts = table.parts!.filter((p) => (regions === null || regions.has(p.kode)) && !this.fetchedParts.has(p.file));
      if (parts.length === 0) continue;
      onProgress({
        step: 'download',
        table: table.name,
        regions: parts.length,
        of: table.parts!.length,
        bytes: parts.reduce((s, p) => s + p.bytes, 0),
      });
      let bytes = 0;
      // Several at once, as a browser fetches a page's images: one region file after another
      // costs a round trip each, which at hundreds of regions is most of the wait. The first
      // failure (or a cancel) stops the others, and all have stopped before the queue moves on.
      let next = 0;
      let failure: unknown;
      const stop = new AbortController();
      const fetchSome = async () => {
        while (next < parts.length && failure === undefined) {
          const part = parts[next++];
          try {
            if (isCancelled()) throw new QueryCancelled();
            const response = await fetch(part.url, { signal: stop.signal });
            if (!response.ok) throw new EngineError('missing', `${part.url}: HTTP ${response.status}`);
            const body = new Uint8Array(await response.arrayBuffer());
            if (failure !== undefined) return;
            bytes += body.byteLength;
            await this.db.registerFileBuffer(part.file, body);
            this.fetchedParts.add(part.file);
          } catch (e) {
            failure ??= isCancelled() ? new QueryCancelled() : e;
            stop.abort();
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(PARALLEL_FETCHES, parts.length) }, fetchSome));
      if (failure !== undefined) throw failure;
      onProgress({ step: 'table', table: table.name, bytes });
    }
  }

  run(sql: string, onProgress: (p: EngineProgress) => void): RunningQuery {
    let cancelled = false;
    let started = false;
    let rejectCancel: (e: Error) => void = () => undefined;
    const cancelledPromise = new Promise<never>((_, reject) => {
      rejectCancel = reject;
    });

    const work = this.queue.then(async () => {
      const named = tablesNamedIn(sql, this.tables);
      for (const t of named) {
        if (cancelled) throw new QueryCancelled();
        await this.load(t, onProgress);
      }
      // Every split table loaded so far, named here or not: a view the reader made earlier may
      // read one, and its region files must be fetched before the plan reads empty placeholders.
      const split = this.tables.filter((t) => t.parts && (named.includes(t) || this.loaded.has(t.name)));
      if (split.length > 0) await this.loadRegions(sql, split, () => cancelled, onProgress);
      if (cancelled) throw new QueryCancelled();
      onProgress({ step: 'query' });
      started = true;
      const reader = await (await this.conn.send(sql)).open();
      if (cancelled) throw new QueryCancelled();
      return collectBatches(reader, reader.schema.fields);
    });
    this.queue = work.catch(() => undefined);

    const cancel = () => {
      if (cancelled) return;
      cancelled = true;
      if (!started) return;
      // Ask DuckDB to stop between polls; if the worker is stuck in one long step, stop the worker.
      const grace = setTimeout(() => {
        this.dead = true;
        void this.db.terminate();
        rejectCancel(new QueryCancelled());
      }, CANCEL_GRACE_MS);
      void this.conn.cancelSent().catch(() => undefined);
      work.then(
        () => clearTimeout(grace),
        () => clearTimeout(grace),
      );
    };

    const result = Promise.race([work, cancelledPromise]).catch((e: unknown) => {
      if (cancelled) throw new QueryCancelled();
      // DuckDB's own errors, readable for every page that shows them.
      throw e instanceof Error && !(e instanceof EngineError) && !(e instanceof QueryCancelled) ? new Error(duckdbMessage(e.message)) : e;
    });
    return { result, cancel };
  }
}
