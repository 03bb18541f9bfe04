/**
 * The Kutip blocks come alive (loaded by cite.ts when a reader opens one): each format gets a
 * copy button, and the access date (the day the page was built, src/site/cite.ts) becomes the
 * reader's today, where each format keeps it; a citation written without one (a region's pages) gets it.
 */
const pad = (n: number) => String(n).padStart(2, '0');
const now = new Date();
const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

/**
 * Where each format keeps its access date (src/release/citation.ts writes them), and where it goes
 * in a citation written without one (a region's pages): the plain text gets it at its end, in the
 * words its paragraph gives (`data-accessed`).
 */
const ACCESSED: Record<string, [RegExp, string, RegExp, (el: HTMLElement, text: string) => string]> = {
  text: [/(Diakses|Accessed) \d{4}-\d{2}-\d{2}\.$/, `$1 ${today}.`, /$/, (el) => ` ${el.dataset.accessed} ${today}.`],
  bibtex: [/urldate = \{[^}]*\}/, `urldate = {${today}}`, /^( {2}url = \{[^}]*\},)$/m, () => `$1\n  urldate = {${today}},`],
  // A browser reads the page's CRLF as LF: the new line ends as the others do.
  ris: [
    /^Y2 {2}- [^\r\n]*/m,
    `Y2  - ${today}`,
    /^(UR {2}- [^\r\n]*)$/m,
    (_, text) => `$1${text.includes('\r') ? '\r\n' : '\n'}Y2  - ${today}`,
  ],
};

for (const box of document.querySelectorAll<HTMLDetailsElement>('details.cite')) {
  for (const el of box.querySelectorAll<HTMLElement>('[data-format]')) {
    const text = el.textContent ?? '';
    const at = ACCESSED[el.dataset.format ?? ''];
    if (at) {
      const [kept, put, none, added] = at;
      if (kept.test(text)) el.textContent = text.replace(kept, put);
      else if (el.dataset.format !== 'text' || el.dataset.accessed) el.textContent = text.replace(none, added(el, text));
      continue;
    }
    // CSL-JSON keeps its access date as numbers.
    const items = JSON.parse(text) as { accessed?: unknown }[];
    for (const item of items) item.accessed = { 'date-parts': [today.split('-').map(Number)] };
    el.textContent = JSON.stringify(items, null, 2) + '\n';
  }
  for (const button of box.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    if (!navigator.clipboard) continue;
    button.hidden = false;
    const label = button.textContent;
    button.addEventListener('click', () => {
      const text = box.querySelector<HTMLElement>(`[data-format="${button.dataset.copy}"]`)?.textContent ?? '';
      navigator.clipboard.writeText(text).then(
        () => (button.textContent = '✓'),
        () => (button.textContent = '✗'),
      );
      setTimeout(() => (button.textContent = label), 1500);
    });
  }
}

// A module of its own, loaded by cite.ts.
export {};
