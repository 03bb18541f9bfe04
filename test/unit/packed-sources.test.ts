/**
 * What the explorer's page carries about split tables (issue #13 item 5): packed at build,
 * unpacked in the browser into exactly the sources the build described, and several times
 * smaller than the full list at national scale.
 */
import { describe, expect, it } from 'vitest';
import { TABLES } from '../../src/contract/published.ts';
import { packSource, partitionGlob, unpackSource, partitionPath, type PartitionManifest } from '../../src/queries/partitions.ts';
import { jsonForScript, tableSources } from '../../src/site/table-sources.ts';

/** A manifest of n regions for every table the build splits, codes of both kinds (numeric ones sort first in objects). */
function manifestOf(n: number): PartitionManifest {
  const codes = Array.from({ length: n }, (_, i) => (i % 2 ? `kab-${String(i).padStart(3, '0')}` : String(1100 + i)));
  const tabel: PartitionManifest['tabel'] = {};
  for (const t of TABLES.filter((t) => t.name !== 'wilayah' && t.name !== 'ikm_wilayah')) {
    tabel[t.name] = codes.map((kode, i) => ({
      kode_wilayah: kode,
      path: partitionPath(kode, t.name),
      rows: 10 + i,
      bytes: 1000 + 37 * i,
      sha256: 'x'.repeat(64),
    }));
  }
  return { tabel };
}

describe('packed table sources', () => {
  it('unpack to the sources the build described, region order and all', () => {
    const sources = tableSources('/data/', manifestOf(7));
    expect(sources.some((s) => s.parts)).toBe(true);
    const carried = JSON.parse(jsonForScript(sources.map(packSource)));
    expect(carried.map(unpackSource)).toEqual(sources);
  });

  it("a split table's view reads its region files by one pattern, naming none of them", () => {
    const sources = tableSources('/data/', manifestOf(7)).filter((s) => s.parts);
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) {
      expect(s.createSql).toContain(`'${partitionGlob(s)}', hive_partitioning = true`);
      for (const p of s.parts!) expect(s.createSql).not.toContain(p.kode);
    }
  });

  it('leave a table read whole as it is', () => {
    const whole = tableSources('/data/');
    expect(whole.map(packSource).map(unpackSource)).toEqual(whole);
  });

  it('are several times smaller than the full list at 514 regions', () => {
    const sources = tableSources('/data/', manifestOf(514));
    const full = jsonForScript(sources).length;
    const packed = jsonForScript(sources.map(packSource)).length;
    expect(packed * 4).toBeLessThan(full);
  });
});
