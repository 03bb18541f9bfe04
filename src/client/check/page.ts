/**
 * /periksa/: the officer picks or drops an export, the worker (worker.ts) checks it with the
 * validator's own rules, and the page shows the report (grouped by file and code, the first rows
 * of each code, the rest on request), a verdict, progress per file, and the two downloads.
 * Everything stays in this browser: the files are read from memory, the downloads are blob URLs.
 */
import type { Issue } from '../../contract/issues.ts';
import { groupBy } from '../../group.ts';
import { pageLang } from '../../i18n/client-words.ts';
import type { ExportReport } from '../../validate/regions.ts';
import { reportJsonText } from '../../validate/report.ts';
import type { FromWorker, ToWorker } from './messages.ts';
import type { PickedFile } from './picked-folder.ts';
import { reportCsv } from './report-csv.ts';
import { checkWords } from '../../i18n/check-words.ts';
import { formatNumber } from '../../i18n/format.ts';
// Inlined in this page's script: choosing files fetches nothing, and the page works offline once loaded.
import CheckWorker from './worker.ts?worker&inline';

/** Rows of one code shown at once; the rest behind "show all", rendered when opened. */
const FIRST_ROWS = 5;
/** At most this many more rows are put on the page for one code; the downloads hold all. */
const MAX_SHOWN = 2000;

const root = document.getElementById('periksa');
if (root) start(root);

