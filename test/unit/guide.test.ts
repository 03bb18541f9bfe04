/** The guide's list of mistakes (/panduan/): one entry per issue code of the validator, in both languages. */
import { expect, it } from 'vitest';
import { ISSUE_CODES } from '../../src/contract/issues.ts';
import { MISTAKES } from '../../src/guide/mistakes.ts';
import { SOURCES } from '../../src/guide/sources.ts';
import { INPUTS } from '../../src/contract/inputs/index.ts';

it('explains every issue code, and no other', () => {
  expect(Object.keys(MISTAKES).sort()).toEqual([...ISSUE_CODES].sort());
});

it.each(ISSUE_CODES.map((c) => [c]))('%s: what it means and how to fix it, in Indonesian and English', (code) => {
  const m = MISTAKES[code];
  for (const b of [m.what, m.fix]) {
    expect(b.id.length).toBeGreaterThan(20);
    expect(b.en.length).toBeGreaterThan(20);
    expect(b.id).not.toBe(b.en);
  }
});

it('says which application every input file comes from, and names no other file', () => {
  expect(Object.keys(SOURCES).sort()).toEqual(INPUTS.map((i) => i.file).sort());
});
