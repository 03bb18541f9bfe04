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

const isTwin = (name: string) => ENCODINGS.some((e) => name.endsWith(e.ext));

/** A folder of the site as listed: its files' names and its folders (twins and the host files left out). */
interface Folder {
  files: string[];
  folders: Map<string, Folder>;
}

/**
 * The site's files as folders, from their paths relative to the site (listFiles). Twins are left
 * out (they are served under their original's path), and so is anything under a name a twin
 * would have, and the host files themselves at the root.
 */
function folderTree(paths: readonly string[]): Folder {
  const root: Folder = { files: [], folders: new Map() };
  for (const path of paths) {
    const names = path.split(sep);
    if (names.some(isTwin) || (names.length === 1 && OWN.has(names[0]))) continue;
    let at = root;
    for (const name of names.slice(0, -1)) {
      let next = at.folders.get(name);
      if (!next) at.folders.set(name, (next = { files: [], folders: new Map() }));
      at = next;
    }
    at.files.push(names.at(-1)!);
  }
  return root;
}

/** A folder's files and folders by name, in code-unit order. */
const entries = (folder: Folder): { name: string; folder?: Folder }[] =>
  [...folder.files.map((name) => ({ name })), ...[...folder.folders].map(([name, sub]) => ({ name, folder: sub }))].sort((a, b) =>
    a.name < b.name ? -1 : 1,
  );

/**
 * The fewest non-overlapping rules that give every file of the site its headers, from the site's
 * files (relative to it, as listFiles gives them: the build has just listed them, and a national
 * site's walk takes seconds).
 */
export function headerRules(paths: readonly string[], policy: HeaderPolicy): HeaderRule[] {
  const rules: HeaderRule[] = [];
  /** Each folder's headers when every file under it gets the same (their JSON), else null; undefined for a folder without files. */
  const uniform = new Map<Folder, string | null | undefined>();
  const headersOf = (folder: Folder, dir: string): string | null | undefined => {
    let key: string | null | undefined;
    for (const { name, folder: sub } of entries(folder)) {
      const k = sub ? headersOf(sub, `${dir}/${name}`) : JSON.stringify(headersFor(`${dir}/${name}`, policy));
      if (k === undefined) continue;
      key = key === undefined || key === k ? k : null;
    }
    uniform.set(folder, key);
    return key;
  };
  const visit = (folder: Folder, dir: string) => {
    const key = uniform.get(folder);
    if (key === undefined) return;
    if (dir !== '' && key !== null) {
      rules.push({ prefix: `${dir}/`, headers: JSON.parse(key) as Record<string, string> });
      return;
    }
    for (const { name, folder: sub } of entries(folder)) {
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
  headersOf(root, '');
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
