/**
 * A static server for the built site as production serves it: the headers of its own `_headers`
 * file (as Netlify and Cloudflare apply them: every matching rule) and the precompressed twins
 * when the browser accepts them. `npm run preview` and the browser tests use it, so what they
 * see is what readers get. Loopback only; paths outside the site are refused.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { ENCODINGS } from './precompress.ts';
import { NETLIFY_HEADERS } from './host-files.ts';

export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.parquet': 'application/vnd.apache.parquet',
  '.arrow': 'application/vnd.apache.arrow.stream',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.zip': 'application/zip',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pf_meta': 'application/octet-stream',
};

interface Rule {
  pattern: string;
  headers: [string, string][];
}

/** Reads a `_headers` file: a path line, then its indented `Name: value` lines. */
export function parseHeadersFile(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const at = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

/** The headers every matching rule gives `path` (a `*` at the end matches any rest). */
export function matchHeaders(rules: readonly Rule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rules) {
    const hit = r.pattern.endsWith('*') ? path.startsWith(r.pattern.slice(0, -1)) : path === r.pattern;
    if (hit) for (const [k, v] of r.headers) out[k] = k in out ? `${out[k]}, ${v}` : v;
  }
  return out;
}

/**
 * `policy: false` serves without the `_headers` rules, as a bare host does: for tests that the
 * site's own defences (the explorer's lockdown) hold with no header at all.
 */
export function serveSite(
  root: string,
  opts: { port?: number; host?: string; policy?: boolean } = {},
): Promise<{ url: string; close: () => Promise<void>; server: Server }> {
  const base = normalize(root);
  const headersFile = join(base, NETLIFY_HEADERS);
  const rules = opts.policy !== false && existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  const server = createServer((req, res) => {
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = normalize(join(base, urlPath));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      file = join(base, '404.html');
      if (!existsSync(file)) {
        res.writeHead(404).end('not found');
        return;
      }
    }
    const sitePath =
      '/' +
      file
        .slice(base.length + 1)
        .split(sep)
        .join('/');
    const headers: Record<string, string | number> = {
      ...matchHeaders(rules, status === 404 ? urlPath : sitePath),
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
    };
    const accepted = String(req.headers['accept-encoding'] ?? '');
    const twin = ENCODINGS.find((e) => new RegExp(`\\b${e.name}\\b`).test(accepted) && existsSync(file + e.ext));
    if (ENCODINGS.some((e) => existsSync(file + e.ext))) headers['Vary'] = 'Accept-Encoding';
    if (twin) {
      headers['Content-Encoding'] = twin.name;
      file += twin.ext;
    }
    headers['Content-Length'] = statSync(file).size;
    res.writeHead(status, headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  // Node's default closes an idle kept-alive socket after 5 s; a client reusing it at that
  // moment gets "other side closed" (seen in the tests' sequential fetches). Clients keep idle
  // sockets for about 4 s (undici) to 60 s (browsers): outlast them.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return new Promise((resolve) => {
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      const addr = server.address();
      const p = typeof addr === 'object' && addr ? addr.port : opts.port;
      resolve({
        url: `http://${opts.host ?? '127.0.0.1'}:${p}`,
        server,
        close: () =>
          new Promise((r) => {
            server.close(() => r());
            server.closeIdleConnections(); // kept-alive sockets would otherwise hold close() for a minute
          }),
      });
    });
  });
}
