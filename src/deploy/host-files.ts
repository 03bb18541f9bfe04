/**
 * The header files a host reads, written from `headersFor` for the files of a built site:
 * - `_headers` for Netlify and Cloudflare Pages;
 * - `_nginx.conf`, an include for an nginx `server {}` block.
 * Both hosts apply every rule that matches a path (Netlify, Cloudflare) or exactly one (nginx),
 * so the rules never overlap: a folder whose files all get the same headers is one rule
 * (`/wilayah/*`), any other folder is split into its sub-folders and files. Either way every
 * file gets exactly the headers `headersFor` gives it (test/unit/host-files.test.ts checks that).
 */
import { writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { listFiles } from '../publish/site-files.ts';
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

/** A folder of the site as listed: its files and folders, by name in code-unit order. */
interface Folder {
  entries: { name: string; folder?: Folder }[];
}

/**
 * The site's files as folders, from their paths relative to the site (listFiles). Twins are left
 * out (they are served under their original's path), and so is anything under a name a twin
 * would have, and the host files themselves at the root. No folder is empty but the root.
 */
function folderTree(paths: readonly string[]): Folder {
  type Listed = { files: string[]; folders: Map<string, Listed> };
  const root: Listed = { files: [], folders: new Map() };
  for (const path of paths) {
    const names = path.split(sep);
    if (names.some(isTwin) || OWN.has(names[0])) continue;
    let at = root;
    for (const name of names.slice(0, -1)) {
      let next = at.folders.get(name);
      if (!next) at.folders.set(name, (next = { files: [], folders: new Map() }));
      at = next;
    }
    at.files.push(names.at(-1)!);
  }
  const sorted = (listed: Listed): Folder => ({
    entries: [...listed.files.map((name) => ({ name })), ...[...listed.folders].map(([name, sub]) => ({ name, folder: sorted(sub) }))].sort(
      (a, b) => (a.name < b.name ? -1 : 1),
    ),
  });
  return sorted(root);
}

/**
 * The fewest non-overlapping rules that give every file of the site its headers, from the site's
 * files (relative to it, as listFiles gives them: the build has just listed them, and a national
 * site's walk takes seconds).
 */
export function headerRules(paths: readonly string[], policy: HeaderPolicy): HeaderRule[] {
  /** The headers of every file under a folder, where they are the same for all; else null. */
  const common = new Map<Folder, Record<string, string> | null>();
  const commonUnder = (folder: Folder, dir: string): Record<string, string> | null => {
    let headers: Record<string, string> | null | undefined;
    for (const { name, folder: sub } of folder.entries) {
      const own = sub ? commonUnder(sub, `${dir}/${name}`) : headersFor(`${dir}/${name}`, policy);
      headers = headers === undefined || (headers !== null && own !== null && same(headers, own)) ? own : null;
    }
    common.set(folder, headers ?? null);
    return headers ?? null;
  };
  const rules: HeaderRule[] = [];
  const visit = (folder: Folder, dir: string) => {
    const headers = common.get(folder);
    if (dir !== '' && headers) {
      rules.push({ prefix: `${dir}/`, headers });
      return;
    }
    for (const { name, folder: sub } of folder.entries) {
      const rel = `${dir}/${name}`;
      if (sub) visit(sub, rel);
      else {
        const headers = headersFor(rel, policy);
        rules.push({ exact: rel, headers });
        // A folder's index.html is also served at the folder's own address.
        if (name === 'index.html') rules.push({ exact: `${dir}/`, headers });
      }
    }
  };
  const root = folderTree(paths);
  commonUnder(root, '');
  visit(root, '');
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

/** Writes `_headers` and `_nginx.conf` into the built site, whose files are `files` (relative to it; listed when not given). */
export async function writeHostFiles(root: string, policy: HeaderPolicy, files?: readonly string[]): Promise<HeaderRule[]> {
  const rules = headerRules(files ?? listFiles(root), policy);
  await writeFile(join(root, NETLIFY_HEADERS), netlifyHeaders(rules));
  await writeFile(join(root, NGINX_INCLUDE), nginxInclude(rules, headersFor('/404.html', policy)));
  return rules;
}
