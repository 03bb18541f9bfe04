/**
 * The engine's files (self-hosted DuckDB-WASM: only the bundles that run without COOP/COEP
 * headers), and the one step that may start before the engine's code has arrived: booting its
 * worker. Imported by the few-hundred-byte engine.ts, so it holds URLs, not DuckDB.
 */
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';

export const ENGINE_BUNDLES = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
} as const;

/** A worker booted ahead, with the script it runs (duckdb.ts uses it only if that is the bundle it picks). */
export interface EarlyWorker {
  url: string;
  worker: Worker;
}

/**
 * The smallest module with a wasm exception handler (try … catch_all), the test DuckDB's
 * selectBundle makes for its EH bundle; a guess only, checked against selectBundle later.
 */
const EH_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11]);

/**
 * Boots the worker of the bundle this browser will most likely run, so that its 170 kB script
 * arrives and compiles while the engine's own code is still on the way (on a slow link the
 * worker then asks for the wasm file about half a second sooner).
 */
export function bootWorkerEarly(): EarlyWorker | undefined {
  if (typeof Worker !== 'function' || typeof WebAssembly !== 'object') return undefined;
  try {
    const url = WebAssembly.validate(EH_PROBE) ? ENGINE_BUNDLES.eh.mainWorker : ENGINE_BUNDLES.mvp.mainWorker;
    return { url, worker: new Worker(url) };
  } catch {
    return undefined; // duckdb.ts starts its own and says why if that fails too
  }
}
