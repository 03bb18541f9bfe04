/** CSV dialect per file (contract §2): the delimiter decides how numbers are written. */

export type Delimiter = ',' | ';' | '\t';

export interface Dialect {
  delimiter: Delimiter;
  /** `id`: Indonesian Excel (`1.234,5`); `plain`: `1234.5`. */
  numbers: 'id' | 'plain';
}

/** Picks the delimiter that occurs most often in the header line, outside quotes. */
export function detectDialect(firstChunk: string): Dialect {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let seen = false; // empty lines before the header are skipped by the reader, so here too
  for (const ch of firstChunk) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (seen) break;
      continue;
    } else if (!quoted && ch in counts) counts[ch as Delimiter]++;
    if (ch.trim() !== '') seen = true;
  }
  const delimiter = (Object.keys(counts) as Delimiter[]).reduce((best, d) => (counts[d] > counts[best] ? d : best), ',');
  return { delimiter, numbers: delimiter === ';' ? 'id' : 'plain' };
}

/** `Kode Unit ` → `kode_unit`. */
export const normalizeHeader = (h: string) => h.trim().toLowerCase().replace(/\s+/g, '_');
