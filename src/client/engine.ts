/**
 * The door to DuckDB that pages hold: a few hundred bytes. Everything DuckDB-related sits
 * behind the dynamic import() below, which runs only when a reader asks for an answer, so a
 * page that is only read never fetches a byte of it.
 */
import type { BrowserEngine, RunningQuery } from './duckdb-engine.ts';
import { bootWorkerEarly } from './engine-files.ts';
import { QueryCancelled, type EngineProgress, type TableSource } from '../queries/engine-types.ts';
import type { QueryResult } from '../queries/result.ts';
import { unpackSource, type PackedSource } from '../queries/partitions.ts';

let opening: Promise<BrowserEngine> | undefined;
let opened: BrowserEngine | undefined;
/** Where loading progress goes: the reader's latest question, also when a warm-up began the load. */
let progressTo: (p: EngineProgress) => void = () => undefined;

/** The published tables as the build described them (typed views), from the page's JSON island. */
export function tableSources(doc: Document = document): TableSource[] {
  const island = doc.getElementById('kt-table-sources');
  return island?.textContent ? (JSON.parse(island.textContent) as PackedSource[]).map(unpackSource) : [];
}

async function engine(onProgress: (p: EngineProgress) => void): Promise<BrowserEngine> {
  progressTo = onProgress;
  const current = opening ? await opening.catch(() => undefined) : undefined;
  if (current?.alive) return current;
  opening = (async () => {
    // The worker's script downloads and compiles while the engine's code is on its way.
    const early = bootWorkerEarly();
    try {
      const { BrowserEngine } = await import('./duckdb-engine.ts');
      return await BrowserEngine.open(tableSources(), (p) => progressTo(p), early);
    } catch (e) {
      early?.worker.terminate(); // no-op when the engine took it (it terminates its own on failure)
      throw e;
    }
  })();
  try {
    opened = await opening;
    return opened;
  } catch (e) {
    opening = undefined; // let the reader try again after fixing what the message says
    throw e;
  }
}

/**
 * Whether this reader's connection can afford the engine (≈ 5 MB compressed) before they ask:
 * not when they asked the browser to save data, nor on a link it rates slower than 4G.
 */
export function mayFetchAhead(nav: Navigator = navigator): boolean {
  const connection = (nav as Navigator & { connection?: { saveData?: boolean; effectiveType?: string } }).connection;
  if (!connection) return true;
  return connection.saveData !== true && (connection.effectiveType === undefined || connection.effectiveType === '4g');
}

/**
 * Fetches and compiles DuckDB ahead of the first question (issue #5: the wasm compile alone is
 * about a second), so that the click finds it ready. Quiet: a failure here is reported, with
 * its advice, by the question that follows, which tries again.
 */
export function warmUp(): void {
  if (opening || !mayFetchAhead()) return;
  // Said on the page for tests and the benchmark: html[data-engine=warming|ready], and a performance mark.
  const root = document.documentElement;
  root.dataset.engine = 'warming';
  engine(() => undefined).then(
    () => {
      root.dataset.engine = 'ready';
      performance.mark('kt-engine-ready');
    },
    () => delete root.dataset.engine,
  );
}

/** Whether a question would be answered now, with no engine to fetch or compile first. */
export const engineReady = (): boolean => opened?.alive === true;

/** warmUp() once the page is readable and the browser has nothing more urgent to do. */
export function warmUpWhenIdle(): void {
  const start = () => (window.requestIdleCallback ? window.requestIdleCallback(warmUp, { timeout: 2000 }) : setTimeout(warmUp, 200));
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}

export interface Answer {
  result: Promise<QueryResult>;
  cancel: () => void;
}

/** Runs SQL over the published tables, loading the engine and the named tables first if needed. */
export function ask(sql: string, onProgress: (p: EngineProgress) => void): Answer {
  let running: RunningQuery | undefined;
  let stopped = false;
  let stopEarly: () => void = () => undefined;
  // A reader may cancel while the engine is still downloading: answer at once, not after 30 MB.
  const early = new Promise<never>((_, reject) => {
    stopEarly = () => reject(new QueryCancelled());
  });
  const work = engine(onProgress).then((e) => {
    if (stopped) throw new QueryCancelled();
    running = e.run(sql, onProgress);
    return running.result;
  });
  return {
    result: Promise.race([work, early]),
    cancel: () => {
      stopped = true;
      if (running) running.cancel();
      else stopEarly();
    },
  };
}

/** Whether SQL from a link may run as the page opens (a plain read of the published tables). */
export async function isPlainRead(sql: string, onProgress: (p: EngineProgress) => void): Promise<boolean> {
  return (await engine(onProgress)).isPlainRead(sql);
}

export const isCancelled = (e: unknown): boolean => e instanceof QueryCancelled;
