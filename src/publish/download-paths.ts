/** Names of the downloads made beside the tables (no heavy imports: pages read them too). */
import type { PublishedTable } from '../contract/published.ts';

/** Under the published data folder: `data/paket/<kode>.zip` per region, `data/kinerja-terbuka.zip` for all (no region code can take its place). */
export const BUNDLES_DIR = 'paket';
export const SITE_BUNDLE = 'kinerja-terbuka';
export const bundleFile = (kode: string | null) => (kode === null ? `${SITE_BUNDLE}.zip` : `${BUNDLES_DIR}/${kode}.zip`);
export const bundlePath = (kode: string | null) => `/data/${bundleFile(kode)}`;

/**
 * Larger tables are offered as CSV and Parquet only: ExcelJS takes about a second per thousand
 * rows on a busy 2-core machine (the sample's 33 k survey rows: 43 s), and such a table is slow to open too.
 */
export const XLSX_MAX_ROWS = 20_000;
export const xlsxFileName = (table: Pick<PublishedTable, 'name'>): string => `${table.name}.xlsx`;
