/**
 * Redraws a filtered chart in the page: the reader's choice → the chart's SQL (the build ran the
 * same module for the static page) → DuckDB-WASM over the published CSVs → the same pure
 * function that drew the static chart → the same markup (src/charts/chart-html.ts), in place.
 * Loaded by filters.ts when a reader reaches for a filter form or changes it.
 */
import { ask, engineReady, isCancelled, type Answer } from './engine.ts';
import { queryErrorText } from './query-message.ts';
import { clientWords, pageLang, progressText } from '../i18n/client-words.ts';
import type { Lang } from '../i18n/lang.ts';
import { t } from '../i18n/words.ts';
import { chartCsv, chartFileName, type ChartData } from '../charts/chart-data.ts';
import { chartBodyHtml, richHtml } from '../charts/chart-html.ts';
import { rowsFromQuery } from '../charts/row.ts';
import type { PublishedRow } from '../contract/published.ts';
import { ikmRankingChart } from '../charts/ikm-ranking.ts';
import { capaianChart } from '../charts/capaian-programme.ts';
import { unitIndicatorsChart } from '../charts/unit-indicators.ts';
import { capaianSql, ikmRankingSql } from '../queries/region-charts.ts';
import { unitIndicatorsSql } from '../queries/unit-charts.ts';
import { explorerQuery } from '../routes.ts';

/** For filters.ts, which warms the engine as the reader reaches for a form. */
export { warmUp } from './engine.ts';

/** A reader's choice: the form's fixed context (data-* attributes) overridden by its fields. */
type Choice = Record<string, string | undefined>;

/** A filterable chart: its SQL for a choice, and how its rows are drawn (null: nothing to show). */
interface Kind {
  sql: (choice: Choice) => string;
  draw: (lang: Lang, choice: Choice, rows: PublishedRow[], document: Document) => ChartData | null;
}

const KINDS: Record<string, Kind> = {
  ikm: {
    sql: (c) => ikmRankingSql({ kode: c.kode ?? '', periode: c.periode ?? '', jenis: c.jenis ?? '' }),
    draw: (lang, c, rows, doc) => ikmRankingChart(lang, { kode: c.kode ?? '', periode: c.periode ?? '', rows }, doc),
  },
  capaian: {
    sql: (c) => capaianSql({ kode: c.kode ?? '', tahun: c.tahun ?? '', program: c.program ?? '' }),
    draw: (lang, c, rows, doc) => capaianChart(lang, { kode: c.kode ?? '', tahun: c.tahun ?? '', rows }, doc),
  },
  iku: {
    sql: (c) => unitIndicatorsSql({ kode: c.kode ?? '', unit: c.unit ?? '', tahun: c.tahun ?? '' }),
    draw: (lang, _c, rows, doc) => unitIndicatorsChart(lang, rows, doc),
  },
};

/** Choice fields that name the CSV download (context like the region code does not). */
const NAMING_FIELDS = ['periode', 'jenis', 'tahun', 'program'];

const lang = pageLang();
const words = clientWords(lang);
const running = new WeakMap<HTMLFormElement, Answer>();
const csvUrls = new WeakMap<HTMLElement, string>();

function choiceOf(form: HTMLFormElement): Choice {
  const choice: Choice = { ...form.dataset };
  for (const [k, v] of new FormData(form)) choice[k] = String(v);
  return choice;
}

function show(figure: HTMLElement, form: HTMLFormElement, chart: ChartData, sql: string, choice: Choice) {
  const w = t(lang);
  const takeaway = figure.querySelector('.takeaway');
  if (takeaway) takeaway.innerHTML = richHtml(chart.takeaway, lang);
  // The drawing, colour key and table sit between the form and the links: replaced as one.
  const meta = figure.querySelector<HTMLElement>(':scope > .chart-meta');
  const wasOpen = figure.querySelector(':scope > details')?.hasAttribute('open') ?? false;
  while (form.nextElementSibling && form.nextElementSibling !== meta) form.nextElementSibling.remove();
  form.insertAdjacentHTML('afterend', chartBodyHtml(chart, lang));
  if (wasOpen) figure.querySelector(':scope > details')?.setAttribute('open', '');
  const period = figure.querySelector('.chart-period');
  if (period) period.textContent = `${w.chart.period}: ${chart.period}`;
  const sqlLink = figure.querySelector<HTMLAnchorElement>('a.chart-sql');
  if (sqlLink) sqlLink.href = explorerQuery(lang, sql);
  shareChoice(figure, form);
  const csv = figure.querySelector<HTMLAnchorElement>('a[download]');
  if (csv) {
    const old = csvUrls.get(figure);
    if (old) URL.revokeObjectURL(old);
    const url = URL.createObjectURL(
      new Blob([chartCsv(chart, (figure.dataset.csvScope ?? '').split(' ')[0] || undefined)], { type: 'text/csv;charset=utf-8' }),
    );
    csvUrls.set(figure, url);
    csv.href = url;
    const parts = NAMING_FIELDS.map((k) => (choice[k] ?? '').replace(/^p:/, '')).filter(Boolean);
    csv.download = chartFileName(chart, (figure.dataset.csvScope ?? '').split(' ').filter(Boolean), parts);
  }
}

