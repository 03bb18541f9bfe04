/**
 * The units a comparison link chose, on a compare form that lists no units (too many to list:
 * site/compare.ts unitsUnlisted). Without them the form's next submit would drop the link's units
 * unseen, and the note "each region chosen is compared with all its units" would be untrue. Each
 * is a ticked box the reader can untick, named once a result has named it.
 */
import { unitKey, unitLabel } from '../queries/compare.ts';
import type { QueryResult } from '../queries/result.ts';

/** The form's choice of a unit (queries/compare.ts: `kode_wilayah:kode_unit`) → its name and its region's, from a comparison's rows. */
export function unitNames(result: QueryResult, into = new Map<string, string>()): Map<string, string> {
  const col = (name: string) => result.columns.indexOf(name);
  const [w, u, region, unit] = [col('kode_wilayah'), col('kode_unit'), col('wilayah'), col('unit')];
  if ([w, u, region, unit].includes(-1)) return into;
  // With its region always: a form's boxes may name units of several regions.
  for (const r of result.rows) into.set(unitKey(String(r[w]), String(r[u])), unitLabel(String(r[unit]), String(r[region]), true));
  return into;
}

/**
 * `units` as ticked boxes named `unit` in `box` (its `.kt-checks`), shown only when there are any;
 * `allUnits`, the note that every unit of a chosen region is compared, shown only when there are none.
 * Called with the choices the page compares (a link's, or the form's as submitted).
 */
export function showKeptUnits(
  box: HTMLElement,
  allUnits: HTMLElement | null,
  units: readonly string[],
  names: ReadonlyMap<string, string>,
): void {
  const checks = box.querySelector('.kt-checks');
  if (!checks) throw new Error('compare form: no .kt-checks for the kept units');
  const doc = box.ownerDocument;
  checks.replaceChildren(
    ...units.map((key) => {
      const label = doc.createElement('label');
      const input = doc.createElement('input');
      input.type = 'checkbox';
      input.name = 'unit';
      input.value = key;
      input.checked = true;
      label.append(input, ` ${names.get(key) ?? key}`);
      return label;
    }),
  );
  box.hidden = units.length === 0;
  if (allUnits) allUnits.hidden = units.length > 0;
}

/**
 * The kept boxes' labels, named as `names` names them; each box as the reader left it (a result
 * arrives while the reader may be unticking one).
 */
export function nameKeptUnits(box: HTMLElement, names: ReadonlyMap<string, string>): void {
  for (const input of box.querySelectorAll<HTMLInputElement>('input[name=unit]')) {
    const name = names.get(input.value);
    const text = input.nextSibling;
    if (name !== undefined && text?.nodeType === 3) text.textContent = ` ${name}`;
  }
}
