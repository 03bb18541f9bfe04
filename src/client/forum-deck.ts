/**
 * Presenting the forum view: arrow keys, PageUp/PageDown, Home/End and the buttons move one
 * slide; the address keeps the slide (#slide-3) so a presenter can reopen where they were.
 * Without this script the slides are still there, one per screen and one per printed page.
 */
import { forumWords } from './forum-words.ts';

const slides = [...document.querySelectorAll<HTMLElement>('.deck > .slide')];
const nav = document.getElementById('deck-nav');
const position = document.getElementById('deck-position');
const deck = document.getElementById('deck');
const words = forumWords(document.documentElement.lang === 'en' ? 'en' : 'id');

let current = Math.max(0, slides.findIndex((s) => `#${s.id}` === location.hash));
/**
 * Where show() left the shown slide's top: while it is still there, `current` is where the
 * presenter is. The slide's own position, not the window's scroll: in full screen the deck
 * itself scrolls, and the window does not.
 */
let shownTop = Number.NaN;

function show(index: number, focus = true) {
  current = Math.min(slides.length - 1, Math.max(0, index));
  const slide = slides[current];
  slide.scrollIntoView({ block: 'start' });
  shownTop = slide.getBoundingClientRect().top;
  if (focus) slide.focus({ preventScroll: true });
  history.replaceState(null, '', `#${slide.id}`);
  const title = slide.querySelector('h1, h2')?.textContent ?? '';
  if (position) position.textContent = words.position(current + 1, slides.length, title);
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
  show(move(onScreen()));
});

// Where the presenter is: the slide last shown, unless the reader has scrolled or followed an
// agenda link since; then whatever slide fills most of the screen. Read when a key or button is
// pressed. (An IntersectionObserver kept this before, but its first, asynchronous report could
// arrive after a key press and move the presenter back a slide.)
function onScreen(): number {
  if (Math.abs(slides[current].getBoundingClientRect().top - shownTop) < 2) return current;
  let best = current;
  let most = 0;
  slides.forEach((s, i) => {
    const r = s.getBoundingClientRect();
    const shown = Math.min(r.bottom, innerHeight) - Math.max(r.top, 0);
    if (shown > most) [best, most] = [i, shown];
  });
  return best;
}

nav?.addEventListener('click', (e) => {
  const go = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-go]')?.dataset.go;
  if (go === 'next') show(onScreen() + 1, false);
  else if (go === 'prev') show(onScreen() - 1, false);
  else if (go === 'fullscreen') {
    if (document.fullscreenElement) void document.exitFullscreen();
    // The keys then go to the slide on screen, not to a button the full screen hides.
    else void deck?.requestFullscreen().then(() => show(onScreen()));
  }
});

if (nav) {
  nav.hidden = false;
  document.documentElement.dataset.deckNav = '';
}
if (location.hash && current > 0) show(current);