/**
 * The choice into the chart's permalink and the page's address (?ikm.periode=2024-S1#ikm), so
 * that a link to the chart shows it as chosen (filters.ts reads it back); the build's choice
 * needs none. Other charts' choices in the address stay. (filters.ts reads the same key.)
 */
function shareChoice(figure: HTMLElement, form: HTMLFormElement): void {
  const params = new URLSearchParams(location.search);
  for (const key of [...params.keys()]) if (key.startsWith(`${figure.id}.`)) params.delete(key);
  for (const select of form.querySelectorAll('select'))
    if (select.value !== builtValue(select)) params.set(`${figure.id}.${select.name}`, select.value);
  const query = params.toString() ? `?${params}` : '';
  const permalink = figure.querySelector<HTMLAnchorElement>('a.permalink');
  if (permalink) permalink.href = `${location.pathname}${query}#${figure.id}`;
  history.replaceState(history.state, '', `${location.pathname}${query}${location.hash}`);
}

/** A field's value as the page was built: its default, not what the reader picked since. */
const builtValue = (select: HTMLSelectElement) =>
  [...select.options].find((o) => o.defaultSelected)?.value ?? select.options[0]?.value ?? '';

const isBuiltChoice = (form: HTMLFormElement) => [...form.querySelectorAll('select')].every((s) => s.value === builtValue(s));

/**
 * Each figure as the build drew it, taken before its first redraw: a reader who picks the
 * build's choice again while the engine is still downloading (minutes on a slow link) gets it
 * back at once. Once the engine is ready the build's choice is redrawn like any other, which is
 * also how the tests hold the browser's drawing to the build's.
 */
const asBuilt = new WeakMap<HTMLFormElement, () => void>();

function keepAsBuilt(figure: HTMLElement, form: HTMLFormElement): void {
  if (asBuilt.has(form)) return;
  // Everything but the form (which keeps its place, its listeners and the reader's focus).
  const children = [...figure.children];
  const at = children.indexOf(form);
  const copy = (nodes: Element[]) => nodes.map((n) => n.cloneNode(true) as Element);
  const before = copy(children.slice(0, at));
  const after = copy(children.slice(at + 1));
  asBuilt.set(form, () => {
    for (const n of [...figure.children]) if (n !== form) n.remove();
    form.before(...copy(before));
    form.after(...copy(after));
  });
}

/**
 * The form's Cancel button, for while the engine is still downloading (minutes on a slow link;
 * once it is ready an answer takes milliseconds and the button would only flash): it puts the
 * build's choice back, which brings the build's chart back at once. The download goes on in the
 * background, and the next choice finds the engine sooner.
 */
const cancelButtons = new WeakMap<HTMLFormElement, HTMLButtonElement | null>();

function cancelButton(form: HTMLFormElement): HTMLButtonElement | null {
  if (cancelButtons.has(form)) return cancelButtons.get(form)!;
  const button = form.querySelector<HTMLButtonElement>('button[data-cancel]');
  button?.addEventListener('click', async () => {
    for (const select of form.querySelectorAll('select')) select.value = builtValue(select);
    // The button hides: the reader's focus goes back to the choices.
    form.querySelector('select')?.focus();
    await redraw(form);
    const status = form.querySelector<HTMLElement>('[role=status]');
    if (status) status.textContent = t(lang).chart.filterCancelled;
  });
  cancelButtons.set(form, button);
  return button;
}

export async function redraw(form: HTMLFormElement): Promise<void> {
  const figure = form.closest<HTMLElement>('figure');
  const kind = KINDS[form.dataset.kind ?? ''];
  const status = form.querySelector<HTMLElement>('[role=status]');
  if (!figure || !kind || !status) return;
  running.get(form)?.cancel();
  running.delete(form);
  const cancel = cancelButton(form);
  if (cancel) cancel.hidden = true;
  if (isBuiltChoice(form) && !engineReady()) {
    if (figure.dataset.source === 'live') asBuilt.get(form)?.();
    shareChoice(figure, form);
    delete figure.dataset.source;
    figure.dataset.state = 'done';
    figure.removeAttribute('aria-busy');
    status.textContent = '';
    return;
  }
  if (figure.dataset.source !== 'live') keepAsBuilt(figure, form);
  const choice = choiceOf(form);
  const sql = kind.sql(choice);
  figure.setAttribute('aria-busy', 'true');
  figure.dataset.state = 'running';
  // Progress only while this is the form's question: a cancelled one's download reports on.
  let answer: Answer | undefined = undefined;
  answer = ask(sql, (p) => {
    if (answer && running.get(form) === answer) status.textContent = progressText(p, lang);
  });
  running.set(form, answer);
  if (cancel) cancel.hidden = engineReady();
  try {
    const result = await answer.result;
    if (running.get(form) !== answer) return;
    const chart = kind.draw(lang, choice, rowsFromQuery(result), document);
    if (chart) show(figure, form, chart, sql, choice);
    status.textContent = chart ? '' : t(lang).noRows;
    figure.dataset.source = 'live';
    figure.dataset.state = 'done';
  } catch (e) {
    if (running.get(form) !== answer || isCancelled(e)) return;
    status.textContent = queryErrorText(e, words, ' ');
    figure.dataset.state = 'error';
  } finally {
    if (running.get(form) === answer) {
      figure.removeAttribute('aria-busy');
      if (cancel) cancel.hidden = true;
    }
  }
}
