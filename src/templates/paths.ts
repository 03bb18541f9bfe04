/** Where the templates, the guide and the checker live on the site: the one place that says so. */
import type { AnyInputFile } from '../contract/input.ts';

export const TEMPLATE_PAGE = '/templat/';
export const GUIDE_PAGE = '/panduan/';
/** The in-browser export checker (issue #12 items 1–4). */
export const CHECKER_PAGE = '/periksa/';

/** The one workbook with a sheet per input file. */
export const WORKBOOK_FILE = 'templat-kinerja-terbuka.xlsx';
export const WILAYAH_FILE = 'wilayah.json';

/** Every file under /templat/, by name: the CSV of each input, wilayah.json, the workbook. */
export const templateFiles = (inputs: readonly AnyInputFile[]): string[] => [...inputs.map((i) => i.file), WILAYAH_FILE, WORKBOOK_FILE];

/** The same files serve both languages: /templat/<name>, never under /en/. */
export const templateUrl = (name: string): string => `${TEMPLATE_PAGE}${name}`;
