/** src/read/spill-file.ts: bytes a process keeps to the end of its build, out of its heap. */
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { expect, test } from 'vitest';
import { SpillFile } from '../../src/read/spill-file.ts';

test('texts and bytes come back as they were put, by their place; the file has no name', () => {
  const spill = new SpillFile();
  const before = readdirSync(tmpdir()).filter((n) => n.startsWith(`.kt-spill-${process.pid}-`));
  const csv = spill.put('kode_wilayah,nilai\r\nbinjai,82,5\r\n');
  const words = spill.put('Capaian ≥ 100 % — “tercapai”');
  const bytes = spill.put(Uint8Array.of(0, 255, 7));
  const empty = spill.put('');
  expect(spill.get(words)).toBe('Capaian ≥ 100 % — “tercapai”');
  expect(spill.get(csv)).toBe('kode_wilayah,nilai\r\nbinjai,82,5\r\n');
  expect([...spill.bytes(bytes)]).toEqual([0, 255, 7]);
  expect(spill.get(empty)).toBe('');
  expect(words).toEqual({ at: csv.bytes, bytes: Buffer.byteLength('Capaian ≥ 100 % — “tercapai”') });
  expect(readdirSync(tmpdir()).filter((n) => n.startsWith(`.kt-spill-${process.pid}-`))).toEqual(before);
  expect(spill.size).toBe(csv.bytes + words.bytes + 3);
  spill.close();
  // Closed, for good: a place it gave cannot be read, nor anything kept.
  expect(() => spill.get(csv)).toThrow(/closed/);
  expect(() => spill.put('x')).toThrow(/closed/);
});
