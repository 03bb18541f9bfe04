/*
 * The query engine's worker, booted: it starts downloading the engine (the 27–32 MB wasm file) the
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
  /** A file of this site, never of another origin, whatever the parameters say. */
  const own = (name) => {
    const url = new URL(params.get(name) || '', here);
    if (url.origin !== self.location.origin) throw new Error(`engine-boot: ${name} is not of this site`);
    return url.href;
  };
  const wasm = own('wasm');
  // Only where DuckDB itself will fetch the file (else it reads it by XHR, and this download
  // would be a second one, on the slow browsers least able to afford it).
  if (typeof WebAssembly.instantiateStreaming === 'function' && typeof TransformStream === 'function') {
    const early = fetch(wasm, { credentials: 'same-origin' });
    early.catch(() => undefined); // DuckDB's own request gets this failure and reports it
    const fetchOwn = self.fetch;
    self.fetch = function (input, init) {
      const url = input instanceof Request ? input.url : String(input);
      const method = (init && init.method) || (input instanceof Request ? input.method : 'GET');
      if (url !== wasm || method !== 'GET') return fetchOwn.call(self, input, init);
      self.fetch = fetchOwn; // handed over once; anything after (a retry) goes to the network
      return early;
    };
  }
  importScripts(own('engine'));
})();
