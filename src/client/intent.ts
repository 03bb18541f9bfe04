/**
 * A reader reaching for a form: a press or a key that can change a value, not a Tab through the
 * page nor a scroll past it. Pages with forms warm DuckDB on it, a second or so before the change.
 */
const PASSING_KEYS = new Set(['Tab', 'Shift', 'Escape', 'Alt', 'Control', 'Meta']);

export function onIntent(el: HTMLElement, act: () => void): void {
  const once = (e: Event) => {
    if (e instanceof KeyboardEvent && PASSING_KEYS.has(e.key)) return;
    for (const type of ['pointerdown', 'keydown'] as const) el.removeEventListener(type, once, true);
    act();
  };
  for (const type of ['pointerdown', 'keydown'] as const) el.addEventListener(type, once, { capture: true, passive: true });
}
