/**
 * The charts that the browser redraws know the few keys and column types they print without
 * loading the schemas (which bring Zod): held equal to the contract here.
 */
import { expect, test } from 'vitest';
import { shapeOf } from '../../src/charts/chart.ts';
import type { TableShape } from '../../src/charts/chart-data.ts';
import { IKM_UNIT } from '../../src/charts/ikm-ranking.ts';
import { CAPAIAN_IKU } from '../../src/charts/target.ts';

test.each<[string, TableShape]>([
  ['ikm_unit', IKM_UNIT],
  ['capaian_iku', CAPAIAN_IKU],
])('%s: the hand-written key, types and styles are the schema’s', (_name, shape) => {
  const schema = shapeOf(shape.name);
  expect(shape.key).toEqual(schema.key);
  for (const [col, type] of Object.entries(shape.types)) expect(`${col}: ${type}`).toBe(`${col}: ${schema.types[col]}`);
  // Every number column it prints has the style the contract declares for it.
  const numeric = Object.keys(shape.types).filter((c) => shape.types[c] === 'integer' || shape.types[c] === 'number');
  expect(Object.fromEntries(numeric.map((c) => [c, shape.styles[c]]))).toEqual(
    Object.fromEntries(numeric.map((c) => [c, schema.styles[c]])),
  );
});
