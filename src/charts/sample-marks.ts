/**
 * The dots of IKMs by sample adequacy (lib/sample.ts says what each state looks like and means):
 * one Plot mark per state, so a state is told by its shape and fill, not by colour alone.
 */
import * as Plot from '@observablehq/plot';
import { MARK, SAMPLE_STATES, type SampleState } from './sample.ts';

/** Opacity of a "light" fill: the mark's colour over white reads as a pale tone, between solid and hollow (site.css mixes its swatch the same). */
const LIGHT = 0.3;

/**
 * One dot mark per state present in `data`. `colour` is a CSS colour or a channel (a field name,
 * as the compare chart colours periods); `options` places the dots.
 */
export function sampleDots<T>(
  data: readonly T[],
  stateOf: (d: T) => SampleState,
  colour: string,
  options: Plot.DotOptions,
): Plot.Markish[] {
  return SAMPLE_STATES.flatMap((state) => {
    const rows = data.filter((d) => stateOf(d) === state);
    if (!rows.length) return [];
    const { symbol, fill } = MARK[state];
    return [
      Plot.dot(rows, {
        r: 5,
        ...options,
        symbol,
        stroke: colour,
        strokeWidth: 2,
        fill: fill === 'hollow' ? 'white' : colour,
        fillOpacity: fill === 'light' ? LIGHT : 1,
      }),
    ];
  });
}
