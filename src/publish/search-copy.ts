/**
 * What Pagefind reads of a page, and nothing it would skip: the page up to its `<body>` (its
 * language, title and head), then its one `data-pagefind-body` element without the elements
 * marked `data-pagefind-ignore="all"` (charts and their tables, navigation, empty sections).
 * At 50 regions those skipped bytes are nine tenths of 1.2 GB of pages, and parsing them was five
 * sixths of Pagefind's time; indexed from these copies, the sample site gives byte for byte the
 * same index as from its pages (test/browser/site.test.ts; test/unit/search-copy.test.ts on
 * pages made to be awkward).
 *
 * It reads markup as this site writes it: a `<` or `>` in text or in an attribute value is
 * escaped (by Astro, and by chartMarkup for the charts' SVG), so a `<` starts a tag, a comment,
 * or a raw-text element (`<script>`, `<style>`, whose content is jumped over). Only the tags
 * that matter are looked for, not every tag: at 50 regions this reads 1.2 GB of pages in seconds.
 *
 * Cutting is only ever a saving: where a page is not the shape this expects (no body element or
 * more than one, a Pagefind attribute, `<h1>` or `<img>` outside it), the copy is the page
 * itself, and an ignored element whose end is not found stays in (Pagefind skips it itself).
 * The copy is made of the page's own bytes, so it holds nothing the page does not.
 */

const BODY_ATTRIBUTE = 'data-pagefind-body';

/** Comments and raw-text elements, by how they start and how they end. */
const OPAQUE_END: Record<string, RegExp> = { '<!--': /-->/g, '<script': /<\/script\s*>/gi, '<style': /<\/style\s*>/gi };
const OPAQUE = '<!--|<script(?=[\\s>/])|<style(?=[\\s>/])';

/** After a comment or raw-text element that starts at `at` (its opening `opener`), or -1 when it is not closed. */
function opaqueEnd(html: string, opener: string, at: number): number {
  const close = OPAQUE_END[opener.toLowerCase()];
  close.lastIndex = at + opener.length;
  const m = close.exec(html);
  return m ? m.index + m[0].length : -1;
}

/** Per element name: its start and end tags, and what is jumped over (one scan at a time uses each). */
const tagsOf = new Map<string, RegExp>();
const tagsOfName = (name: string): RegExp => {
  let re = tagsOf.get(name);
  if (!re) tagsOf.set(name, (re = new RegExp(`${OPAQUE}|<(/?)${name}(?=[\\s>/])`, 'gi')));
  return re;
};

/**
 * Where the element whose start tag `name` ends at `from` ends (after its end tag), counting the
 * start and end tags of its name within it; -1 when not found before `limit`.
 */
export function elementEnd(html: string, name: string, from: number, limit: number): number {
  const own = name.toLowerCase();
  if (own === 'script' || own === 'style') return -1; // raw text: not counted as elements are
  const re = tagsOfName(own);
  re.lastIndex = from;
  let depth = 1;
  for (let m = re.exec(html); m && m.index < limit; m = re.exec(html)) {
    if (m[1] === undefined) {
      const end = opaqueEnd(html, m[0], m.index);
      if (end < 0) return -1;
      re.lastIndex = end;
    } else if (m[1] === '') depth++;
    else if (--depth === 0) {
      const end = html.indexOf('>', m.index) + 1;
      return end > 0 && end <= limit ? end : -1;
    }
  }
  return -1;
}

/** A start tag that carries `data-pagefind-ignore="all"`, or what is jumped over. */
const IGNORED_OR_OPAQUE = new RegExp(`${OPAQUE}|<([a-zA-Z][\\w-]*)\\s[^>]*?data-pagefind-ignore="all"[^>]*>`, 'gi');

/** `html` from `from` to `to` (inside the body element) without its `data-pagefind-ignore="all"` elements. */
function withoutIgnored(html: string, from: number, to: number): string {
  let out = '';
  let kept = from;
  const re = IGNORED_OR_OPAQUE;
  re.lastIndex = from;
  for (let m = re.exec(html); m && m.index < to; m = re.exec(html)) {
    if (m[1] === undefined) {
      const end = opaqueEnd(html, m[0], m.index);
      if (end < 0) break; // not closed: nothing after it is markup
      re.lastIndex = end;
      continue;
    }
    const end = elementEnd(html, m[1], m.index + m[0].length, to);
    if (end < 0) continue; // left in: Pagefind skips it itself
    out += html.slice(kept, m.index);
    kept = end;
    re.lastIndex = end;
  }
  return out + html.slice(kept, to);
}

/** The copy of `html` Pagefind is given (see above); `html` itself where it is not the expected shape. */
export function searchCopy(html: string): string {
  const first = html.indexOf(BODY_ATTRIBUTE);
  // Once only, anywhere: twice (another element, a script naming it) is not the expected shape.
  if (first < 0 || html.indexOf(BODY_ATTRIBUTE, first + 1) >= 0) return html;
  const headEnd = html.indexOf('</head>');
  const bodyTag = headEnd < 0 ? -1 : html.indexOf('<body', headEnd);
  const bodyOpenEnd = bodyTag < 0 ? -1 : html.indexOf('>', bodyTag) + 1;
  if (bodyOpenEnd <= 0 || first < bodyOpenEnd) return html;
  // The attribute, in the start tag of the element that carries it (not in text, a comment or a script).
  const start = html.lastIndexOf('<', first);
  const name = /^<([a-zA-Z][\w-]*)\s/.exec(html.slice(start, start + 40))?.[1];
  const startTagEnd = html.indexOf('>', start) + 1;
  if (!name || startTagEnd <= first || !/[\s=/>]/.test(html[first + BODY_ATTRIBUTE.length]) || !/\s/.test(html[first - 1])) return html;
  const bodyClose = html.lastIndexOf('</body>');
  const end = elementEnd(html, name, startTagEnd, bodyClose < 0 ? html.length : bodyClose);
  if (end < 0) return html;
  // What is left out around the element must hold nothing Pagefind reads outside it.
  const around = html.slice(bodyOpenEnd, start) + html.slice(end);
  if (/data-pagefind-|<h1[\s>/]|<img[\s>/]/i.test(around)) return html;
  // The body element's start tag is kept whatever it carries: Pagefind indexes it even if marked ignored.
  return `${html.slice(0, bodyOpenEnd)}${html.slice(start, startTagEnd)}${withoutIgnored(html, startTagEnd, end)}</body></html>`;
}
