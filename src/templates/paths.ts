/** The template files' names and addresses (the pages' own addresses are in routes.ts). */
import type { AnyInputFile } from '../contract/input.ts';
import { TEMPLATES } from '../routes.ts';

/** The one workbook with a sheet per input file. */
export const WORKBOOK_FILE = 'templat-kinerja-terbuka.xlsx';
export const WILAYAH_FILE = 'wilayah.json';

/** Every file under /templat/, by name: the CSV of each input, wilayah.json, the workbook. */
export const templateFiles = (inputs: readonly AnyInputFile[]): string[] => [...inputs.map((i) => i.file), WILAYAH_FILE, WORKBOOK_FILE];

/** The same files serve both languages: /templat/<name>, never under /en/. */
export const templateUrl = (name: string): string => `${TEMPLATES}${name}`;
