/**
 * Kutip blocks load their script (BibTeX, RIS and CSL-JSON, copy buttons, the reader's access date: cite-live.ts) only
 * when a reader opens one: every page with a chart carries this, and its start-up stays tiny.
 */
let loaded = false;
document.addEventListener(
  'toggle',
  (e) => {
    if (loaded || !(e.target instanceof HTMLDetailsElement) || !e.target.matches('details.cite')) return;
    loaded = true;
    void import('./cite-live.ts');
  },
  true,
);
