/**
 * The engine's files (self-hosted DuckDB-WASM: only the bundles that run without COOP/COEP
 * headers), and the one step that may start before the engine's code has arrived: booting its
 * worker. Imported by the few-hundred-byte engine.ts, so it holds URLs, not DuckDB.
 */
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWasmBytes from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?size';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWasmBytes from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?size';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import bootScript from './engine-boot.js?url';

export const ENGINE_BUNDLES = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
} as const;

/** Each engine file's size once decoded: what the download's progress counts towards. */
export const ENGINE_BYTES: Readonly<Record<string, number>> = { [ehWasm]: ehWasmBytes, [mvpWasm]: mvpWasmBytes };

/** DuckDB's worker for a bundle, booted by engine-boot.js: its wasm file is on the way as it starts. */
export function startWorker(bundle: { mainModule: string; mainWorker: string }): Worker {
  return new Worker(`${bootScript}?${new URLSearchParams({ engine: bundle.mainWorker, wasm: bundle.mainModule })}`);
}

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
 * Boots the worker of the bundle this browser will most likely run, so that the wasm file and the
 * worker's 170 kB script are on their way while the engine's own code still is. A wrong guess
 * (only a browser whose wasm exceptions selectBundle rejects after all) is stopped with its
 * download when duckdb.ts starts the right one.
 */
export function bootWorkerEarly(): EarlyWorker | undefined {
  if (typeof Worker !== 'function' || typeof WebAssembly !== 'object') return undefined;
  try {
    const bundle = WebAssembly.validate(EH_PROBE) ? ENGINE_BUNDLES.eh : ENGINE_BUNDLES.mvp;
    return { url: bundle.mainWorker, worker: startWorker(bundle) };
  } catch {
    return undefined; // duckdb.ts starts its own and says why if that fails too
  }
}
