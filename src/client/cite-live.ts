/**
 * The Kutip blocks come alive (loaded by cite.ts when a reader opens one): each gets BibTeX, RIS
 * and CSL-JSON made from its record (data-record, src/components/Cite.astro) with the reader's
 * today as the access date, and a copy button per format. The plain text, written at build
 * time, gets the same day: in place of the build's day, or at its end on a region's pages,
 * which carry none (a day of some build would be neither the reader's nor stay true).
 */
import { citeWords } from '../i18n/cite-words.ts';
import { CITATION_FORMATS, citationIn, FORMAT_LABEL, type CitationRecord } from '../i18n/citation.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const now = new Date();
const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
const words = citeWords(document.documentElement.lang === 'en' ? 'en' : 'id');

/** The plain text's access date: replaced where the build wrote one, else added in its paragraph's words (data-accessed). */
function withToday(el: HTMLElement): string {
  const text = el.textContent ?? '';
  const kept = /(Diakses|Accessed) \d{4}-\d{2}-\d{2}\.$/;
  if (kept.test(text)) return text.replace(kept, `$1 ${today}.`);
  return el.dataset.accessed ? `${text} ${el.dataset.accessed} ${today}.` : text;
}

function copyButton(format: string, label: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'cite-copy';
  button.dataset.copy = format;
  button.hidden = true;
  button.textContent = label;
  return button;
}

/** BibTeX, RIS and CSL-JSON of the block's record, each with its copy button, dated the reader's today. */
function addFormats(box: HTMLElement): void {
  if (!box.dataset.record) return;
  const cited = { ...(JSON.parse(box.dataset.record) as CitationRecord), accessed: today };
  for (const format of CITATION_FORMATS) {
    const block = document.createElement('div');
    block.className = 'cite-format';
    const head = document.createElement('p');
    const name = document.createElement('strong');
    name.textContent = FORMAT_LABEL[format];
    head.append(name, ' ', copyButton(format, words.copyFormat(FORMAT_LABEL[format])));
    const pre = document.createElement('pre');
    pre.dataset.format = format;
    pre.textContent = citationIn(format, cited);
    block.append(head, pre);
    box.append(block);
  }
}

for (const box of document.querySelectorAll<HTMLDetailsElement>('details.cite')) {
  const text = box.querySelector<HTMLElement>('[data-format="text"]');
  if (text) text.textContent = withToday(text);
  try {
    addFormats(box);
  } catch {
    // A record that does not read (a page cut short): this block keeps its text, the others still get theirs.
  }
  for (const button of box.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    if (!navigator.clipboard) continue;
    button.hidden = false;
    const label = button.textContent;
    button.addEventListener('click', () => {
      const copied = box.querySelector<HTMLElement>(`[data-format="${button.dataset.copy}"]`)?.textContent ?? '';
      navigator.clipboard.writeText(copied).then(
        () => (button.textContent = '✓'),
        () => (button.textContent = '✗'),
      );
      setTimeout(() => (button.textContent = label), 1500);
    });
  }
}

// A module of its own, loaded by cite.ts.
export {};
