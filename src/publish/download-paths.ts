/** Names of the downloads made beside the tables (no heavy imports: pages read them too). */
import type { PublishedTable } from '../contract/published.ts';

/** Under the published data folder: `data/paket/<kode>.zip` per region, `data/kinerja-terbuka.zip` for all (no region code can take its place). */
export const BUNDLES_DIR = 'paket';
export const SITE_BUNDLE = 'kinerja-terbuka';
export const bundleFile = (kode: string | null) => (kode === null ? `${SITE_BUNDLE}.zip` : `${BUNDLES_DIR}/${kode}.zip`);
export const bundlePath = (kode: string | null) => `/data/${bundleFile(kode)}`;

/** Excel's rows per sheet (1,048,576) less the header each sheet repeats: a longer table's .xlsx goes on in a next sheet. */
export const XLSX_SHEET_ROWS = 1_048_575;
/** How many sheets of data the .xlsx of a table of `rows` rows has. */
export const xlsxSheets = (rows: number): number => Math.max(1, Math.ceil(rows / XLSX_SHEET_ROWS));
export const xlsxFileName = (table: Pick<PublishedTable, 'name'>): string => `${table.name}.xlsx`;
