/** datapackage.json (Frictionless Data Package v2) describing every published file. */
import { stat } from 'node:fs/promises';
import { fileSha256 } from '../read/sha256.ts';
import type { PublishedTable } from '../contract/published.ts';
import type { Wilayah } from '../contract/wilayah.ts';
import { releaseId } from '../release/identity.ts';

export interface PublishedFile {
  table: PublishedTable;
  format: 'csv' | 'parquet';
  path: string;
  /** Path relative to the package (what the JSON says). */
  relPath: string;
  rows: number;
}

const bilingual = (d: { id: string; en: string }) => `${d.id} — ${d.en}`;

export async function dataPackage(
  files: readonly PublishedFile[],
  regions: readonly { code: string; wilayah: Wilayah }[],
  buildDate: string,
  settings: Record<string, string | number>,
) {
  const licences = [...new Set(regions.map((r) => r.wilayah.lisensi))];
  const resources = [];
  for (const f of files) {
    resources.push({
      name: f.format === 'csv' ? f.table.name : `${f.table.name}-parquet`,
      title: bilingual(f.table.title),
      description: bilingual(f.table.description),
      path: f.relPath,
      format: f.format,
      mediatype: f.format === 'csv' ? 'text/csv' : 'application/vnd.apache.parquet',
      ...(f.format === 'csv'
        ? { encoding: 'utf-8', dialect: { delimiter: ',', header: true, quoteChar: '"', doubleQuote: true, lineTerminator: '\r\n' } }
        : {}),
      bytes: (await stat(f.path)).size,
      hash: `sha256:${await fileSha256(f.path)}`,
      rows: f.rows,
      schema: {
        fields: f.table.columns.map((c) => ({
          name: c.name,
          type: c.type,
          description: bilingual(c.description),
          description_id: c.description.id,
          description_en: c.description.en,
          ...('enum' in c && c.enum ? { constraints: { enum: c.enum } } : {}),
        })),
        missingValues: [''],
        ...(f.table.primaryKey.length ? { primaryKey: f.table.primaryKey } : {}),
      },
    });
  }
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: 'kinerja-terbuka',
    title: 'Kinerja Terbuka — kinerja ASN dan kepuasan layanan publik / civil-service performance and public satisfaction',
    // The release (src/release/identity.ts): the same for the same tables, archived under data/rilis/<version>/.
    version: releaseId(
      regions
        .map((r) => r.wilayah.tanggal_ekspor)
        .sort()
        .at(-1) ?? '0000-00-00',
      resources.filter((r) => r.format === 'csv').map((r) => r.hash),
      settings,
    ),
    created: `${buildDate}T00:00:00Z`,
    licenses: licences.map((l) => ({ name: l, path: l === 'CC-BY-4.0' ? 'https://creativecommons.org/licenses/by/4.0/' : undefined })),
    sources: regions.map((r) => ({
      title: `${r.wilayah.nama} (${r.wilayah.provinsi})`,
      kode_wilayah: r.code,
      description: r.wilayah.sumber,
      tanggal_ekspor: r.wilayah.tanggal_ekspor,
    })),
    resources,
  };
}
