/**
 * The Kutip blocks come alive: the access date becomes the reader's today, in every format
 * (made again from the same record by src/release/citation.ts), and each format gets a copy
 * button. Without scripts the text, with the page's build date, is there to select.
 */
import { citationIn, citationText, type CitationFormat, type CitationRecord } from '../release/citation.ts';
import type { Lang } from '../lib/i18n.ts';

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

for (const box of document.querySelectorAll<HTMLDetailsElement>('details.cite[data-record]')) {
  const record: CitationRecord = { ...JSON.parse(box.dataset.record!), accessed: today() };
  const lang = (box.dataset.lang === 'en' ? 'en' : 'id') as Lang;
  for (const el of box.querySelectorAll<HTMLElement>('[data-format]')) {
    const f = el.dataset.format!;
    el.textContent = f === 'text' ? citationText(record, lang) : citationIn(f as CitationFormat, record);
  }
  for (const button of box.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    if (!navigator.clipboard) continue;
    button.hidden = false;
    const label = button.textContent;
    button.addEventListener('click', async () => {
      const text = box.querySelector<HTMLElement>(`[data-format="${button.dataset.copy}"]`)!.textContent ?? '';
      try {
        await navigator.clipboard.writeText(text);
        button.textContent = '✓';
      } catch {
        button.textContent = '✗';
      }
      setTimeout(() => (button.textContent = label), 1500);
    });
  }
}
