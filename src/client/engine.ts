/**
 * The door to DuckDB that pages hold: a few hundred bytes. Everything DuckDB-related sits
 * behind the dynamic import() below, which runs only when a reader asks for an answer, so a
 * page that is only read never fetches a byte of it.
 */
import type { BrowserEngine, RunningQuery } from './duckdb-engine.ts';
import { QueryCancelled, type EngineProgress, type TableSource } from './engine-types.ts';
import type { QueryResult } from '../queries/result.ts';

let opening: Promise<BrowserEngine> | undefined;

/** The published tables as the build described them (typed views), from the page's JSON island. */
export function tableSources(doc: Document = document): TableSource[] {
  const island = doc.getElementById('kt-table-sources');
  return island?.textContent ? (JSON.parse(island.textContent) as TableSource[]) : [];
}

async function engine(onProgress: (p: EngineProgress) => void): Promise<BrowserEngine> {
  const current = opening ? await opening.catch(() => undefined) : undefined;
  if (current?.alive) return current;
  opening = (async () => {
    const { BrowserEngine } = await import('./duckdb-engine.ts');
    return BrowserEngine.open(tableSources(), onProgress);
  })();
  try {
    return await opening;
  } catch (e) {
    opening = undefined; // let the reader try again after fixing what the message says
    throw e;
  }
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

export const isCancelled = (e: unknown): boolean => e instanceof QueryCancelled;
