/**
 * A number column's reader reads plain digits, and digits with the file's decimal mark, itself
 * (columns.ts, issue #5 speed); everything else goes to parseCell and the schema. The shortcut
 * must answer exactly as that general way: the same value, bit for bit, or the same problem.
 * FastRows reads the same shortcut from a slice's code units (digitsAt, decimalAt): a value it
 * takes must be the reader's, bit for bit, too.
 */
import { describe, expect, test } from 'vitest';
import { integer, number } from '../../src/contract/fields.ts';
import { CellProblem, parseCell } from '../../src/read/cells.ts';
import type { Dialect } from '../../src/read/dialect.ts';
import { compileReader, readerPlan } from '../../src/validate/columns.ts';
import { decimalAt, digitsAt } from '../../src/validate/fast/units.ts';
import { compileCheck } from '../../src/validate/constraints.ts';

let seed = 11;
const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;

/** Digit strings of 1–18 digits, most with one decimal mark somewhere, some with a sign or thousands dots. */
function samples(mark: string): string[] {
  const out = [
    '0',
    '00',
    '0.0',
    '0,0',
    '93.6',
    '93,6',
    '1.234',
    '1.234,5',
    '12.',
    '.5',
    ',5',
    '1e3',
    '+3',
    '-0',
    '100',
    '1.005',
    '99999999999999999',
    '123456789012345,6',
  ];
  for (let k = 0; k < 20000; k++) {
    const len = 1 + Math.floor(rnd() * 18);
    let s = Array.from({ length: len }, () => String(Math.floor(rnd() * 10))).join('');
    if (rnd() < 0.7 && len > 1) {
      const at = 1 + Math.floor(rnd() * (len - 1));
      s = s.slice(0, at) + (rnd() < 0.9 ? mark : mark === ',' ? '.' : ',') + s.slice(at);
    }
    if (rnd() < 0.05) s = (rnd() < 0.5 ? '-' : '+') + s;
    out.push(s);
  }
  return out;
}

const general = (f: ReturnType<typeof number>, dialect: Dialect) => (raw: string) => {
  const v = parseCell(f.kind, f, raw, dialect);
  if (v instanceof CellProblem) return v;
  const bad = compileCheck(f)(v);
  return bad ? new CellProblem('constraint-error', bad) : v;
};

describe('a number reader answers as parseCell and the schema do', () => {
  const plain: Dialect = { delimiter: ',', numbers: 'plain' };
  const indonesian: Dialect = { delimiter: ';', numbers: 'id' };
  const fields = {
    'a score (0–100)': number({ id: 'n', en: 'n' }, { min: 0, max: 100 }),
    'any number': number({ id: 'n', en: 'n' }),
    'an answer (1–4)': integer({ id: 'n', en: 'n' }, 1, 4),
    'a count': integer({ id: 'n', en: 'n' }, 0),
  };
  for (const [dialect, mark] of [
    [plain, '.'],
    [indonesian, ','],
  ] as const) {
    for (const [name, f] of Object.entries(fields)) {
      test(`${name}, in a "${dialect.delimiter}" file`, () => {
        const fast = compileReader(f, dialect);
        const slow = general(f, dialect);
        const plan = readerPlan(f, dialect);
        if (plan.kind !== 'number') throw new Error('not a number plan');
        let values = 0;
        let fromUnits = 0;
        for (const raw of samples(mark)) {
          const a = fast(raw);
          const b = slow(raw);
          if (typeof b === 'number') {
            values++;
            expect(Object.is(a, b), raw).toBe(true);
          } else expect(a, raw).toEqual(b);
          // As FastRows takes it: from the bytes of an ASCII slice and from UTF-16 code units alike.
          for (const units of [Buffer.from(raw, 'latin1'), Uint16Array.from(raw, (c) => c.charCodeAt(0))]) {
            const n = plan.decimalMark ? decimalAt(units, 0, raw.length, plan.decimalMark) : digitsAt(units, 0, raw.length);
            if (plan.simple && n >= plan.min && n <= plan.max && n > plan.above) {
              fromUnits++;
              expect(Object.is(n, b), `${raw} from code units`).toBe(true);
            }
          }
        }
        expect(fromUnits).toBeGreaterThan(100);
        // Values read, not only problems compared.
        expect(values).toBeGreaterThan(100);
      });
    }
  }
});
