/**
 * The ends of work side by side within a phase (the pages, and what the build's process does
 * meanwhile): each end noted, also of work that failed, earliest first as said.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, test } from 'vitest';
import { EndTimes } from '../../src/build/phase-clock.ts';

test('notes when each piece of work ended, earliest first, also a failed one', async () => {
  const spans = new EndTimes();
  const slow = spans.timed('halaman', () => sleep(60).then(() => 'drawn'));
  const fast = spans.timed('gerbang', () => sleep(10).then(() => Promise.reject(new Error('bocor'))));
  await expect(fast).rejects.toThrow('bocor');
  expect(await slow).toBe('drawn');
  expect(Object.keys(JSON.parse(spans.summary()))).toEqual(['gerbang', 'halaman']);
  expect(spans.ended.halaman).toBeGreaterThanOrEqual(55);
  expect(spans.ended.gerbang).toBeLessThan(spans.ended.halaman);
});
