/**
 * Every chart builder's output on the sample, kept as a file (as Observable Plot's own tests do):
 * the drawing, its takeaway and its colour key. A snapshot missing is written (never in CI, where
 * it fails); a snapshot that differs fails and the new output is written beside it as
 * `<name>-changed.html`, to compare and, if the change is meant, to move over the old one.
 * Sentences and marks are data too: a change in any of them is seen in review, not by chance.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ChartData } from '../../src/charts/chart-data.ts';
import { legendHtml, phoneListHtml, richHtml } from '../../src/charts/chart-html.ts';
import type { Lang } from '../../src/i18n/lang.ts';
import { build } from '../../src/pipeline.ts';

const DIR = join(import.meta.dirname, '..', 'snapshots', 'charts');
const root = mkdtempSync(join(tmpdir(), 'kt-snapshots-'));
const before = process.env.KT_PUBLISHED_DIR;

beforeAll(async () => {
  const r = await build({
    dataDir: 'data',
    outDir: join(root, 'site'),
    pages: false,
    log: () => {},
    env: { SOURCE_DATE_EPOCH: '1767225600' },
  });
  if (!r.ok) throw new Error(r.message);
  process.env.KT_PUBLISHED_DIR = join(root, 'site', 'data');
}, 300_000);

afterAll(() => {
  if (before === undefined) delete process.env.KT_PUBLISHED_DIR;
  else process.env.KT_PUBLISHED_DIR = before;
  rmSync(root, { recursive: true, force: true });
});

function html(chart: ChartData | null, lang: Lang): string {
  if (!chart) return '<!-- no chart -->\n';
  return [
    `<h2>${chart.title}</h2>`,
    `<p>${richHtml(chart.takeaway, lang)}</p>`,
    chart.svg ?? `<!-- empty: ${chart.empty ?? 'none'} -->`,
    legendHtml(chart.legend ?? []),
    chart.phoneList ? phoneListHtml(chart.phoneList, lang) : '',
    '',
  ].join('\n');
}

function matchSnapshot(name: string, actual: string) {
  const file = join(DIR, `${name}.html`);
  const changed = join(DIR, `${name}-changed.html`);
  if (!existsSync(file)) {
    if (process.env.CI) throw new Error(`no snapshot ${file}: write it by running this test outside CI and commit it`);
    mkdirSync(DIR, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  const expected = readFileSync(file, 'utf8');
  if (actual === expected) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  expect.fail(`${name}: the chart differs from its snapshot; compare ${changed} with ${file}`);
}

// A region rich in every kind of data and one whose export lacks some (empty reasons, sample states).
const REGIONS = ['jakarta', 'manokwari'] as const;

describe('chart snapshots', () => {
  test('region charts, both languages', async () => {
    const { REGION_CHARTS } = await import('../../src/site/region-charts.ts');
    for (const kode of REGIONS)
      for (const lang of ['id', 'en'] as const)
        for (const { id, build: draw } of REGION_CHARTS) matchSnapshot(`region-${kode}-${id}-${lang}`, html(await draw(lang, kode), lang));
  }, 120_000);

  test('unit and service charts of each region’s first unit and service', async () => {
    const { UNIT_CHARTS } = await import('../../src/site/unit-charts.ts');
    const { serviceCharts } = await import('../../src/site/service-charts.ts');
    const { servicesOf, unitsOf } = await import('../../src/site/model.ts');
    for (const kode of REGIONS) {
      const unit = unitsOf(kode)[0];
      for (const { id, build: draw } of UNIT_CHARTS) matchSnapshot(`unit-${kode}-${id}-id`, html(await draw('id', kode, unit.kode), 'id'));
      const service = servicesOf(kode)[0];
      if (service)
        for (const { id, chart } of await serviceCharts('id', kode, service.kode))
          matchSnapshot(`service-${kode}-${id}-id`, html(chart, 'id'));
    }
  }, 120_000);
});
