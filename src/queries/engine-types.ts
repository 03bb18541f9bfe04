/** The vocabulary shared by the lazy engine and the pages that wait for it (no DuckDB import). */

/** What loading is doing now, for the progress line. */
export type EngineProgress =
  | { step: 'engine'; loaded: number; total: number }
  | { step: 'compile' }
  | { step: 'table'; table: string; bytes: number }
  /** Before a split table's region files are fetched: how many regions, of how many, and their bytes. */
  | { step: 'download'; table: string; regions: number; of: number; bytes: number }
  | { step: 'query' };

/** Why the engine could not start; each reason has its own advice in text.ts. */
export type EngineFailure = 'unsupported' | 'mime' | 'missing' | 'timeout' | 'failed';

export class EngineError extends Error {
  constructor(
    readonly reason: EngineFailure,
    detail: string,
  ) {
    super(detail);
    this.name = 'EngineError';
  }
}

/** A query the reader stopped: not an error, the status line just says so. */
export class QueryCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'QueryCancelled';
  }
}

/** A published table as the browser loads it: view SQL typed at build time from the schemas. */
export interface TableSource {
  name: string;
  /** Same-origin URL of the published CSV. */
  url: string;
  /** Name under which the CSV is registered inside DuckDB (the view reads this file). */
  file: string;
  /** `CREATE OR REPLACE VIEW name AS SELECT * FROM read_csv(file, columns = {...})`. */
  createSql: string;
  /**
   * The table split by region (data/wilayah/manifest.json): `createSql` is then a view over these
   * files, and only the regions a question reads are fetched.
   */
  parts?: TablePart[];
}

/** One region's file of a split table. */
export interface TablePart {
  kode: string;
  /** Same-origin URL of the region's CSV. */
  url: string;
  /** Hive name inside DuckDB, `kode_wilayah=<kode>/<table>.csv`. */
  file: string;
  bytes: number;
}
