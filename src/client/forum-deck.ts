/**
 * Presenting the forum view: arrow keys, PageUp/PageDown, Home/End and the buttons move one
 * slide; the address keeps the slide (#slide-3) so a presenter can reopen where they were.
 * Without this script the slides are still there, one per screen and one per printed page.
 */
import { forumWords } from '../i18n/forum-words.ts';

const slides = [...document.querySelectorAll<HTMLElement>('.deck > .slide')];
const nav = document.getElementById('deck-nav');
const position = document.getElementById('deck-position');
const deck = document.getElementById('deck');
const fullscreenButton = nav?.querySelector<HTMLButtonElement>('button[data-go=fullscreen]');
const words = forumWords(document.documentElement.lang === 'en' ? 'en' : 'id');

/**
 * Where show() left the shown slide's top: while it is still there, `seen` is where the
 * presenter is. The slide's own position, not the window's scroll: in full screen the deck
 * itself scrolls, and the window does not.
 */
let shownTop = Number.NaN;
/**
 * The slide the reader last had on screen: kept by show() and by scrolling, shown in the counter,
 * and shown again when full screen starts or ends. It cannot be read then: entering, the deck
 * scrolls from its top; leaving, the window is back where it was before entering.
 */
let seen = Math.max(
  0,
  slides.findIndex((s) => `#${s.id}` === location.hash),
);
/** Full screen as last reported by fullscreenchange; until it reports a change, layouts are in between. */
let wasFull = false;
const settled = () => (document.fullscreenElement !== null) === wasFull;

function tell(index: number) {
  if (index === seen && position?.textContent) return;
  seen = index;
  const title = slides[index].querySelector('h1, h2')?.textContent ?? '';
  if (position) position.textContent = words.position(index + 1, slides.length, title);
}

function show(index: number, focus = true) {
  const at = Math.min(slides.length - 1, Math.max(0, index));
  const slide = slides[at];
  slide.scrollIntoView({ block: 'start' });
  shownTop = slide.getBoundingClientRect().top;
  if (focus) slide.focus({ preventScroll: true });
  history.replaceState(null, '', `#${slide.id}`);
  tell(at);
}

const KEYS: Record<string, (i: number) => number> = {
  ArrowRight: (i) => i + 1,
  ArrowDown: (i) => i + 1,
  PageDown: (i) => i + 1,
  ' ': (i) => i + 1,
  ArrowLeft: (i) => i - 1,
  ArrowUp: (i) => i - 1,
  PageUp: (i) => i - 1,
  Home: () => 0,
  End: () => slides.length - 1,
};

document.addEventListener('keydown', (e) => {
  const move = KEYS[e.key];
  const target = e.target as HTMLElement | null;
  // Keys typed into a control, with a modifier (browser shortcuts), or a space that presses a
  // button or link are not slide moves. Arrows on a focused button (the nav's) still move.
  if (!move || e.altKey || e.ctrlKey || e.metaKey || target?.closest('input, textarea, select, [contenteditable]')) return;
  if (e.key === ' ' && target?.closest('button, a')) return;
  e.preventDefault();
  show(move(from()));
});

// Where the presenter is: the slide last shown, unless the reader has scrolled or followed an
// agenda link since; then whatever slide fills most of the screen. Read when a key or button is
// pressed. (An IntersectionObserver kept this before, but its first, asynchronous report could
// arrive after a key press and move the presenter back a slide.)
function onScreen(): number {
  if (Math.abs(slides[seen].getBoundingClientRect().top - shownTop) < 2) return seen;
  let best = seen;
  let most = 0;
  slides.forEach((s, i) => {
    const r = s.getBoundingClientRect();
    const shown = Math.min(r.bottom, innerHeight) - Math.max(r.top, 0);
    if (shown > most) [best, most] = [i, shown];
  });
  return best;
}

/** Where a key or button moves from; while full screen is changing, the slides are mid-move. */
const from = () => (settled() ? onScreen() : seen);

nav?.addEventListener('click', (e) => {
  const go = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-go]')?.dataset.go;
  if (go === 'next') show(from() + 1, false);
  else if (go === 'prev') show(from() - 1, false);
  else if (go === 'fullscreen') {
    tell(from());
    if (document.fullscreenElement) void document.exitFullscreen();
    // Refused (an iframe without permission): the page stays as it is.
    else void deck?.requestFullscreen().catch(() => undefined);
  }
});

// The counter follows scrolling and agenda links; the keys do not use it (see onScreen()).
document.addEventListener(
  'scroll',
  () => {
    if (settled()) tell(onScreen());
  },
  { capture: true, passive: true },
);

// However full screen starts or ends (button, Escape, the browser), the same slide stays shown.
document.addEventListener('fullscreenchange', () => {
  wasFull = document.fullscreenElement !== null;
  if (fullscreenButton) fullscreenButton.textContent = wasFull ? words.exitFullscreen : words.fullscreen;
  // Entering, the keys go to the slide: a space on the focused button would leave full screen.
  show(seen, wasFull);
});

if (nav) {
  nav.hidden = false;
  document.documentElement.dataset.deckNav = '';
}
// iPhone Safari has no full screen for anything but video.
if (fullscreenButton) fullscreenButton.hidden = !document.fullscreenEnabled;
if (seen > 0) show(seen);
else tell(seen);
