/**
 * The Kutip blocks come alive (loaded by cite.ts when a reader opens one): each format gets a
 * copy button, and the access date (the day the page was built, src/site/cite.ts) becomes the
 * reader's today, where each format keeps it.
 */
const pad = (n: number) => String(n).padStart(2, '0');
const now = new Date();
const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

/** Where each format keeps its access date (src/release/citation.ts writes them). */
const ACCESSED: Record<string, [RegExp, string]> = {
  text: [/(Diakses|Accessed) \d{4}-\d{2}-\d{2}\.$/, `$1 ${today}.`],
  bibtex: [/urldate = \{[^}]*\}/, `urldate = {${today}}`],
  ris: [/^Y2 {2}- [^\r\n]*/m, `Y2  - ${today}`],
};

for (const box of document.querySelectorAll<HTMLDetailsElement>('details.cite')) {
  for (const el of box.querySelectorAll<HTMLElement>('[data-format]')) {
    const text = el.textContent ?? '';
    const at = ACCESSED[el.dataset.format ?? ''];
    if (at) {
      el.textContent = text.replace(at[0], at[1]);
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
