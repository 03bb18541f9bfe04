/**
 * The explorer's behaviour: run the textarea's SQL in DuckDB-WASM on submit, keep it in the
 * URL (?q=) so a link reproduces it, show DuckDB's own message on error, and let the reader
 * cancel. The engine is fetched and compiled once the page is readable and idle (not when the
 * reader saves data or is on a slow link: then at the first query).
 */
import { ask, isCancelled, isPlainRead, warmUpWhenIdle, type Answer } from './engine.ts';
import { resultToCsv } from './csv.ts';
import { queryErrorText } from './query-message.ts';
import { resultCells, type ColumnFormat } from '../i18n/result-cells.ts';
import { resultTableHtml } from '../charts/result-table.ts';
import { clientWords, pageLang, progressText } from '../i18n/client-words.ts';

/** Enough rows to read on a page; the CSV download has all of them. */
const MAX_SHOWN = 1000;

const lang = pageLang();
const words = clientWords(lang);
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const form = $<HTMLFormElement>('explorer');
const sql = $<HTMLTextAreaElement>('sql');
const runButton = $<HTMLButtonElement>('run');
const cancelButton = $<HTMLButtonElement>('cancel');
const status = $<HTMLParagraphElement>('status');
const errorBox = $<HTMLDivElement>('query-error');
const errorText = $<HTMLPreElement>('query-error-text');
const output = $<HTMLDivElement>('result');
const download = $<HTMLAnchorElement>('download');
const copyButton = $<HTMLButtonElement>('copy-link');
const copyNote = $<HTMLSpanElement>('copy-note');
/** How each published column is printed, from the page's JSON island (the build knows the schemas). */
const formats = JSON.parse(document.getElementById('kt-column-formats')?.textContent || '{}') as Record<string, ColumnFormat>;

let current: Answer | undefined;
let downloadUrl: string | undefined;
/** Counts the queries asked for, so that a link still being judged stands down once the reader asks another. */
let asked = 0;

/** `held`: a link's query shown but not run, as it is not a plain read (fromUrl). */
type State = 'idle' | 'running' | 'done' | 'error' | 'cancelled' | 'held';
const setState = (s: State) => {
  output.dataset.state = s;
  // A button disabled under the keyboard's focus would drop it to the page: hand it to the other one.
  const focused = document.activeElement;
  runButton.disabled = s === 'running';
  cancelButton.disabled = s !== 'running';
  if (focused === runButton && runButton.disabled) cancelButton.focus();
  else if (focused === cancelButton && cancelButton.disabled) runButton.focus();
};

function showError(message: string) {
  errorText.textContent = message;
  errorBox.hidden = false;
}

function urlFor(query: string): string {
  const url = new URL(location.href);
  url.searchParams.set('q', query);
  return url.pathname + url.search;
}

async function run(query: string) {
  asked++;
  current?.cancel();
  errorBox.hidden = true;
  download.hidden = true;
  setState('running');
  const t0 = performance.now();
  const answer = ask(query, (p) => {
    status.textContent = progressText(p, lang);
  });
  current = answer;
  try {
    const result = await answer.result;
    if (current !== answer) return;
    const ms = Math.round(performance.now() - t0);
    output.innerHTML = result.rows.length
      ? resultTableHtml(result, {
          caption: words.resultCaption(result.rows.length),
          maxRows: MAX_SHOWN,
          cell: resultCells(result, formats, lang),
        })
      : `<p>${words.noRows}</p>`;
    status.textContent =
      result.rows.length > MAX_SHOWN ? words.truncated(MAX_SHOWN, result.rows.length) : words.done(result.rows.length, ms);
    if (downloadUrl) URL.revokeObjectURL(downloadUrl);
    downloadUrl = URL.createObjectURL(new Blob([resultToCsv(result)], { type: 'text/csv;charset=utf-8' }));
    download.href = downloadUrl;
    download.hidden = false;
    setState('done');
  } catch (e) {
    if (current !== answer) return;
    if (isCancelled(e)) {
      status.textContent = words.cancelled;
      setState('cancelled');
    } else {
      status.textContent = '';
      // The last answer is not this query's: it goes.
      output.innerHTML = '';
      showError(queryErrorText(e, words));
      setState('error');
    }
  }
}

function submitQuery(query: string, push: boolean) {
  const href = urlFor(query);
  if (push) history.pushState(null, '', href);
  else history.replaceState(null, '', href);
  void run(query);
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  submitQuery(sql.value, true);
});
sql.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    form.requestSubmit();
  }
});
cancelButton.addEventListener('click', () => current?.cancel());

// The language link (Base.astro carries the URL's query over) carries the box's SQL, typed but
// not run yet too: the reader switches language to read the same query, not the last one run.
const langSwitch = document.querySelector<HTMLAnchorElement>('a.lang-switch');
for (const type of ['click', 'auxclick', 'contextmenu'] as const) {
  langSwitch?.addEventListener(type, () => {
    const url = new URL(langSwitch.href);
    url.search = new URL(urlFor(sql.value), location.href).search;
    langSwitch.href = url.href;
  });
}

// The link to the query in the box, whether run yet or not; a button, so Enter and Space work too.
copyButton.hidden = false;
copyButton.addEventListener('click', () => {
  const link = new URL(urlFor(sql.value), location.href).href;
  copyNote.textContent = '';
  (navigator.clipboard ? navigator.clipboard.writeText(link) : Promise.reject(new Error('no clipboard'))).then(
    () => (copyNote.textContent = words.linkCopied),
    () => (copyNote.textContent = words.linkNotCopied),
  );
});

for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-example]')) {
  link.addEventListener('click', (e) => {
    e.preventDefault();
    sql.value = link.dataset.example ?? '';
    sql.focus();
    submitQuery(sql.value, true);
  });
}

/**
 * A link is its reader's request, but a stranger may have written it: its query runs as the page
 * opens only when it is a plain read of the published tables; anything else waits in the box,
 * said so, for the reader to read it and press Run.
 */
async function fromUrl() {
  const q = new URLSearchParams(location.search).get('q');
  if (q === null) return;
  sql.value = q;
  const mine = ++asked;
  current?.cancel();
  errorBox.hidden = true;
  download.hidden = true;
  output.innerHTML = '';
  setState('idle');
  let plain: boolean;
  try {
    plain = await isPlainRead(q, (p) => {
      if (mine === asked) status.textContent = progressText(p, lang);
    });
  } catch (e) {
    if (mine !== asked) return;
    status.textContent = '';
    showError(queryErrorText(e, words));
    setState('error');
    return;
  }
  if (mine !== asked) return;
  if (plain) return void run(q);
  status.textContent = words.linkHeld;
  setState('held');
}

window.addEventListener('popstate', () => void fromUrl());
setState('idle');
void fromUrl();
// A reader who opens the explorer has asked for the engine: have it ready by their first query.
warmUpWhenIdle();
