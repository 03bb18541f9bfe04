/**
 * Start-up script of pages with filterable charts, kept to a few hundred bytes: it shows the
 * filter forms (hidden without JavaScript) and loads the code that redraws (filter-live.ts) when
 * the reader reaches for a form (a press or a key in it, intent.ts), changes it, or opens a link
 * that carries a chart's choice; DuckDB-WASM then loads while they pick.
 */
import { onIntent } from './intent.ts';

type Live = typeof import('./filter-live.ts');

let live: Promise<Live> | undefined;

/**
 * Observable Plot decides once, as its module loads, whether to shift lines half a pixel for
 * crisp edges on low-density screens (devicePixelRatio ≤ 1). The build has no screen and never
 * shifts; so that a redraw is the build's SVG to the byte, Plot loads here as on a high-density
 * screen, and the page's real value comes back as soon as the module has run.
 */
async function loadAsBuilt(): Promise<Live> {
  const own = Object.getOwnPropertyDescriptor(window, 'devicePixelRatio');
  Object.defineProperty(window, 'devicePixelRatio', { value: 2, configurable: true });
  try {
    return await import('./filter-live.ts');
  } finally {
    if (own) Object.defineProperty(window, 'devicePixelRatio', own);
    else Reflect.deleteProperty(window, 'devicePixelRatio');
  }
}

const loadLive = (): Promise<Live> => (live ??= loadAsBuilt());

// A link to a filtered chart carries its choice (?ikm.periode=2024-S1): filter-live.ts's shareChoice
// writes that key; it is spelled here too rather than shared, to keep this script one small file.
const asked = new URLSearchParams(location.search);

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-kt-filter]')) {
  form.hidden = false;
  const chart = form.closest('figure')?.id;
  let chosen = false;
  for (const select of form.querySelectorAll('select')) {
    const value = asked.get(`${chart}.${select.name}`);
    if (value !== null && [...select.options].some((o) => o.value === value) && select.value !== value) {
      select.value = value;
      chosen = true;
    }
  }
  // The link is the reader's request, as a change would be.
  if (chosen) queueMicrotask(() => form.dispatchEvent(new Event('change')));
  onIntent(
    form,
    () =>
      void loadLive().then(
        (m) => m.warmUp(),
        () => (live = undefined),
      ),
  );
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('change', () => {
    loadLive().then(
      (m) => m.redraw(form),
      (e: unknown) => {
        live = undefined;
        const status = form.querySelector('[role=status]');
        if (status) status.textContent = String(e);
      },
    );
  });
}
