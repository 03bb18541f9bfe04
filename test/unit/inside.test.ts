/** isInside: the one test of "this path lies in that folder" (links out of an export, records kept inside the site). */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { isInside } from '../../src/read/inside.ts';
import { insideAny } from '../../src/publish/kept-json.ts';

describe('isInside', () => {
  test('the folder itself and what lies under it are inside; its parent, siblings and a longer name are not', () => {
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/b', '/a/b/c/d')).toBe(true);
    expect(isInside('/a/b/', '/a/b/c')).toBe(true);
    expect(isInside('/a/b', '/a')).toBe(false);
    expect(isInside('/a/b', '/a/c')).toBe(false);
    expect(isInside('/a/b', '/a/bc')).toBe(false);
    expect(isInside('/a/b', '/a/b/../c')).toBe(false);
  });

  test('a name that only begins with two dots is inside', () => {
    expect(isInside('/a/b', '/a/b/..x')).toBe(true);
    expect(isInside('/a/b', '/a/b/...')).toBe(true);
  });

  test('relative paths are taken from the working folder', () => {
    expect(isInside('.', join(process.cwd(), 'x'))).toBe(true);
    expect(isInside('x', 'x/y')).toBe(true);
    expect(isInside('x/y', 'x')).toBe(false);
  });

  test('insideAny: inside one of several roots', () => {
    expect(insideAny('/s/dist/data', ['/t', '/s/dist'])).toBe(true);
    expect(insideAny('/s/cache', ['/t', '/s/dist'])).toBe(false);
  });
});
