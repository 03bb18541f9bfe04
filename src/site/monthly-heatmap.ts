/**
 * A months × rows heatmap of a region's monthly table (timeliness per service, compliance per
 * unit), with its forum-slide parts and, for a phone, its rows as lines.
 */
import type { PublishedRow } from '../contract/published.ts';
import type { Lang } from '../i18n/lang.ts';
import { tr } from '../i18n/words.ts';
import { formatMonth } from '../i18n/format.ts';
import type { Cell, PhoneListItem, Rich } from '../charts/chart.ts';
import { monthOf } from '../charts/row.ts';
import { rowLabels } from '../charts/plot.ts';
import { renderStatic } from './plot-document.ts';
import { groupBy } from '../group.ts';
import { heatCells, heatmap, slideParts } from '../charts/common.ts';

/**
 * A months × rows heatmap (one row per entry of `keyRows`, the cells from `cells`), drawn whole
 * for the page and, when too tall for a forum slide, in parts (slideParts), each shaded and
 * lettered as the whole and labelled with its place ("(2/3)").
 */
export function monthlyHeatmap(
  lang: Lang,
  months: string[],
  keyRows: readonly PublishedRow[],
  key: (r: PublishedRow) => string,
  label: (r: PublishedRow) => string,
  title: ((r: PublishedRow) => string) | undefined,
  cells: readonly PublishedRow[],
  value: (r: PublishedRow) => number,
  cellOf: (r: PublishedRow) => Cell,
  a11yLabel: string,
): { svg: string; slideParts?: string[]; phoneList?: PhoneListItem[] } {
  const shades = cells.map(value);
  const draw = (part: readonly PublishedRow[], place = '') => {
    const keys = new Set(part.map(key));
    return renderStatic(
      heatmap(
        lang,
        months,
        part.map(key),
        [
          rowLabels(part, key, label, title),
          ...heatCells(
            lang,
            cells.filter((r) => keys.has(key(r))),
            monthOf,
            key,
            value,
            shades,
          ),
        ],
        shades,
      ),
      { label: a11yLabel + place },
    );
  };
  return {
    svg: draw(keyRows),
    slideParts: slideParts(keyRows, (part, i, n) => draw(part, ` (${i + 1}/${n})`)),
    phoneList: months.length > PHONE_HEATMAP_MONTHS ? heatmapList(lang, months, keyRows, key, label, cells, value, cellOf) : undefined,
  };
}

/** More months than this make cells too narrow for their numbers on a 360 px phone: a list instead. */
const PHONE_HEATMAP_MONTHS = 6;

/**
 * A heatmap's rows as lines: "Dinas X: Desember 2025 86 %; terendah 71 % (Maret 2025)". The
 * latest month is the window's last (a row without it says so), the lowest is over the window.
 */
function heatmapList(
  lang: Lang,
  months: readonly string[],
  keyRows: readonly PublishedRow[],
  key: (r: PublishedRow) => string,
  label: (r: PublishedRow) => string,
  cells: readonly PublishedRow[],
  value: (r: PublishedRow) => number,
  cellOf: (r: PublishedRow) => Cell,
): PhoneListItem[] {
  const T = tr(lang);
  const latest = months[months.length - 1];
  const byKey = groupBy(cells, key);
  return keyRows.map((r) => {
    const own = byKey.get(key(r)) ?? [];
    const last = own.find((c) => monthOf(c) === latest);
    const low = own.reduce<PublishedRow | undefined>((a, c) => (a === undefined || value(c) < value(a) ? c : a), undefined);
    const text: Rich = last
      ? [`${formatMonth(lang, latest, true)} `, cellOf(last), ' %']
      : [T(`tidak ada data ${formatMonth(lang, latest, true)}`, `no data for ${formatMonth(lang, latest, true)}`)];
    if (low && own.length > 1) text.push(T('; terendah ', '; lowest '), cellOf(low), ` % (${formatMonth(lang, monthOf(low), true)})`);
    return { label: label(r), text };
  });
}