function start(root: HTMLElement) {
  const lang = pageLang();
  const w = checkWords(lang);
  const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const input = $<HTMLInputElement>('periksa-folder');
  const drop = $('periksa-drop');
  const cancel = $<HTMLButtonElement>('periksa-cancel');
  const status = $('periksa-status');
  const progress = $('periksa-progress');
  const verdict = $('periksa-verdict');
  const report = $('periksa-report');
  const downloads = $('periksa-downloads');
  const jsonLink = $<HTMLAnchorElement>('periksa-json');
  const csvLink = $<HTMLAnchorElement>('periksa-csv');
  root.hidden = false;

  // A worker waits ready before files are chosen; each check uses one up and readies the next.
  let worker: Worker | null = null;
  let ready: Worker = new CheckWorker();
  const urls: string[] = [];

  const stop = () => {
    worker?.terminate();
    worker = null;
  };
  const reset = () => {
    stop();
    for (const u of urls.splice(0)) URL.revokeObjectURL(u);
    progress.replaceChildren();
    report.replaceChildren();
    verdict.replaceChildren();
    verdict.hidden = true;
    downloads.hidden = true;
    status.textContent = '';
  };

  const bars = new Map<string, { bar: HTMLProgressElement; text: HTMLElement; rows: number }>();
  const showProgress = (m: Extract<FromWorker, { type: 'progress' }>) => {
    const key = `${m.region}/${m.file}`;
    let b = bars.get(key);
    if (!b) {
      const li = el('li', {}, el('span', { class: 'periksa-file' }, key), ' ');
      const bar = el('progress', { max: String(Math.max(m.size, 1)), value: '0' }) as HTMLProgressElement;
      bar.setAttribute('aria-label', key);
      const text = el('span', { class: 'note' });
      li.append(bar, ' ', text);
      progress.append(li);
      bars.set(key, (b = { bar, text, rows: 0 }));
    }
    if (m.bytes !== undefined) b.bar.value = m.bytes;
    if (m.rows !== undefined) b.rows = m.rows;
    b.text.textContent = w.rowsRead(b.rows);
  };

  const run = (files: PickedFile[]) => {
    reset();
    bars.clear();
    if (files.length === 0) return;
    status.textContent = w.reading(files.length);
    root.dataset.state = 'running';
    cancel.hidden = false;
    const t0 = performance.now();
    worker = ready;
    ready = new CheckWorker();
    // A message the worker sends on failure and an error it throws end the same way.
    const fail = (message: string) => {
      stop();
      cancel.hidden = true;
      status.textContent = `${w.failed} ${message}`;
      root.dataset.state = 'failed';
    };
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === 'progress') return showProgress(m);
      if (m.type === 'failed') return fail(m.message);
      stop();
      cancel.hidden = true;
      for (const [, b] of bars) b.bar.value = b.bar.max;
      status.textContent = '';
      root.dataset.ms = String(Math.round(performance.now() - t0));
      show(m.report);
    };
    worker.onerror = (e) => fail(e.message);
    worker.postMessage({ files } satisfies ToWorker);
  };

  const show = (r: ExportReport) => {
    verdict.hidden = false;
    verdict.dataset.ok = String(r.ok);
    const warn = r.warnings.length ? ` · ${w.warnings(r.warnings.length)}` : '';
    verdict.append(el('strong', {}, r.ok ? w.valid : w.errors(r.errors.length)), warn);
    if (!r.ok) verdict.append(el('br'), el('span', {}, w.invalidNote));
    if (r.errors.length) report.append(section(w.errorsTitle, r.errors));
    if (r.warnings.length) report.append(section(w.warningsTitle, r.warnings));
    if (r.files.length) {
      report.append(
        el('h2', {}, w.filesTitle),
        el('ul', {}, ...r.files.map((f) => el('li', {}, `${f.region}/${f.file}: ${w.rowsSummary(f.rows, f.used)}`))),
      );
    }
    jsonLink.href = blobUrl([...reportJsonText(r)], 'application/json');
    jsonLink.download = w.jsonFile;
    csvLink.href = blobUrl([...reportCsv(r.errors, r.warnings, w)], 'text/csv;charset=utf-8');
    csvLink.download = w.csvFile;
    downloads.hidden = false;
    root.dataset.state = 'done';
  };

  const blobUrl = (parts: string[], type: string) => {
    const u = URL.createObjectURL(new Blob(parts, { type }));
    urls.push(u);
    return u;
  };

  /** As the CLI groups: by file (region/file), then by code, every issue in its order. */
  const section = (title: string, issues: readonly Issue[]) => {
    const s = el('section', {}, el('h2', {}, `${title}: ${formatNumber(lang, issues.length, 'count')}`));
    for (const [where, inFile] of groupBy(issues, (i) => `${i.region ? i.region + '/' : ''}${i.file}`)) {
      s.append(el('h3', {}, el('code', {}, where)));
      for (const [code, same] of groupBy(inFile, (i) => i.code)) {
        s.append(el('h4', {}, el('code', {}, code), ` × ${formatNumber(lang, same.length, 'count')}`));
        s.append(issueTable(same.slice(0, FIRST_ROWS)));
        const rest = same.slice(FIRST_ROWS);
        if (rest.length === 0) continue;
        const more = el('details', {}, el('summary', {}, w.showAll(rest.length))) as HTMLDetailsElement;
        more.addEventListener('toggle', () => {
          if (!more.open || more.dataset.filled) return;
          more.dataset.filled = '1';
          more.append(issueTable(rest.slice(0, MAX_SHOWN)));
          if (rest.length > MAX_SHOWN) more.append(el('p', { class: 'note' }, w.capped(rest.length - MAX_SHOWN)));
        });
        s.append(more);
      }
    }
    return s;
  };

  const issueTable = (issues: readonly Issue[]) =>
    el(
      'div',
      { class: 'table-scroll' },
      el(
        'table',
        { class: 'periksa-issues' },
        el('thead', {}, el('tr', {}, ...[w.row, w.column, w.value, w.message].map((h) => el('th', { scope: 'col' }, h)))),
        el(
          'tbody',
          {},
          ...issues.map((i) =>
            el(
              'tr',
              {},
              el('td', {}, i.row === null ? w.wholeFile : String(i.row)),
              el('td', {}, i.column ?? ''),
              el('td', {}, i.value ?? ''),
              el('td', {}, lang === 'en' ? i.message_en : i.message_id),
            ),
          ),
        ),
      ),
    );

  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])].map((file) => ({ path: file.webkitRelativePath || file.name, file }));
    run(files);
  });
  cancel.addEventListener('click', () => {
    reset();
    cancel.hidden = true;
    status.textContent = w.cancelled;
    root.dataset.state = 'cancelled';
  });
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('is-over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('is-over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('is-over');
    const entries = [...(e.dataTransfer?.items ?? [])]
      .map((item) => item.webkitGetAsEntry())
      .filter((x): x is FileSystemEntry => x !== null);
    void Promise.all(entries.map((entry) => filesOf(entry, ''))).then((lists) => run(lists.flat()));
  });
}

/** A dropped file or folder's files, with their paths from what was dropped. */
async function filesOf(entry: FileSystemEntry, parent: string): Promise<PickedFile[]> {
  const path = parent + entry.name;
  if (entry.isFile) {
    const file = await new Promise<File>((ok, fail) => (entry as FileSystemFileEntry).file(ok, fail));
    return [{ path, file }];
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // readEntries gives at most 100 at a time, until an empty batch.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((ok, fail) => reader.readEntries(ok, fail));
    if (batch.length === 0) break;
    for (const child of batch) children.push(child);
  }
  return (await Promise.all(children.map((c) => filesOf(c, path + '/')))).flat();
}

function el(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}
