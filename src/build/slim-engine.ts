/**
 * The query engine without the names it exports for nobody. DuckDB-WASM is linked as a main
 * module (so that extensions could link against it) and exports 75,000 symbols, 72,000 of them
 * C++ names (`_ZN6duckdb…`, and `orig$` copies): 7 MB of the 34 MB file, 0.8 MB of its brotli twin, read and wrapped
 * by every browser that opens the explorer. This site loads no extension (duckdb.ts locks that
 * down), its JavaScript glue calls no C++ name (checked below, at build time), and the module's own
 * imports resolve none of them, so the build drops them. The code, tables and data are untouched.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Plugin } from 'vite';

const EXPORT_SECTION = 7;
const IMPORT_SECTION = 2;
const MAGIC = [0x00, 0x61, 0x73, 0x6d];

/**
 * A C++ (Itanium ABI) mangled name as clang writes it for wasm, or Emscripten's `orig$` copy of
 * one (the function before its 64-bit arguments were split for JavaScript).
 */
const isMangled = (name: string) => name.startsWith('_Z') || name.startsWith('orig$_Z');

function readLeb(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let shift = 0;
  let byte: number;
  do {
    if (at >= bytes.length || shift > 28) throw new Error('slim-engine: the module ends inside a number, or the number is too long');
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift; // not <<: a u32 would turn negative
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function writeLeb(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

const decoder = new TextDecoder();

/** Names a module imports from any module: an export of the same name may be what fills it. */
function importedNames(section: Uint8Array): Set<string> {
  const names = new Set<string>();
  let [count, at] = readLeb(section, 0);
  for (; count > 0; count--) {
    let len: number;
    [len, at] = readLeb(section, at);
    at += len; // module
    [len, at] = readLeb(section, at);
    names.add(decoder.decode(section.subarray(at, at + len)));
    at += len;
    const kind = section[at++];
    if (kind === 0)
      [, at] = readLeb(section, at); // function: type index
    else if (kind === 1 || kind === 2) {
      if (kind === 1) at++; // table: element type
      let flags: number;
      [flags, at] = readLeb(section, at);
      [, at] = readLeb(section, at);
      if (flags & 1) [, at] = readLeb(section, at);
    } else if (kind === 3)
      at += 2; // global: value type, mutability
    else if (kind === 4)
      [, at] = readLeb(section, at + 1); // tag: attribute, type index
    else throw new Error(`slim-engine: unknown import kind ${kind}`);
  }
  return names;
}

export interface Slimmed {
  bytes: Uint8Array<ArrayBuffer>;
  kept: number;
  dropped: number;
}

/**
 * The module with its mangled C++ exports removed, except those it imports from itself: a
 * main module's `GOT.func`/`GOT.mem` imports, which Emscripten's loader fills from the module's
 * own exports of the same name (and, for a function, from its `orig$` copy first).
 */
export function dropMangledExports(wasm: Uint8Array): Slimmed {
  if (!MAGIC.every((b, i) => wasm[i] === b)) throw new Error('slim-engine: not a WebAssembly module');
  const sections: { id: number; body: Uint8Array }[] = [];
  for (let at = 8; at < wasm.length;) {
    const id = wasm[at];
    const [size, start] = readLeb(wasm, at + 1);
    if (start + size > wasm.length) throw new Error('slim-engine: the module ends inside a section');
    sections.push({ id, body: wasm.subarray(start, start + size) });
    at = start + size;
  }
  const imported = sections.filter((s) => s.id === IMPORT_SECTION).flatMap((s) => [...importedNames(s.body)]);
  const needed = new Set([...imported, ...imported.map((name) => `orig$${name}`)]);
  let kept = 0;
  let dropped = 0;
  const parts: Uint8Array[] = [wasm.subarray(0, 8)];
  for (const { id, body } of sections) {
    if (id !== EXPORT_SECTION) {
      parts.push(Uint8Array.from([id, ...writeLeb(body.length)]), body);
      continue;
    }
    const entries: Uint8Array[] = [];
    let [count, at] = readLeb(body, 0);
    for (; count > 0; count--) {
      const from = at;
      let len: number;
      [len, at] = readLeb(body, at);
      const name = decoder.decode(body.subarray(at, at + len));
      [, at] = readLeb(body, at + len + 1); // kind byte, then index
      if (isMangled(name) && !needed.has(name)) dropped++;
      else {
        kept++;
        entries.push(body.subarray(from, at));
      }
    }
    const head = Uint8Array.from(writeLeb(kept));
    const size = head.length + entries.reduce((s, e) => s + e.length, 0);
    parts.push(Uint8Array.from([id, ...writeLeb(size)]), head);
    for (const e of entries) parts.push(e);
  }
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return { bytes: out, kept, dropped };
}

/** The engine's wasm files as the explorer imports them (src/client/engine-files.ts): `?url`, `?size`. */
const ENGINE_WASM = /[\\/]@duckdb[\\/]duckdb-wasm[\\/]dist[\\/](duckdb-(?:eh|mvp))\.wasm\?(url|size)$/;

/**
 * Vite plugin: at build, each engine file is emitted slimmed, under a hash of what is emitted;
 * `?size` gives the bytes the browser will receive once decoded (the progress line's total: a
 * compressed transfer's Content-Length is not). The glue that loads a file (its worker script)
 * must not call a C++ name by itself: the build fails if it would, rather than publishing an
 * engine that breaks in the reader's browser. The dev server serves the files as they are.
 */
export function slimEngine(): Plugin {
  let building = false;
  const slimmed = new Map<string, Uint8Array<ArrayBuffer>>();
  const slim = (path: string): Uint8Array<ArrayBuffer> => {
    let bytes = slimmed.get(path);
    if (!bytes) {
      const glue = readFileSync(path.replace(/duckdb-(eh|mvp)\.wasm$/, 'duckdb-browser-$1.worker.js'), 'utf8');
      const called = glue.match(/["'.$]_Z[A-Za-z0-9_]+/);
      if (called) throw new Error(`slim-engine: ${path}'s worker refers to ${called[0].slice(1)}; keep its exports`);
      bytes = dropMangledExports(readFileSync(path)).bytes;
      // A module this code misread would fail in the reader's browser: fail the build instead.
      if (!WebAssembly.validate(bytes)) throw new Error(`slim-engine: ${path} slimmed is not a valid module`);
      slimmed.set(path, bytes);
    }
    return bytes;
  };
  return {
    name: 'kinerja-terbuka:slim-engine',
    enforce: 'pre',
    configResolved(config) {
      building = config.command === 'build';
    },
    load(id) {
      const m = ENGINE_WASM.exec(id);
      if (!m) return null;
      const path = id.slice(0, id.lastIndexOf('?'));
      if (m[2] === 'size') return `export default ${building ? slim(path).length : statSync(path).size};`;
      if (!building) return null;
      const ref = this.emitFile({ type: 'asset', name: `${m[1]}.wasm`, source: slim(path) });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}
