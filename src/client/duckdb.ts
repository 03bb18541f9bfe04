/**
 * DuckDB-WASM, self-hosted. Only ever reached through a dynamic import() from engine.ts, after a
 * reader asked for an answer: this module (and the 27+ MB it pulls) is never on a page's
 * critical path. No CDN, no extension, no cross-origin isolation: the EH bundle (or MVP for
 * browsers without wasm exceptions), one thread, locked to the site's published tables.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import { ENGINE_BUNDLES, ENGINE_BYTES, startWorker, type EarlyWorker } from './engine-files.ts';
import { EngineError, type EngineProgress } from '../queries/engine-types.ts';
import { sqlList } from '../queries/sql.ts';

/**
 * A wasm file served with the wrong MIME type makes instantiate() wait forever (its streaming
 * compile fails and nobody hears it), so silence for this long is an error, not patience.
 */
const STALL_MS = 45_000;

export interface OpenDuckDb {
  db: duckdb.AsyncDuckDB;
  conn: duckdb.AsyncDuckDBConnection;
}

export function browserCanRunDuckDb(): boolean {
  return (
    typeof WebAssembly === 'object' &&
    typeof WebAssembly.instantiate === 'function' &&
    typeof Worker === 'function' &&
    typeof BigInt64Array === 'function'
  );
}

/** Asks the server what it calls the wasm file before 30 MB of it are fetched in vain. */
async function checkWasmType(url: string): Promise<void> {
  let type: string | null = null;
  try {
    const head = await fetch(url, { method: 'HEAD' });
    if (!head.ok) throw new EngineError('missing', `${url}: HTTP ${head.status}`);
    type = head.headers.get('content-type');
  } catch (e) {
    if (e instanceof EngineError) throw e;
    return; // A server without HEAD support still gets its chance; the stall timer watches it.
  }
  if (type && !type.toLowerCase().startsWith('application/wasm')) throw new EngineError('mime', `${url}: Content-Type ${type}`);
}

function withStallTimer<T>(work: (touch: () => void) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let timer = setTimeout(fail, STALL_MS);
    function fail() {
      reject(new EngineError('timeout', `no progress for ${STALL_MS / 1000} s`));
    }
    const touch = () => {
      clearTimeout(timer);
      timer = setTimeout(fail, STALL_MS);
    };
    work(touch).then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/**
 * Opens DuckDB locked to the site's own files: `files` are the names the published tables will be
 * registered under (fetched later, by this page, from its own origin), and each split table's
 * pattern of them; nothing else can be read.
 */
export async function openDuckDb(
  files: readonly string[],
  onProgress: (p: EngineProgress) => void,
  early?: EarlyWorker,
): Promise<OpenDuckDb> {
  if (!browserCanRunDuckDb()) {
    early?.worker.terminate();
    throw new EngineError('unsupported', 'WebAssembly, Worker or BigInt64Array missing');
  }
  // selectBundle picks EH when the browser has wasm exceptions; the early worker was a guess.
  const bundle = await duckdb.selectBundle({ ...ENGINE_BUNDLES });
  if (!bundle.mainWorker) throw new EngineError('unsupported', 'no worker bundle');
  if (early && early.url !== bundle.mainWorker) early.worker.terminate();
  const { mainModule, mainWorker } = bundle;
  const worker = early?.url === mainWorker ? early.worker : startWorker({ mainModule, mainWorker });
  onProgress({ step: 'engine', loaded: 0, total: 0 });

  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    await withStallTimer(async (touch) => {
      worker.addEventListener('error', () => touch());
      // The type check runs beside the download, not before it: one round trip less, and a
      // wrong type still fails here while instantiate() would wait on it forever.
      await Promise.all([
        checkWasmType(bundle.mainModule),
        db.instantiate(bundle.mainModule, null, (p) => {
          touch();
          // bytesLoaded counts the file decoded, bytesTotal is its Content-Length: compressed on
          // a host that sends the brotli twin, so "26.7 MB / 5.3 MB". The decoded size is known.
          onProgress({ step: 'engine', loaded: p.bytesLoaded, total: ENGINE_BYTES[bundle.mainModule] ?? 0 });
        }),
      ]);
    });
    onProgress({ step: 'compile' });
    // Decimals and timestamps as plain JS numbers and dates: the results table shows text, and
    // DuckDB's decimal arithmetic (1.5 is a DECIMAL literal) would otherwise arrive as raw words.
    await db.open({ query: { castDecimalToDouble: true, castTimestampToDate: true } });
    const conn = await db.connect();
    await lockDown(conn, files);
    return { db, conn };
  } catch (e) {
    await db.terminate().catch(() => undefined);
    throw e instanceof EngineError ? e : new EngineError('failed', e instanceof Error ? e.message : String(e));
  }
}

/**
 * A query comes from a link anyone can share, and DuckDB-WASM reads any URL it is given (its own
 * XHR, in a worker that the page's CSP does not cover): `read_csv('http://…')`, `ATTACH`, `COPY
 * … TO`, `INSTALL`/`LOAD` from a repository. So, before any query runs: no extension is fetched
 * or loaded, only the published tables' registered names (and each split table's pattern of its
 * region files, which matches registered names only) may be opened, and the settings are
 * locked so that no query can undo this. Checked in duckdb-wasm 1.32 against a logging server
 * (test/browser/explorer-lockdown.test.ts); `disabled_filesystems = 'HTTPFileSystem'` is not
 * used because there it is accepted and changes nothing (URLs go through the web file system).
 * A setting this DuckDB does not know fails the open: the explorer then does not start at all.
 */
async function lockDown(conn: duckdb.AsyncDuckDBConnection, files: readonly string[]): Promise<void> {
  // One request, run in order; since DuckDB 1.2 (PR #15058) the first that fails stops the rest
  // and fails the open. Read back all the same: the explorer never runs on an open engine.
  const settings = await conn.query(
    [
      'SET autoinstall_known_extensions = false',
      'SET autoload_known_extensions = false',
      `SET allowed_paths = [${sqlList(files)}]`,
      'SET enable_external_access = false',
      'SET lock_configuration = true',
      `SELECT current_setting('autoinstall_known_extensions') OR current_setting('autoload_known_extensions')
         OR current_setting('enable_external_access') OR NOT current_setting('lock_configuration') AS open`,
    ].join(';\n'),
  );
  if ((settings.toArray()[0] as { open: unknown } | undefined)?.open !== false) throw new EngineError('failed', 'lock-down not in force');
}
