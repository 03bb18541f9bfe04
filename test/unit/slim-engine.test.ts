import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { dropMangledExports } from '../../src/build/slim-engine.ts';

const str = (s: string) => [s.length, ...Buffer.from(s)];
const section = (id: number, body: number[]) => [id, body.length, ...body];

/** A module importing `_Zneeded` and exporting it and its `orig$` copy, `keep`, and C++ names: a function, its `orig$` copy, a global. */
const tiny = Uint8Array.from([
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
  ...section(1, [1, 0x60, 0, 0]), // one type: () -> ()
  ...section(2, [1, ...str('env'), ...str('_Zneeded'), 0, 0]), // imported function 0
  ...section(3, [2, 0, 0]), // functions 1 and 2
  ...section(6, [1, 0x7f, 0, 0x41, 7, 0x0b]), // global 0: i32 7
  ...section(7, [
    ...[6, ...str('_ZN3foo3barEv'), 0, 1, ...str('keep'), 0, 2, ...str('_Zneeded'), 0, 0],
    ...[...str('_ZTV3Foo'), 3, 0, ...str('orig$_ZN3foo3barEv'), 0, 1, ...str('orig$_Zneeded'), 0, 2],
  ]),
  ...section(10, [2, 2, 0, 0x0b, 2, 0, 0x0b]),
]);

describe('the slimmed query engine', () => {
  it('drops C++ exports, keeps the others and any an import of the module names', () => {
    expect(WebAssembly.Module.exports(new WebAssembly.Module(tiny)).map((e) => e.name)).toHaveLength(6);
    const { bytes, kept, dropped } = dropMangledExports(tiny);
    expect([kept, dropped]).toEqual([3, 3]);
    const module = new WebAssembly.Module(bytes);
    expect(WebAssembly.Module.exports(module).map((e) => e.name)).toEqual(['keep', '_Zneeded', 'orig$_Zneeded']);
    expect(WebAssembly.Module.imports(module).map((e) => e.name)).toEqual(['_Zneeded']);
  });

  it('refuses what is not WebAssembly, or a module cut short', () => {
    expect(() => dropMangledExports(new TextEncoder().encode('<html>'))).toThrow(/not a WebAssembly module/);
    expect(() => dropMangledExports(tiny.subarray(0, tiny.length - 3))).toThrow(/ends inside a section/);
    expect(() => dropMangledExports(Uint8Array.from([...tiny.subarray(0, 8), 1, 0x80]))).toThrow(/ends inside a number/);
  });

  it("keeps DuckDB-WASM's code whole and a valid module, seven megabytes of names lighter", () => {
    const path = createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm');
    const whole = readFileSync(path);
    const { bytes, kept, dropped } = dropMangledExports(whole);
    expect(kept + dropped, 'every export of duckdb-wasm 1.32’s EH build: an upgrade changes this, check the glue anew').toBe(75_011);
    expect(dropped).toBeGreaterThan(70_000);
    expect(whole.length - bytes.length).toBeGreaterThan(7_000_000);
    expect(WebAssembly.validate(bytes)).toBe(true);
    // Before the export section (types, imports, functions, globals: 200 kB) and after it (code
    // and data: 26.5 MB), byte for byte the same.
    const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
    expect(same(bytes.subarray(0, 199_000), whole.subarray(0, 199_000))).toBe(true);
    expect(same(bytes.subarray(bytes.length - 26_500_000), whole.subarray(whole.length - 26_500_000))).toBe(true);
  });
});
