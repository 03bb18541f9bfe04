/**
 * The comparison page's behaviour. The build's default comparison is already on the page; a
 * reader's choices (the form, or a URL that carries them) run compareSql in DuckDB-WASM and
 * replace it with the same markup. Plot is imported only when there is a chart to draw.
 */
import { compareSql, hasChoices, parseChoices, choicesToSearch, measureByKey, type CompareChoices } from '../queries/compare.ts';
import { comparisonHtml, drawable } from '../charts/comparison-view.ts';
import { ask, isCancelled, warmUp, type Answer } from './engine.ts';
import { onIntent } from './intent.ts';
import { queryErrorText } from './query-message.ts';
import { clientWords, pageLang, progressText } from '../i18n/client-words.ts';
import { nameKeptUnits, showKeptUnits, unitNames } from './kept-units.ts';

const lang = pageLang();
const words = clientWords(lang);
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const form = $<HTMLFormElement>('compare');
const status = $<HTMLParagraphElement>('compare-status');
const errorBox = $<HTMLDivElement>('compare-error');
const errorText = $<HTMLPreElement>('compare-error-text');
const section = $<HTMLElement>('comparison');
const fallback = JSON.parse($('kt-compare-default').textContent ?? '{}') as CompareChoices;
// On a national site the form lists no units: a link's units are kept here (kept-units.ts).
const keptUnits = document.getElementById('compare-units-kept');
const allUnitsNote = document.getElementById('compare-units-all');
const namesOfUnits = new Map<string, string>();

let current: Answer | undefined;

function choicesFromForm(): CompareChoices {
  const data = new FormData(form);
  const values = (name: string) => data.getAll(name).map(String);
  return {
    measure: measureByKey(String(data.get('ukuran')))?.key ?? fallback.measure,
    regions: values('wilayah'),
    units: values('unit'),
    periods: values('periode'),
  };
}

function showChoices(c: CompareChoices) {
  if (keptUnits) showKeptUnits(keptUnits, allUnitsNote, c.units, namesOfUnits);
  for (const el of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('select, input[type=checkbox]')) {
    if (el instanceof HTMLSelectElement) el.value = c.measure;
    else if (el.name === 'wilayah') el.checked = c.regions.includes(el.value);
    else if (el.name === 'unit') el.checked = c.units.includes(el.value);
    else if (el.name === 'periode') el.checked = c.periods.includes(el.value);
  }
}

async function drawChart(result: Awaited<Answer['result']>, c: CompareChoices): Promise<string> {
  const measure = measureByKey(c.measure);
  if (!measure || !drawable(result, c)) return '';
  const { compareChart, comparePoints } = await import('../charts/compare.ts');
  return compareChart(comparePoints(result), measure, lang, document, section.clientWidth || undefined).outerHTML;
}

async function compare(c: CompareChoices) {
  current?.cancel();
  errorBox.hidden = true;
  // The button stays enabled (and keeps the keyboard's focus): pressing it again starts over.
  section.setAttribute('aria-busy', 'true');
  section.dataset.state = 'running';
  const answer = ask(compareSql(c), (p) => {
    status.textContent = progressText(p, lang);
  });
  current = answer;
  try {
    const result = await answer.result;
    const chart = await drawChart(result, c);
    if (current !== answer) return;
    if (keptUnits) nameKeptUnits(keptUnits, unitNames(result, namesOfUnits));
    section.innerHTML = comparisonHtml(result, c, lang, chart);
    section.dataset.source = 'live';
    section.dataset.query = choicesToSearch(c);
    section.dataset.state = 'done';
    status.textContent = '';
  } catch (e) {
    if (current !== answer) return;
    if (isCancelled(e)) return;
    status.textContent = '';
    errorText.textContent = queryErrorText(e, words);
    errorBox.hidden = false;
    section.dataset.state = 'error';
  } finally {
    if (current === answer) section.removeAttribute('aria-busy');
  }
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const c = choicesFromForm();
  // The kept units as submitted: an unticked one goes, and with none the note of all units is true again.
  if (keptUnits) showKeptUnits(keptUnits, allUnitsNote, c.units, namesOfUnits);
  history.pushState(null, '', choicesToSearch(c));
  void compare(c);
});

/** The build's default comparison, put back when the reader goes back to the bare page. */
const staticDefault = section.innerHTML;

function fromUrl() {
  const search = new URLSearchParams(location.search);
  const c = parseChoices(search, fallback);
  showChoices(c);
  // A URL with choices is the reader's request; the bare page keeps the build's default (no engine).
  if (hasChoices(search)) void compare(c);
  else if (section.dataset.source === 'live') {
    current?.cancel();
    current = undefined;
    section.innerHTML = staticDefault;
    delete section.dataset.source;
    delete section.dataset.query;
    delete section.dataset.state;
    section.removeAttribute('aria-busy');
    errorBox.hidden = true;
    status.textContent = '';
  }
}

window.addEventListener('popstate', fromUrl);
fromUrl();
// Reaching for the form is asking: the engine loads while the reader picks.
onIntent(form, warmUp);
