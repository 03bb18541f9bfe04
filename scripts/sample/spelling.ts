/**
 * How enumeration values are spelt in a file. The contract accepts codes in any case, with
 * spaces, `_` or `-` between words, and the long labels (§2), because that is what appears
 * when officers type into a spreadsheet; the sample writes each of these forms somewhere.
 */
import type { EnumOption } from '../../src/contract/fields.ts';
import type { Rng } from './random.ts';

/**
 * - `kode`: the code as the contract names it (`di_atas`);
 * - `label`: the long Indonesian label (`Di Atas Ekspektasi`);
 * - `campur`: a mixture, row by row, of the code, the label, `di-atas`, `DI ATAS`, `Di Atas`.
 */
export type Spelling = 'kode' | 'label' | 'campur';

const titleCase = (words: string): string => words.replace(/\b\w/g, (c) => c.toUpperCase());

/**
 * Labels with punctuation (`LAPOR!`, `D4/S1`, `D1–D3`) are left out: they are accepted,
 * but nobody types them, and the sample should look like real exports.
 */
function plainLabel(option: EnumOption): string {
  return /^[\p{L}\p{N} _-]+$/u.test(option.label.id) ? option.label.id : titleCase(option.value.replace(/_/g, ' '));
}

function variants(option: EnumOption): string[] {
  const spaced = option.value.replace(/_/g, ' ');
  return [option.value, plainLabel(option), option.value.replace(/_/g, '-'), spaced.toUpperCase(), titleCase(spaced)];
}

export function spell(options: readonly EnumOption[], value: string, spelling: Spelling, rng: Rng): string {
  const option = options.find((o) => o.value === value);
  if (!option) throw new Error(`unknown enumeration value ${value}`);
  switch (spelling) {
    case 'kode':
      return option.value;
    case 'label':
      return plainLabel(option);
    case 'campur':
      return rng.pick(variants(option));
  }
}
