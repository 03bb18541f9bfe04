/// <reference types="astro/client" />

/** Bytes of a DuckDB-WASM engine file as the browser receives it, decoded (src/build/slim-engine.ts). */
declare module '*.wasm?size' {
  const bytes: number;
  export default bytes;
}
