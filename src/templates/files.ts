/** The files offered under /templat/, by name: what the endpoint writes and the tests read. */
import { INPUTS } from '../contract/inputs/index.ts';
import { templateCsv } from './csv.ts';
import { EXAMPLE_WILAYAH } from './examples.ts';
import { templateFiles, WILAYAH_FILE, WORKBOOK_FILE } from './paths.ts';
import { templateWorkbook } from './workbook.ts';

export const TEMPLATE_FILES = templateFiles(INPUTS);

export const wilayahTemplate = (): string => JSON.stringify(EXAMPLE_WILAYAH, null, 2) + '\n';

/** A template file's bytes; `date` is the build date, the only date the workbook holds. */
export async function templateFile(name: string, date: Date): Promise<string | Uint8Array<ArrayBuffer>> {
  if (name === WORKBOOK_FILE) return templateWorkbook(INPUTS, date);
  if (name === WILAYAH_FILE) return wilayahTemplate();
  const input = INPUTS.find((i) => i.file === name);
  if (!input) throw new Error(`no template named ${name}`);
  return templateCsv(input);
}
