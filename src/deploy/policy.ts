/**
 * The site's HTTP policy in one place: the Content-Security-Policy of pages and embeds (the
 * pages' <meta> tags and the servers' headers both read it), and every header a host should
 * send for a path. `_headers`, the nginx include and the preview server are written from
 * `headersFor`, so a reader gets the same protection from every host that follows them.
 *
 * A <meta> CSP cannot say `frame-ancestors` (browsers ignore it there) and does not cover a
 * worker's own requests; only a header can. The pages keep their <meta> CSP so that a host
 * that sends no header at all is still no worse than before.
 */
import { createHash } from 'node:crypto';

/**
 * The language link's inline script: it carries the query and fragment over when followed (they
 * are language-neutral); its static href still works without JavaScript. Allowed by its hash.
 */
export const LANG_SCRIPT =
  '{const a=document.currentScript.previousElementSibling,u=()=>{a.href=a.pathname+location.search+location.hash};for(const e of["click","auxclick","contextmenu"])a.addEventListener(e,u)}';
const LANG_SCRIPT_HASH = `'sha256-${createHash('sha256').update(LANG_SCRIPT).digest('base64')}'`;

/** Pages: scripts, styles, the engine's workers and data from this origin only. */
const PAGE_CSP = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${LANG_SCRIPT_HASH}`,
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** Embeds: a chart and its words, no script at all. */
const EMBED_CSP = [
  "default-src 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The CSP a page's <meta> tag carries. */
export const pageMetaCsp = (): string => PAGE_CSP.join('; ');
/** The CSP an embed's <meta> tag carries. */
export const embedMetaCsp = (): string => EMBED_CSP.join('; ');

export interface HeaderPolicy {
  /**
   * Who may put an embed in a frame (`frame-ancestors` sources): `*` (any site: embeds are made
   * for newsrooms and government pages) unless the deployer names them (KT_EMBED_FRAME_ANCESTORS).
   * Every other page may be framed by nobody, against click-jacking.
   */
  embedAncestors: string;
}

/** Astro's folder of bundled assets, whose names carry their content's hash. */
export const ASSETS_DIR = '_astro';
/** Paths whose names carry their content's hash (Astro's `_astro/`): cached for a year. */
const HASHED = new RegExp(`^/${ASSETS_DIR}/`);
/** Pages, tables and the search index change with each publication: a browser asks again after 5 minutes. */
const SHORT_CACHE = 'public, max-age=300';
const LONG_CACHE = 'public, max-age=31536000, immutable';

const isEmbed = (path: string) => /^\/(en\/)?embed\//.test(path);

/** Every header a host sends for the file at `path` (a site path: `/wilayah/binjai/index.html`). */
export function headersFor(path: string, policy: HeaderPolicy): Record<string, string> {
  const csp = isEmbed(path) ? [...EMBED_CSP, `frame-ancestors ${policy.embedAncestors}`] : [...PAGE_CSP, "frame-ancestors 'none'"];
  return {
    'Content-Security-Policy': csp.join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': isEmbed(path) ? 'no-referrer' : 'strict-origin-when-cross-origin',
    'Cache-Control': HASHED.test(path) ? LONG_CACHE : SHORT_CACHE,
  };
}

/** The embed ancestors a deployer allows: `*`, or space-separated origins (`https://a.example`). */
export function embedAncestors(raw: string | undefined): string {
  const value = (raw ?? '').trim();
  if (value === '') return '*';
  for (const source of value.split(/\s+/)) {
    if (source !== '*' && source !== "'self'" && source !== "'none'" && !/^https?:\/\/[A-Za-z0-9.*-]+(:\d+)?$/.test(source)) {
      throw new Error(
        `KT_EMBED_FRAME_ANCESTORS: "${source}" bukan asal yang sah (mis. https://koran.example) / not a valid origin (e.g. https://news.example)`,
      );
    }
  }
  return value;
}
