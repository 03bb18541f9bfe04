/*
 * The query engine's worker, booted: it starts downloading the engine (the 28 MB wasm file) the
 * moment it runs, then loads DuckDB's own worker script, which asks for that file only once it
 * has itself arrived and been told to start; on a slow link that was half a second of an idle
 * line. DuckDB's request for the file is then answered with the response already on its way.
 * Plain JavaScript, served as written (engine-files.ts imports it with ?url): a classic worker,
 * since DuckDB's script is loaded with importScripts.
 */
'use strict';
(() => {
  const here = self.location.href;
  const params = new URL(here).searchParams;
  const wasm = new URL(params.get('wasm'), here).href;
  let early = fetch(wasm, { credentials: 'same-origin' });
  early.catch(() => undefined); // DuckDB's own request gets this failure and reports it
  const fetchOwn = self.fetch.bind(self);
  self.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : new URL(String(input), here).href;
    const method = (init && init.method) || (input instanceof Request ? input.method : 'GET');
    if (early && url === wasm && method === 'GET') {
      const response = early;
      early = null; // a second request (DuckDB retrying) goes to the network
      return response;
    }
    return fetchOwn(input, init);
  };
  importScripts(new URL(params.get('engine'), here).href);
})();
