/**
 * What Pagefind reads of a page, and nothing it would skip: the page up to its `<body>` (its
 * language, title and head), then its one `data-pagefind-body` element without the elements
 * marked `data-pagefind-ignore="all"` (charts and their tables, navigation, empty sections).
 * At 50 regions those skipped bytes are nine tenths of 1.2 GB of pages, and parsing them was five
 * sixths of Pagefind's time; indexed from these copies, the same site gives byte for byte the same
 * index (test/unit/search-copy.test.ts builds both on the sample).
 *
 * Cutting is only ever a saving: where a page is not the shape this expects (no body element or
 * more than one, a Pagefind attribute, `<h1>` or `<img>` outside it), the copy is the page
 * itself, and an ignored element whose end is not found stays in (Pagefind skips it itself).
 * The copy is made of the page's own bytes, so it holds nothing the page does not.
 */

/** A start tag that carries `data-pagefind-ignore="all"`, and the element's name. */
const IGNORED_START = /<([a-zA-Z][\w-]*)\b[^>]*\sdata-pagefind-ignore="all"[^>]*>/g;
const BODY_ATTRIBUTE = 'data-pagefind-body';

/**
 * Per element name, what may move its depth: its own start and end tags, and comments and
 * raw-text elements (`<script>`, `<style>`), whose content is not markup and is jumped over.
 */
const tagsOf = new Map<string, RegExp>();
function tags(name: string): RegExp {
  let re = tagsOf.get(name);
  if (!re) tagsOf.set(name, (re = new RegExp(`<!--|<script\\b|<style\\b|<(/?)${name}[\\s>/]`, 'gi')));
  return re;
}
const OPAQUE_END: Record<string, string> = { '<!--': '-->', '<script': '</script>', '<style': '</style>' };

/**
 * Where the element whose start tag ends at `from` ends (after its end tag), counting its own
 * name's start and end tags; -1 when not found before `limit`. Astro escapes `<` in text and
 * attribute values, so a `<` in a page starts a tag, a comment, or a raw-text element.
 */
export function elementEnd(html: string, name: string, from: number, limit: number): number {
  const lower = name.toLowerCase();
  if (lower === 'script' || lower === 'style') return -1; // raw text: its end tag is found as such, not counted
  const re = tags(lower);
  let depth = 1;
  re.lastIndex = from;
  for (let m = re.exec(html); m && m.index < limit; m = re.exec(html)) {
    const opaque = OPAQUE_END[m[0].toLowerCase()];
    if (opaque) {
      const end = html.indexOf(opaque, m.index + m[0].length);
      if (end < 0) return -1;
      re.lastIndex = end + opaque.length;
    } else if (m[1] !== '/') depth++;
    else if (--depth === 0) return html.indexOf('>', m.index) + 1;
  }
  return -1;
}

/** `html` (the body element's content, from its start tag) without its `data-pagefind-ignore="all"` elements. */
function withoutIgnored(html: string): string {
  let out = '';
  let kept = 0;
  IGNORED_START.lastIndex = 0;
  for (let m = IGNORED_START.exec(html); m; m = IGNORED_START.exec(html)) {
    const end = elementEnd(html, m[1], m.index + m[0].length, html.length);
    if (end < 0) continue; // left in: Pagefind skips it itself
    out += html.slice(kept, m.index);
    kept = end;
    IGNORED_START.lastIndex = end;
  }
  return out + html.slice(kept);
}

/** The copy of `html` Pagefind is given (see above); `html` itself where it is not the expected shape. */
export function searchCopy(html: string): string {
  const headEnd = html.indexOf('</head>');
  const bodyTag = headEnd < 0 ? -1 : html.indexOf('<body', headEnd);
  const bodyOpenEnd = bodyTag < 0 ? -1 : html.indexOf('>', bodyTag) + 1;
  const first = html.indexOf(BODY_ATTRIBUTE);
  if (bodyOpenEnd <= 0 || first < bodyOpenEnd || html.indexOf(BODY_ATTRIBUTE, first + 1) >= 0) return html;
  const start = html.lastIndexOf('<', first);
  const name = /^<([a-zA-Z][\w-]*)/.exec(html.slice(start, start + 40))?.[1];
  if (!name) return html;
  const startTagEnd = html.indexOf('>', first) + 1;
  const bodyClose = html.lastIndexOf('</body>');
  const end = elementEnd(html, name, startTagEnd, bodyClose < 0 ? html.length : bodyClose);
  if (end < 0) return html;
  // What is left out around the element must hold nothing Pagefind reads outside it.
  const around = html.slice(bodyOpenEnd, start) + html.slice(end);
  if (/data-pagefind-|<h1[\s>]|<img[\s>]/i.test(around)) return html;
  return `${html.slice(0, bodyOpenEnd)}${withoutIgnored(html.slice(start, end))}</body></html>`;
}
