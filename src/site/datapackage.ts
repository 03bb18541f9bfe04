/** datapackage.json as the publish step wrote it: sizes, row counts and hashes for the data pages. */
import { csvFileName, parquetFileName } from '../queries/published-views.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { publishedDir, readPublishedJson } from './published.ts';
import { xlsxFileName } from '../publish/download-paths.ts';

export interface PackageResource {
  name: string;
  title?: string;
  path: string;
  format: string;
  bytes?: number;
  hash?: string;
  rows?: number;
}

export interface PackageSource {
  title: string;
  kode_wilayah?: string;
  description?: string;
  tanggal_ekspor?: string;
}

export interface DataPackage {
  name: string;
  title: string;
  version: string;
  created?: string;
  licenses: { name: string; path?: string }[];
  sources: PackageSource[];
  resources: PackageResource[];
}

export function dataPackage(): DataPackage {
  return (
    readPublishedJson<DataPackage>('datapackage.json') ?? {
      name: 'kinerja-terbuka',
      title: 'Kinerja Terbuka',
      version: '',
      licenses: [],
      sources: [],
      resources: [],
    }
  );
}

/** The CSV and Parquet resources of one published table. */
export function filesOf(pkg: DataPackage, table: string): { csv?: PackageResource; parquet?: PackageResource } {
  const names = [csvFileName({ name: table }), parquetFileName({ name: table })];
  const mine = pkg.resources.filter((r) => names.includes(r.path));
  return { csv: mine.find((r) => r.format === 'csv'), parquet: mine.find((r) => r.format === 'parquet') };
}

/** `sha256:abc…` → `abc…` */
export const hashHex = (hash?: string) => (hash ?? '').replace(/^sha256:/, '');

/** Whether the build wrote the table's .xlsx (publish/xlsx.ts: every table it published). */
export const hasXlsx = (table: string): boolean => existsSync(join(publishedDir(), xlsxFileName({ name: table })));
