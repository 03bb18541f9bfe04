/**
 * How to save one sheet as the CSV the validator reads, per spreadsheet program: said once, for
 * the workbook's Petunjuk sheet, /templat/ and /panduan/.
 */
import type { Bilingual } from '../contract/fields.ts';

export interface SaveSteps {
  app: string;
  steps: readonly Bilingual[];
}

export const SAVE_AS_CSV: readonly SaveSteps[] = [
  {
    app: 'Microsoft Excel',
    steps: [
      { id: 'Buka lembar (sheet) yang akan disimpan, misalnya "unit".', en: 'Open the sheet to save, for example "unit".' },
      {
        id: 'File → Save As (Simpan Sebagai) → jenis berkas "CSV UTF-8 (Comma delimited) (*.csv)" — bukan "CSV (Comma delimited)" biasa.',
        en: 'File → Save As → file type "CSV UTF-8 (Comma delimited) (*.csv)" — not plain "CSV (Comma delimited)".',
      },
      {
        id: 'Beri nama persis seperti lembarnya: unit.csv, skm.csv, dan seterusnya. Excel menyimpan satu lembar saja: ulangi untuk tiap lembar.',
        en: 'Name it exactly like the sheet: unit.csv, skm.csv and so on. Excel saves one sheet only: repeat for each sheet.',
      },
      {
        id: 'Excel berbahasa Indonesia menulis pemisah ";" dan koma desimal: itu diterima.',
        en: 'Excel in the Indonesian locale writes ";" separators and decimal commas: that is accepted.',
      },
    ],
  },
  {
    app: 'LibreOffice Calc',
    steps: [
      { id: 'Buka lembar yang akan disimpan.', en: 'Open the sheet to save.' },
      {
        id: 'File → Save As (Simpan Sebagai) → jenis berkas "Text CSV (.csv)", centang "Edit filter settings" (Sunting pengaturan saringan).',
        en: 'File → Save As → file type "Text CSV (.csv)", tick "Edit filter settings".',
      },
      {
        id: 'Character set (Set karakter): "Unicode (UTF-8)"; Field delimiter (Pembatas ruas): "," atau ";"; String delimiter: tanda kutip ganda.',
        en: 'Character set: "Unicode (UTF-8)"; Field delimiter: "," or ";"; String delimiter: double quote.',
      },
      {
        id: 'Pilih "Use Text CSV Format" bila ditanya. Ulangi untuk tiap lembar, dengan nama berkas sesuai lembarnya.',
        en: 'Choose "Use Text CSV Format" when asked. Repeat for each sheet, naming each file after its sheet.',
      },
    ],
  },
  {
    app: 'Google Sheets',
    steps: [
      {
        id: 'Buka lembar yang akan disimpan (Google Sheets selalu menulis UTF-8).',
        en: 'Open the sheet to save (Google Sheets always writes UTF-8).',
      },
      { id: 'File → Download (Unduh) → "Comma-separated values (.csv)".', en: 'File → Download → "Comma-separated values (.csv)".' },
      {
        id: 'Ganti nama berkas yang diunduh (misalnya "Templat - unit.csv") menjadi unit.csv. Ulangi untuk tiap lembar.',
        en: 'Rename the downloaded file (e.g. "Templat - unit.csv") to unit.csv. Repeat for each sheet.',
      },
    ],
  },
];
