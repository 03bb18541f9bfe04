/**
 * The published tables inside DuckDB-WASM, and queries that can be stopped. Tables are fetched
 * the first time a query names them (a reader asking about ikm_unit does not wait for the
 * survey microdata); each becomes a view over its CSV with the schema's types.
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { collectBatches } from './arrow-result.ts';
import { openDuckDb } from './duckdb.ts';
import { tablesNamedIn } from './table-names.ts';
import { duckdbMessage } from './query-message.ts';
import { isPlainRead } from './plain-read.ts';
import { EngineError, QueryCancelled, type EngineProgress, type TableSource } from '../queries/engine-types.ts';
import type { QueryResult } from '../queries/result.ts';

export interface RunningQuery {
  result: Promise<QueryResult>;
  /** Stops the query; its result promise then rejects with a QueryCancelled. */
  cancel: () => void;
}

const TABLE_FUNCTIONS_SQL = `SELECT DISTINCT function_name AS name FROM duckdb_functions() WHERE function_type IN ('table', 'table_macro')
  EXCEPT SELECT function_name FROM duckdb_functions() WHERE function_type NOT IN ('table', 'table_macro')`;

/** How long cancelSent() may take before the worker is stopped outright. */
const CANCEL_GRACE_MS = 1500;

export class BrowserEngine {
  private loaded = new Set<string>();
  /** One query at a time on the connection: DuckDB-WASM polls a single pending query. */
  private queue: Promise<unknown> = Promise.resolve();
  private dead = false;

  private constructor(
    private db: AsyncDuckDB,
    private conn: AsyncDuckDBConnection,
    private tables: readonly TableSource[],
    private tableFunctions: ReadonlySet<string>,
  ) {}

  static async open(tables: readonly TableSource[], onProgress: (p: EngineProgress) => void): Promise<BrowserEngine> {
    const { db, conn } = await openDuckDb(tables.map((t) => t.file), onProgress);
    // Functions that only a FROM can call (read_csv, glob…), as this DuckDB has them.
    const listed = await conn.query(TABLE_FUNCTIONS_SQL);
    const names = new Set(listed.toArray().map((r) => String((r as { name: unknown }).name)));
    return new BrowserEngine(db, conn, tables, names);
  }

  /** Whether a link's SQL may run before its reader has seen it (plain-read.ts). */
  async isPlainRead(sql: string): Promise<boolean> {
    return isPlainRead(sql, await this.db.tokenize(sql), this.tableFunctions);
  }

  /** False after a cancel had to kill the worker; engine.ts then opens a fresh one. */
  get alive(): boolean {
    return !this.dead;
  }

  private async load(table: TableSource, onProgress: (p: EngineProgress) => void): Promise<void> {
    if (this.loaded.has(table.name)) return;
    const response = await fetch(table.url);
    if (!response.ok) throw new EngineError('missing', `${table.url}: HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    onProgress({ step: 'table', table: table.name, bytes: bytes.byteLength });
    await this.db.registerFileBuffer(table.file, bytes);
    await this.conn.query(table.createSql);
    this.loaded.add(table.name);
  }

  run(sql: string, onProgress: (p: EngineProgress) => void): RunningQuery {
    let cancelled = false;
    let started = false;
    let rejectCancel: (e: Error) => void = () => undefined;
    const cancelledPromise = new Promise<never>((_, reject) => {
      rejectCancel = reject;
    });

    const work = this.queue.then(async () => {
      for (const t of tablesNamedIn(sql, this.tables)) {
        if (cancelled) throw new QueryCancelled();
        await this.load(t, onProgress);
      }
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
