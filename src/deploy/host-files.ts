/**
 * The header files a host reads, written from `headersFor` for the files of a built site:
 * - `_headers` for Netlify and Cloudflare Pages;
 * - `_nginx.conf`, an include for an nginx `server {}` block.
 * Both hosts apply every rule that matches a path (Netlify, Cloudflare) or exactly one (nginx),
 * so the rules never overlap: a folder whose files all get the same headers is one rule
 * (`/wilayah/*`), any other folder is split into its sub-folders and files. Either way every
 * file gets exactly the headers `headersFor` gives it (test/unit/host-files.test.ts checks that).
 */
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ENCODINGS } from './precompress.ts';
import { headersFor, type HeaderPolicy } from './policy.ts';

export const NETLIFY_HEADERS = '_headers';
export const NGINX_INCLUDE = '_nginx.conf';
/** The files writeHostFiles writes at the site's root. */
export const HOST_FILES = [NETLIFY_HEADERS, NGINX_INCLUDE] as const;
const OWN = new Set<string>(HOST_FILES);

/** One rule: a folder (`/wilayah/`, every path under it) or one exact path (`/`, `/404.html`). */
export interface HeaderRule {
  prefix?: string;
  exact?: string;
  headers: Record<string, string>;
}

const same = (a: Record<string, string>, b: Record<string, string>) => JSON.stringify(a) === JSON.stringify(b);
const isTwin = (name: string) => ENCODINGS.some((e) => name.endsWith(e.ext));

/** The site paths of the files under `dir` (twins left out: they are served under their original's path). */
async function sitePaths(root: string, dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of (await readdir(join(root, dir), { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (isTwin(e.name) || (dir === '' && OWN.has(e.name))) continue;
    const rel = `${dir}/${e.name}`;
    // One at a time: a folder of a national site holds a million paths, more than a call's arguments.
    if (e.isDirectory()) for (const p of await sitePaths(root, rel)) out.push(p);
    else out.push(rel);
  }
  return out;
}

/** The fewest non-overlapping rules that give every file of the site its headers. */
export async function headerRules(root: string, policy: HeaderPolicy): Promise<HeaderRule[]> {
  const rules: HeaderRule[] = [];
  const visit = async (dir: string) => {
    const paths = await sitePaths(root, dir);
    if (paths.length === 0) return;
    const first = headersFor(paths[0], policy);
    if (dir !== '' && paths.every((p) => same(headersFor(p, policy), first))) {
      rules.push({ prefix: `${dir}/`, headers: first });
      return;
    }
    for (const e of (await readdir(join(root, dir), { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (isTwin(e.name) || (dir === '' && OWN.has(e.name))) continue;
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) await visit(rel);
      else {
        const headers = headersFor(rel, policy);
        rules.push({ exact: rel, headers });
        // A folder's index.html is also served at the folder's own address.
        if (e.name === 'index.html') rules.push({ exact: `${dir}/`, headers });
      }
    }
  };
  await visit('');
  return rules;
}

export function netlifyHeaders(rules: readonly HeaderRule[]): string {
  const blocks = rules.map((r) =>
    [r.prefix ? `${r.prefix}*` : r.exact!, ...Object.entries(r.headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n'),
  );
  return `# Headers for Netlify and Cloudflare Pages, written by the build from src/deploy/policy.ts.\n\n${blocks.join('\n\n')}\n`;
}

export function nginxInclude(rules: readonly HeaderRule[], fallback: Record<string, string>): string {
  const adds = (h: Record<string, string>) =>
    Object.entries(h)
      .map(([k, v]) => `    add_header ${k} "${v}" always;`)
      .join('\n');
  const locations = rules.map((r) => `location ${r.prefix ? `^~ ${r.prefix}` : `= ${r.exact}`} {\n${adds(r.headers)}\n}`);
  return [
    "# Kinerja Terbuka: include inside the site's `server { root …/dist; … }` block.",
    '# Written by the build from src/deploy/policy.ts; do not edit, build again.',
    '# Needs nginx ≥ 1.21 (application/wasm in mime.types); brotli_static needs the ngx_brotli module:',
    '# without it, delete that line (the .gz twins are still served).',
    'gzip_static on;',
    'brotli_static on;',
    'error_page 404 /404.html;',
    '',
    ...locations,
    `location / {\n${adds(fallback)}\n}`,
    '',
  ].join('\n');
}

/** Writes `_headers` and `_nginx.conf` into the built site. */
export async function writeHostFiles(root: string, policy: HeaderPolicy): Promise<HeaderRule[]> {
  const rules = await headerRules(root, policy);
  await writeFile(join(root, NETLIFY_HEADERS), netlifyHeaders(rules));
  await writeFile(join(root, NGINX_INCLUDE), nginxInclude(rules, headersFor('/404.html', policy)));
  return rules;
}
